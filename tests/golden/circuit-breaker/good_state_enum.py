"""Circuit breaker with an explicit stored state that is advanced lazily from the clock."""
import enum
import time


class CircuitOpenError(Exception):
    pass


class _State(enum.Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    def __init__(self, failure_threshold, recovery_timeout, clock=time.monotonic):
        self.failure_threshold = failure_threshold
        self.recovery_timeout = recovery_timeout
        self.clock = clock
        self._state = _State.CLOSED
        self._consecutive = 0
        self._opened_at = 0.0

    def _refresh(self):
        if self._state is _State.OPEN and self.clock() - self._opened_at >= self.recovery_timeout:
            self._state = _State.HALF_OPEN
        return self._state

    @property
    def state(self):
        return self._refresh().value

    def _trip(self):
        self._state = _State.OPEN
        self._opened_at = self.clock()
        self._consecutive = 0

    def call(self, fn, *args, **kwargs):
        current = self._refresh()
        if current is _State.OPEN:
            raise CircuitOpenError(f"open since {self._opened_at}")
        try:
            value = fn(*args, **kwargs)
        except Exception:
            if current is _State.HALF_OPEN:
                self._trip()
            else:
                self._consecutive += 1
                if self._consecutive >= self.failure_threshold:
                    self._trip()
            raise
        else:
            self._state = _State.CLOSED
            self._consecutive = 0
            return value
