# BUG: gives every consumer ceil(partitions / n) partitions in turn, so the last consumers get fewer (or none)
import math


def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    if not members:
        return {}
    size = math.ceil(partitions / len(members))
    return {m: list(range(min(i * size, partitions), min((i + 1) * size, partitions))) for i, m in enumerate(members)}
