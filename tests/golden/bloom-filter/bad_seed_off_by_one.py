# BUG: add() uses hash seeds 0..k-1 but the membership test uses 1..k, producing false negatives
import hashlib
import math


class BloomFilter:
    def __init__(self, capacity, error_rate):
        if capacity < 1 or not 0 < error_rate < 1:
            raise ValueError("invalid parameters")
        self.num_bits = math.ceil(-capacity * math.log(error_rate) / math.log(2) ** 2)
        self.num_hashes = max(1, round(self.num_bits / capacity * math.log(2)))
        self.bits = bytearray(self.num_bits)

    def _index(self, item, seed):
        digest = hashlib.md5(f"{seed}:{item}".encode()).digest()
        return int.from_bytes(digest, "big") % self.num_bits

    def add(self, item):
        for seed in range(self.num_hashes):
            self.bits[self._index(item, seed)] = 1

    def __contains__(self, item):
        return all(self.bits[self._index(item, seed)] for seed in range(1, self.num_hashes + 1))
