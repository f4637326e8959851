"""Vector clocks on collections.Counter: `|` is the element-wise maximum and drops non-positive counts."""
from collections import Counter


def increment(clock, node):
    result = Counter(clock)
    result[node] += 1
    return +result  # unary plus drops zero entries


def merge(a, b):
    return Counter(a) | Counter(b)


def compare(a, b):
    ca, cb = +Counter(a), +Counter(b)
    if ca == cb:
        return "equal"
    a_le_b = not (ca - cb)  # Counter subtraction keeps only positive differences
    b_le_a = not (cb - ca)
    if a_le_b:
        return "before"
    if b_le_a:
        return "after"
    return "concurrent"
