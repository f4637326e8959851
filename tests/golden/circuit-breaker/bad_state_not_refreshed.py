# BUG: the state property returns the stored state; the switch to half-open only happens inside call()
import time


class CircuitOpenError(Exception):
    pass


class CircuitBreaker:
    def __init__(self, failure_threshold, recovery_timeout, clock=time.monotonic):
        self.failure_threshold = failure_threshold
        self.recovery_timeout = recovery_timeout
        self.clock = clock
        self.state = "closed"
        self.failures = 0
        self.opened_at = None

    def call(self, fn, *args, **kwargs):
        if self.state == "open":
            if self.clock() - self.opened_at >= self.recovery_timeout:
                self.state = "half-open"
            else:
                raise CircuitOpenError()
        try:
            result = fn(*args, **kwargs)
        except Exception:
            if self.state == "half-open":
                self.state, self.opened_at = "open", self.clock()
            else:
                self.failures += 1
                if self.failures >= self.failure_threshold:
                    self.state, self.opened_at, self.failures = "open", self.clock(), 0
            raise
        self.state, self.failures = "closed", 0
        return result
