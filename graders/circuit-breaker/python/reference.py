"""Reference solution: a circuit breaker with closed, open and half-open states."""
import time


class CircuitOpenError(Exception):
    """Raised instead of calling the protected function while the circuit is open."""


class CircuitBreaker:
    def __init__(self, failure_threshold: int, recovery_timeout: float, clock=time.monotonic):
        self._threshold = failure_threshold
        self._timeout = recovery_timeout
        self._clock = clock
        self._failures = 0          # consecutive failures while closed
        self._opened_at = None      # None while closed

    @property
    def state(self) -> str:
        if self._opened_at is None:
            return "closed"
        if self._clock() - self._opened_at >= self._timeout:
            return "half-open"
        return "open"

    def call(self, fn, *args, **kwargs):
        state = self.state
        if state == "open":
            raise CircuitOpenError("circuit is open")
        try:
            result = fn(*args, **kwargs)
        except Exception:
            if state == "half-open":
                self._open()
            else:
                self._failures += 1
                if self._failures >= self._threshold:
                    self._open()
            raise
        self._failures = 0
        self._opened_at = None
        return result

    def _open(self) -> None:
        self._opened_at = self._clock()
        self._failures = 0
