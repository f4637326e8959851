# BUG: consumers that receive no partition are left out of the result instead of mapping to []
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    if not members:
        return {}
    per, extra = divmod(partitions, len(members))
    out, start = {}, 0
    for i, member in enumerate(members):
        count = per + (1 if i < extra else 0)
        if count:
            out[member] = list(range(start, start + count))
        start += count
    return out
