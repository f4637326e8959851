"""Reference solution: parse a Kubernetes resource quantity into an exact Decimal."""
import decimal
import re

_BINARY = {"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6}          # powers of 1024
_DECIMAL = {"n": -9, "u": -6, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}  # powers of 10

_QUANTITY = re.compile(
    r"(?P<number>[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))"
    r"(?P<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?"
)


def parse_quantity(text: str) -> decimal.Decimal:
    match = _QUANTITY.fullmatch(text)  # fullmatch: no trailing text, spaces or newline
    if match is None:
        raise ValueError(f"invalid quantity: {text!r}")
    suffix = match.group("suffix") or ""
    with decimal.localcontext() as ctx:
        ctx.prec = 1000  # exact for any realistic quantity
        number = decimal.Decimal(match.group("number"))
        if suffix in _BINARY:
            return +(number * (1024 ** _BINARY[suffix]))
        if suffix in _DECIMAL:
            return number.scaleb(_DECIMAL[suffix])
        if suffix:
            return number.scaleb(int(suffix[1:]))
        return +number
