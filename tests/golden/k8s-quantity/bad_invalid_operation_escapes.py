# BUG: lets decimal.InvalidOperation (not a ValueError) escape for malformed text, and Decimal() tolerates spaces
from decimal import Decimal

_MULTIPLIERS = {
    "Ki": Decimal(1024), "Mi": Decimal(1024) ** 2, "Gi": Decimal(1024) ** 3,
    "Ti": Decimal(1024) ** 4, "Pi": Decimal(1024) ** 5, "Ei": Decimal(1024) ** 6,
    "n": Decimal("1e-9"), "u": Decimal("1e-6"), "m": Decimal("1e-3"),
    "k": Decimal("1e3"), "M": Decimal("1e6"), "G": Decimal("1e9"),
    "T": Decimal("1e12"), "P": Decimal("1e15"), "E": Decimal("1e18"),
}


def parse_quantity(text):
    for suffix in sorted(_MULTIPLIERS, key=len, reverse=True):
        if text.endswith(suffix) and not text.endswith("e" + suffix[-1:]):
            return Decimal(text[: -len(suffix)]) * _MULTIPLIERS[suffix]
    return Decimal(text)  # plain numbers and exponents such as 2e3
