"""Exact arithmetic with fractions.Fraction; the constructor reads the clock to start the refill timer."""
import time
from fractions import Fraction


class TokenBucket:
    def __init__(self, capacity: float, refill_per_second: float, clock=time.monotonic):
        if capacity <= 0 or refill_per_second <= 0:
            raise ValueError("both capacity and refill_per_second must be greater than zero")
        self._cap = Fraction(capacity)
        self._rate = Fraction(refill_per_second)
        self._clock = clock
        self._level = self._cap
        self._stamp = Fraction(clock())

    def _refill(self):
        now = Fraction(self._clock())
        if now > self._stamp:
            self._level = min(self._cap, self._level + (now - self._stamp) * self._rate)
            self._stamp = now

    def try_acquire(self, tokens: float = 1) -> bool:
        if tokens <= 0:
            raise ValueError("tokens must be greater than zero")
        self._refill()
        need = Fraction(tokens)
        if need > self._level:
            return False
        self._level -= need
        return True
