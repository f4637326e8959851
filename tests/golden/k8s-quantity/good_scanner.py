"""Hand-written scanner with exact integer arithmetic (no regular expressions)."""
from decimal import Decimal

_BINARY_EXP = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}  # powers of two
_DECIMAL_EXP = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
_DIGITS = "0123456789"


def _digits_run(s, i):
    j = i
    while j < len(s) and s[j] in _DIGITS:
        j += 1
    return s[i:j], j


def parse_quantity(text):
    i = 0
    negative = False
    if i < len(text) and text[i] in "+-":
        negative = text[i] == "-"
        i += 1
    whole, i = _digits_run(text, i)
    frac = ""
    if i < len(text) and text[i] == ".":
        frac, i = _digits_run(text, i + 1)
    if not whole and not frac:
        raise ValueError(f"no number in {text!r}")
    mantissa = int(whole + frac or "0")
    exponent10 = -len(frac)
    suffix = text[i:]
    if suffix in _BINARY_EXP:
        mantissa <<= _BINARY_EXP[suffix]
    elif suffix in _DECIMAL_EXP:
        exponent10 += _DECIMAL_EXP[suffix]
    elif suffix[:1] in ("e", "E"):
        rest = suffix[1:]
        sign = 1
        if rest[:1] in ("+", "-"):
            sign = -1 if rest[0] == "-" else 1
            rest = rest[1:]
        if not rest or any(c not in _DIGITS for c in rest):
            raise ValueError(f"bad exponent in {text!r}")
        exponent10 += sign * int(rest)
    else:
        raise ValueError(f"unknown suffix {suffix!r} in {text!r}")
    digits = tuple(int(c) for c in str(mantissa))
    return Decimal((1 if negative else 0, digits, exponent10))
