# BUG: deals partitions out round-robin (p % n), which balances counts but does not give contiguous ranges
def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    if not members:
        return {}
    out = {m: [] for m in members}
    for p in range(partitions):
        out[members[p % len(members)]].append(p)
    return out
