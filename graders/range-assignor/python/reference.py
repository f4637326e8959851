"""Reference solution: Kafka's RangeAssignor for a single topic."""


def range_assign(partitions: int, consumers: list[str]) -> dict[str, list[int]]:
    if partitions < 0:
        raise ValueError("partitions must be >= 0")
    if len(set(consumers)) != len(consumers):
        raise ValueError("duplicate consumer ids")
    members = sorted(consumers)
    if not members:
        return {}
    per_consumer, extra = divmod(partitions, len(members))
    assignment = {}
    start = 0
    for i, member in enumerate(members):
        count = per_consumer + (1 if i < extra else 0)
        assignment[member] = list(range(start, start + count))
        start += count
    return assignment
