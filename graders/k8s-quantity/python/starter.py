"""Kubernetes resource quantities.

Implement `parse_quantity` as described in the question: an optional sign, a
decimal number and at most one suffix (binary Ki..Ei, decimal n..E, or an
exponent e<int>/E<int>), returned as an exact decimal.Decimal.
"""
import decimal


def parse_quantity(text: str) -> decimal.Decimal:
    """Return the value of `text` (for example "100m" -> Decimal("0.1")); raise ValueError if malformed."""
    raise NotImplementedError
