# BUG: each position comes from only 16 bits of its digest, so a filter of more than 65,536 bits never sets the rest
"""Bloom filter backed by one Python int, with k independently salted SHA-256 hashes."""
import hashlib
import math


class BloomFilter:
    def __init__(self, capacity, error_rate):
        if not isinstance(capacity, int) or capacity < 1:
            raise ValueError("capacity < 1")
        if error_rate <= 0 or error_rate >= 1:
            raise ValueError("error_rate must be in (0, 1)")
        ln2 = math.log(2)
        self.num_bits = int(math.ceil(capacity * math.log(1 / error_rate) / (ln2 * ln2)))
        self.num_hashes = max(1, int(math.ceil(math.log2(1 / error_rate))))
        self._mask = 0

    def _indexes(self, item):
        data = item.encode("utf-8")
        for i in range(self.num_hashes):
            digest = hashlib.sha256(i.to_bytes(2, "big") + data).digest()
            yield int.from_bytes(digest[:2], "big") % self.num_bits

    def add(self, item):
        for i in self._indexes(item):
            self._mask |= 1 << i

    def __contains__(self, item):
        mask = self._mask
        return all((mask >> i) & 1 for i in self._indexes(item))
