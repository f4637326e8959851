# BUG: does not reject a negative partition count (returns empty assignments instead of raising ValueError)
def range_assign(partitions, consumers):
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    if not members:
        return {}
    per, extra = divmod(max(partitions, 0), len(members))
    out, start = {}, 0
    for i, member in enumerate(members):
        count = per + (1 if i < extra else 0)
        out[member] = list(range(start, start + count))
        start += count
    return out
