"""Circuit breaker using the State pattern: one small object per state."""
import time


class CircuitOpenError(Exception):
    pass


class _Closed:
    name = "closed"

    def __init__(self, breaker):
        self.breaker = breaker
        self.failures = 0

    def current(self):
        return self

    def on_success(self):
        self.failures = 0

    def on_failure(self):
        self.failures += 1
        if self.failures >= self.breaker._threshold:
            self.breaker._become(_Open(self.breaker))


class _Open:
    name = "open"

    def __init__(self, breaker):
        self.breaker = breaker
        self.deadline_start = breaker._clock()

    def current(self):
        if self.breaker._clock() - self.deadline_start >= self.breaker._timeout:
            return _HalfOpen(self.breaker)
        return self


class _HalfOpen:
    name = "half-open"

    def __init__(self, breaker):
        self.breaker = breaker

    def current(self):
        return self

    def on_success(self):
        self.breaker._become(_Closed(self.breaker))

    def on_failure(self):
        self.breaker._become(_Open(self.breaker))


class CircuitBreaker:
    def __init__(self, failure_threshold, recovery_timeout, clock=time.monotonic):
        self._threshold = failure_threshold
        self._timeout = recovery_timeout
        self._clock = clock
        self._current = _Closed(self)

    def _become(self, state):
        self._current = state

    @property
    def state(self):
        self._current = self._current.current()
        return self._current.name

    def call(self, fn, *args, **kwargs):
        if self.state == "open":
            raise CircuitOpenError()
        handler = self._current
        try:
            out = fn(*args, **kwargs)
        except Exception:
            handler.on_failure()
            raise
        handler.on_success()
        return out
