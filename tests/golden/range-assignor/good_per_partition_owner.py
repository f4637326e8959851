"""Walk the partitions and compute each one's owner arithmetically."""


def range_assign(partitions, consumers):
    seen = set()
    for c in consumers:
        if c in seen:
            raise ValueError("duplicate consumer: " + c)
        seen.add(c)
    if partitions < 0:
        raise ValueError("partitions < 0")
    if not consumers:
        return {}
    names = sorted(seen)
    n = len(names)
    q, r = divmod(partitions, n)
    out = {name: [] for name in names}
    boundary = r * (q + 1)  # the first r consumers own q + 1 partitions each
    for p in range(partitions):
        owner = p // (q + 1) if p < boundary else r + (p - boundary) // q
        out[names[owner]].append(p)
    return out
