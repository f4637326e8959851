"""Hand out partitions from one iterator with itertools.islice."""
from collections import Counter
from itertools import islice


def range_assign(partitions, consumers):
    if partitions < 0:
        raise ValueError("partitions must not be negative")
    if any(count > 1 for count in Counter(consumers).values()):
        raise ValueError("consumer names must be unique")
    if not consumers:
        return {}
    pool = iter(range(partitions))
    n = len(consumers)
    return {
        name: list(islice(pool, partitions // n + (1 if rank < partitions % n else 0)))
        for rank, name in enumerate(sorted(consumers))
    }
