# BUG: evicts with next(iter(dict)); after many front deletions CPython scans the dead slots first, so eviction cost grows with the capacity.
"""Relies on dict insertion order: re-inserting a key moves it to the end; the first key is the LRU."""

_MISSING = object()


class LRUCache:
    def __init__(self, capacity):
        if not capacity >= 1:
            raise ValueError("capacity must be positive")
        self._cap = capacity
        self._d = {}

    def get(self, key, default=None):
        value = self._d.pop(key, _MISSING)
        if value is _MISSING:
            return default
        self._d[key] = value
        return value

    def put(self, key, value):
        self._d.pop(key, None)
        self._d[key] = value
        if len(self._d) > self._cap:
            del self._d[next(iter(self._d))]

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d
