"""Values and expiries in dicts plus a min-heap of (expiry, seq, key) that purges expired keys eagerly."""
import heapq
import itertools
import time


class TTLCache:
    def __init__(self, default_ttl, clock=time.monotonic):
        if not default_ttl > 0:
            raise ValueError("default_ttl must be positive")
        self.default_ttl = default_ttl
        self.clock = clock
        self.values = {}
        self.expires = {}
        self.heap = []  # stale items (key re-set or deleted since) are skipped when popped
        self.seq = itertools.count()  # tie-breaker so keys themselves are never compared

    def _purge(self):
        now = self.clock()
        while self.heap and self.heap[0][0] <= now:
            expiry, _, key = heapq.heappop(self.heap)
            if key in self.expires and self.expires[key] == expiry:
                del self.expires[key]
                del self.values[key]

    def set(self, key, value, ttl=None):
        if ttl is not None and not ttl > 0:
            raise ValueError("ttl must be positive")
        self._purge()
        expiry = self.clock() + (self.default_ttl if ttl is None else ttl)
        self.values[key] = value
        self.expires[key] = expiry
        heapq.heappush(self.heap, (expiry, next(self.seq), key))

    def get(self, key, default=None):
        self._purge()
        return self.values[key] if key in self.values else default

    def delete(self, key):
        self._purge()
        if key in self.values:
            del self.values[key]
            del self.expires[key]
            return True
        return False

    def __len__(self):
        self._purge()
        return len(self.values)
