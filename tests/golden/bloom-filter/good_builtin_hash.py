"""Bloom filter with one byte per bit and positions from the built-in hash of a per-seed string.

Python salts str hashes per process; that is fine here because a filter lives in one process.
"""
import math


class BloomFilter:
    def __init__(self, capacity, error_rate):
        if capacity < 1 or not (0.0 < error_rate < 1.0):
            raise ValueError("bad parameters")
        bits_per_item = -math.log(error_rate) / (math.log(2) ** 2)
        self.num_bits = math.ceil(capacity * bits_per_item)
        self.num_hashes = max(1, math.floor(bits_per_item * math.log(2) + 0.5))
        self._cells = bytearray(self.num_bits)

    def _slots(self, item):
        m = self.num_bits
        return [hash(f"{seed}:{item}") % m for seed in range(self.num_hashes)]

    def add(self, item):
        for s in self._slots(item):
            self._cells[s] = 1

    def __contains__(self, item):
        cells = self._cells
        for s in self._slots(item):
            if not cells[s]:
                return False
        return True
