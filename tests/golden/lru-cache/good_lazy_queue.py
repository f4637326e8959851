"""A dict of values plus a queue of (stamp, key) touches; stale queue entries are skipped at eviction and the
queue is compacted when it grows past a few times the capacity, so every operation is amortized O(1)."""

from collections import deque


class LRUCache:
    def __init__(self, capacity):
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._capacity = capacity
        self._values = {}
        self._stamps = {}
        self._queue = deque()
        self._clock = 0

    def _touch(self, key):
        self._clock += 1
        self._stamps[key] = self._clock
        self._queue.append((self._clock, key))
        if len(self._queue) > 4 * self._capacity + 16:
            self._queue = deque(entry for entry in self._queue if self._stamps.get(entry[1]) == entry[0])

    def get(self, key, default=None):
        if key not in self._values:
            return default
        self._touch(key)
        return self._values[key]

    def put(self, key, value):
        self._values[key] = value
        self._touch(key)
        if len(self._values) > self._capacity:
            while True:
                stamp, oldest = self._queue.popleft()
                if self._stamps.get(oldest) == stamp:
                    del self._values[oldest]
                    del self._stamps[oldest]
                    return

    def __len__(self):
        return len(self._values)

    def __contains__(self, key):
        return key in self._values
