"""Reference solution for ttl-cache: a dict of key -> (value, expiry), expired lazily on access."""

import time


class TTLCache:
    """A key-value cache whose entries expire `ttl` seconds after they were set (read from `clock`)."""

    def __init__(self, default_ttl: float, clock=time.monotonic):
        if default_ttl <= 0:
            raise ValueError(f"default_ttl must be > 0, got {default_ttl}")
        self._default_ttl = default_ttl
        self._clock = clock
        self._data = {}  # key -> (value, expires_at)

    def set(self, key, value, ttl=None) -> None:
        """Store `value` under `key` until clock() + ttl (default_ttl when ttl is None)."""
        if ttl is None:
            ttl = self._default_ttl
        elif ttl <= 0:
            raise ValueError(f"ttl must be > 0, got {ttl}")
        self._data[key] = (value, self._clock() + ttl)

    def _live_entry(self, key, now):
        entry = self._data.get(key)
        if entry is None:
            return None
        if now >= entry[1]:
            del self._data[key]
            return None
        return entry

    def get(self, key, default=None):
        """The value of a live key, else `default`. A key is expired once clock() >= its expiry."""
        entry = self._live_entry(key, self._clock())
        return default if entry is None else entry[0]

    def delete(self, key) -> bool:
        """Remove `key`; True only if it was live."""
        if self._live_entry(key, self._clock()) is None:
            return False
        del self._data[key]
        return True

    def __len__(self) -> int:
        """Number of live keys now; expired entries are dropped on the way."""
        now = self._clock()
        expired = [k for k, (_, exp) in self._data.items() if now >= exp]
        for k in expired:
            del self._data[k]
        return len(self._data)
