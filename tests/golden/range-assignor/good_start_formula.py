"""Compute each consumer's range directly: start = i * q + min(i, r)."""


def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError(f"negative partition count {partitions}")
    ordered = sorted(consumers)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a == b:
            raise ValueError(f"duplicate consumer {a!r}")
    n = len(ordered)
    if n == 0:
        return {}
    q, r = partitions // n, partitions % n
    result = {}
    for i, name in enumerate(ordered):
        start = i * q + min(i, r)
        length = q + (i < r)
        result[name] = [p for p in range(start, start + length)]
    return result
