# BUG: assigns ranges in the order the consumers were given instead of sorting them by name
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    if not consumers:
        return {}
    per, extra = divmod(partitions, len(consumers))
    out, start = {}, 0
    for i, member in enumerate(consumers):
        count = per + (1 if i < extra else 0)
        out[member] = list(range(start, start + count))
        start += count
    return out
