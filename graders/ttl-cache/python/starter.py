"""ttl-cache: implement TTLCache, a key-value cache whose entries expire after a time to live.

Time comes only from the injected `clock` (a callable returning seconds). A key is expired once
clock() >= its expiry. See the question for the full contract.
"""

import time


class TTLCache:
    def __init__(self, default_ttl: float, clock=time.monotonic):
        """default_ttl <= 0 raises ValueError."""
        raise NotImplementedError

    def set(self, key, value, ttl=None) -> None:
        """Store `value`; it expires at clock() + (ttl or default_ttl). ttl <= 0 raises ValueError."""
        raise NotImplementedError

    def get(self, key, default=None):
        """The value of a live key, or `default` if the key is absent or expired."""
        raise NotImplementedError

    def delete(self, key) -> bool:
        """Remove `key`; return True if a live key was removed, else False."""
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of live (unexpired) keys at clock()."""
        raise NotImplementedError
