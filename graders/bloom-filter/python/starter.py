"""Bloom filter.

Implement `BloomFilter` as described in the question: size the bit array from
`capacity` and `error_rate`, choose the number of hash functions, and never
report a false negative.
"""


class BloomFilter:
    def __init__(self, capacity: int, error_rate: float):
        """Raise ValueError if capacity < 1 or error_rate is not strictly between 0 and 1.

        Set the attributes `num_bits` (int) and `num_hashes` (int).
        """
        raise NotImplementedError

    def add(self, item: str) -> None:
        """Record `item` in the filter."""
        raise NotImplementedError

    def __contains__(self, item: str) -> bool:
        """True if `item` may have been added; False means it certainly was not."""
        raise NotImplementedError
