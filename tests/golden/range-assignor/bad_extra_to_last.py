# BUG: gives the extra partitions to the last consumers instead of the first ones
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    n = len(members)
    if n == 0:
        return {}
    per, extra = divmod(partitions, n)
    out, start = {}, 0
    for i, member in enumerate(members):
        count = per + (1 if i >= n - extra else 0)
        out[member] = list(range(start, start + count))
        start += count
    return out
