"""Kafka range assignor.

Implement `range_assign` as described in the question: split the partitions of
one topic into contiguous ranges over the consumers, sorted by name, with the
first `partitions % n` consumers getting one extra partition.
"""


def range_assign(partitions: int, consumers: list[str]) -> dict[str, list[int]]:
    """Return {consumer: [partition, ...]} with every consumer as a key.

    Raise ValueError for duplicate consumer names or partitions < 0.
    """
    raise NotImplementedError
