# BUG: derives the k positions from hash((i, item)); tuple hashes of one item are correlated, so false positives soar
import math


class BloomFilter:
    def __init__(self, capacity, error_rate):
        if capacity < 1 or not (0.0 < error_rate < 1.0):
            raise ValueError("bad parameters")
        bits_per_item = -math.log(error_rate) / (math.log(2) ** 2)
        self.num_bits = math.ceil(capacity * bits_per_item)
        self.num_hashes = max(1, round(bits_per_item * math.log(2)))
        self._cells = bytearray(self.num_bits)

    def _slots(self, item):
        return [hash((seed, item)) % self.num_bits for seed in range(self.num_hashes)]

    def add(self, item):
        for s in self._slots(item):
            self._cells[s] = 1

    def __contains__(self, item):
        return all(self._cells[s] for s in self._slots(item))
