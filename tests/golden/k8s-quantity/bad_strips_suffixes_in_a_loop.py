# BUG: strips suffixes repeatedly, so two suffixes such as '1kM', '1MiKi' or '1e3k' are accepted and multiplied
import re
from decimal import Decimal, localcontext

_SUFFIXES = [  # two-letter suffixes first
    ("Ki", 1024), ("Mi", 1024 ** 2), ("Gi", 1024 ** 3), ("Ti", 1024 ** 4), ("Pi", 1024 ** 5), ("Ei", 1024 ** 6),
    ("n", Decimal("1e-9")), ("u", Decimal("1e-6")), ("m", Decimal("1e-3")), ("k", 10 ** 3), ("M", 10 ** 6),
    ("G", 10 ** 9), ("T", 10 ** 12), ("P", 10 ** 15), ("E", 10 ** 18),
]
_NUMBER = re.compile(r"([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+))(?:[eE]([+-]?[0-9]+))?")


def parse_quantity(text):
    factor = Decimal(1)
    rest = text
    stripped = True
    while stripped:
        stripped = False
        for suffix, multiplier in _SUFFIXES:
            if rest.endswith(suffix) and len(rest) > len(suffix):
                factor *= multiplier
                rest = rest[: -len(suffix)]
                stripped = True
                break
    m = _NUMBER.fullmatch(rest)
    if m is None:
        raise ValueError(f"invalid quantity {text!r}")
    with localcontext() as ctx:
        ctx.prec = 200
        value = Decimal(m.group(1)) * factor
        return value.scaleb(int(m.group(2))) if m.group(2) else value
