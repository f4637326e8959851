"""Reference solution for lru-cache: an OrderedDict kept in recency order (least recently used first)."""

from collections import OrderedDict


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key."""

    def __init__(self, capacity: int):
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1, got {capacity}")
        self._capacity = capacity
        self._data = OrderedDict()

    def get(self, key, default=None):
        """Return the value for `key` (making it most recently used), or `default` when absent."""
        try:
            self._data.move_to_end(key)
        except KeyError:
            return default
        return self._data[key]

    def put(self, key, value) -> None:
        """Insert or overwrite `key`; it becomes most recently used. Evicts the LRU key when over capacity."""
        self._data[key] = value
        self._data.move_to_end(key)
        if len(self._data) > self._capacity:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key) -> bool:
        return key in self._data
