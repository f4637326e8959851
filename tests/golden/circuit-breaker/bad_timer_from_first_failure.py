# BUG: the open period is measured from the first failure of the streak, not from the moment the circuit opened
import time


class CircuitOpenError(Exception):
    pass


class CircuitBreaker:
    def __init__(self, failure_threshold, recovery_timeout, clock=time.monotonic):
        self.failure_threshold = failure_threshold
        self.recovery_timeout = recovery_timeout
        self.clock = clock
        self.failures = 0
        self.first_failure_at = None
        self.is_open = False

    @property
    def state(self):
        if not self.is_open:
            return "closed"
        if self.clock() - self.first_failure_at >= self.recovery_timeout:
            return "half-open"
        return "open"

    def call(self, fn, *args, **kwargs):
        state = self.state
        if state == "open":
            raise CircuitOpenError()
        try:
            result = fn(*args, **kwargs)
        except Exception:
            if state == "half-open":
                self.first_failure_at = self.clock()
                raise
            if self.failures == 0:
                self.first_failure_at = self.clock()
            self.failures += 1
            if self.failures >= self.failure_threshold:
                self.is_open = True
                self.failures = 0
            raise
        self.is_open = False
        self.failures = 0
        return result
