"""Regex split, exact arithmetic with fractions.Fraction, converted to Decimal at the end."""
import re
from decimal import Decimal, localcontext
from fractions import Fraction

_SUFFIXES = {
    "Ki": Fraction(2) ** 10, "Mi": Fraction(2) ** 20, "Gi": Fraction(2) ** 30,
    "Ti": Fraction(2) ** 40, "Pi": Fraction(2) ** 50, "Ei": Fraction(2) ** 60,
    "n": Fraction(10) ** -9, "u": Fraction(10) ** -6, "m": Fraction(10) ** -3, "": Fraction(1),
    "k": Fraction(10) ** 3, "M": Fraction(10) ** 6, "G": Fraction(10) ** 9,
    "T": Fraction(10) ** 12, "P": Fraction(10) ** 15, "E": Fraction(10) ** 18,
}
_NUMBER = re.compile(r"^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)\Z", re.DOTALL)
_EXPONENT = re.compile(r"^[eE]([+-]?[0-9]+)\Z")


def parse_quantity(text):
    m = _NUMBER.match(text)
    sign, whole, frac, suffix = m.group(1), m.group(2), m.group(3) or "", m.group(4)
    if not whole and not frac:
        raise ValueError("missing number")
    value = Fraction(int(whole or "0")) + (Fraction(int(frac), 10 ** len(frac)) if frac else 0)
    if suffix in _SUFFIXES:
        value *= _SUFFIXES[suffix]
    else:
        e = _EXPONENT.match(suffix)
        if not e:
            raise ValueError(f"bad suffix {suffix!r}")
        value *= Fraction(10) ** int(e.group(1))
    if sign == "-":
        value = -value
    with localcontext() as ctx:
        ctx.prec = 500  # the denominator is 2^a * 5^b, so the quotient is a finite decimal
        return Decimal(value.numerator) / Decimal(value.denominator)
