"""Kafka-style offset tracker.

Implement `OffsetTracker` as described in the question: records of one
partition finish out of order, and `committable` is the lowest offset that is
not done yet (the offset a consumer may safely commit). Memory must stay
bounded by the gap between committable and the highest done offset.
"""


class OffsetTracker:
    def __init__(self, start: int = 0):
        """`start` is the first offset of the partition this tracker sees."""
        raise NotImplementedError

    def done(self, offset: int) -> None:
        """Mark `offset` processed. Repeats are ignored; offset < start raises ValueError."""
        raise NotImplementedError

    @property
    def committable(self) -> int:
        """The lowest offset (>= start) that is not done yet."""
        raise NotImplementedError
