# BUG: forgets to vary the hash per round, so all k positions are the same bit
import hashlib
import math


class BloomFilter:
    def __init__(self, capacity: int, error_rate: float):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        if not 0 < error_rate < 1:
            raise ValueError("error_rate must be strictly between 0 and 1")
        self.num_bits = max(1, math.ceil(-capacity * math.log(error_rate) / math.log(2) ** 2))
        self.num_hashes = max(1, round(self.num_bits / capacity * math.log(2)))
        self._bits = bytearray((self.num_bits + 7) // 8)

    def _positions(self, item: str):
        digest = hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest()
        h1 = int.from_bytes(digest, "little")
        m = self.num_bits
        return [h1 % m for _ in range(self.num_hashes)]

    def add(self, item: str) -> None:
        for p in self._positions(item):
            self._bits[p >> 3] |= 1 << (p & 7)

    def __contains__(self, item: str) -> bool:
        return all(self._bits[p >> 3] & (1 << (p & 7)) for p in self._positions(item))
