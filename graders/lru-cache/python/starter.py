"""lru-cache: implement LRUCache, a fixed-capacity cache that evicts the least recently used key.

get and put must run in O(1) on average. `in` must not change recency. See the question for the full contract.
"""


class LRUCache:
    def __init__(self, capacity: int):
        """Create an empty cache holding at most `capacity` keys; capacity < 1 raises ValueError."""
        raise NotImplementedError

    def get(self, key, default=None):
        """Return the value for `key` and make it most recently used, or return `default` if absent."""
        raise NotImplementedError

    def put(self, key, value) -> None:
        """Insert or overwrite `key` (it becomes most recently used); evict the LRU key if len > capacity."""
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of keys held."""
        raise NotImplementedError

    def __contains__(self, key) -> bool:
        """Whether `key` is held; does NOT change recency."""
        raise NotImplementedError
