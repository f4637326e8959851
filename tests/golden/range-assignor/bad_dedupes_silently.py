# BUG: silently removes duplicate consumer names instead of raising ValueError
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    members = sorted(set(consumers))
    if not members:
        return {}
    per, extra = divmod(partitions, len(members))
    out, start = {}, 0
    for i, member in enumerate(members):
        count = per + (1 if i < extra else 0)
        out[member] = list(range(start, start + count))
        start += count
    return out
