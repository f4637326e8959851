# BUG: divides by the number of consumers before checking for an empty group (ZeroDivisionError instead of {})
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    per, extra = divmod(partitions, len(members))
    out, start = {}, 0
    for i, member in enumerate(members):
        count = per + (1 if i < extra else 0)
        out[member] = list(range(start, start + count))
        start += count
    return out
