"""Reference solution for token-bucket: a token count refilled lazily from the time of the previous call."""

import time


class TokenBucket:
    """A bucket of `capacity` tokens, refilled continuously at `refill_per_second`; starts full."""

    def __init__(self, capacity: float, refill_per_second: float, clock=time.monotonic):
        if capacity <= 0:
            raise ValueError(f"capacity must be > 0, got {capacity}")
        if refill_per_second <= 0:
            raise ValueError(f"refill_per_second must be > 0, got {refill_per_second}")
        self._capacity = capacity
        self._rate = refill_per_second
        self._clock = clock
        self._tokens = capacity
        self._last = None  # time of the previous refill; None until the first call

    def try_acquire(self, tokens: float = 1) -> bool:
        """Take `tokens` if that many are available now; otherwise take none and return False."""
        if tokens <= 0:
            raise ValueError(f"tokens must be > 0, got {tokens}")
        now = self._clock()
        if self._last is not None:
            self._tokens = min(self._capacity, self._tokens + (now - self._last) * self._rate)
        self._last = now
        if tokens <= self._tokens:
            self._tokens -= tokens
            return True
        return False
