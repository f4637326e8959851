"""Stores when each key was set and its ttl; nothing is ever purged eagerly, liveness is computed on read."""
import time

_ABSENT = object()


class _Entry:
    __slots__ = ("value", "deadline")

    def __init__(self, value, deadline):
        self.value = value
        self.deadline = deadline


class TTLCache:
    def __init__(self, default_ttl: float, clock=time.monotonic):
        if default_ttl <= 0:
            raise ValueError("default_ttl must be greater than zero")
        self._ttl = default_ttl
        self._now = clock
        self._entries = {}

    def set(self, key, value, ttl=None):
        if ttl is None:
            ttl = self._ttl
        if ttl <= 0:
            raise ValueError("ttl must be greater than zero")
        self._entries[key] = _Entry(value, self._now() + ttl)

    def _live(self, key):
        entry = self._entries.get(key, _ABSENT)
        if entry is _ABSENT or self._now() >= entry.deadline:
            return _ABSENT
        return entry

    def get(self, key, default=None):
        entry = self._live(key)
        return default if entry is _ABSENT else entry.value

    def delete(self, key):
        was_live = self._live(key) is not _ABSENT
        self._entries.pop(key, None)
        return was_live

    def __len__(self):
        now = self._now()
        return sum(1 for e in self._entries.values() if now < e.deadline)
