"""Circuit breaker.

Implement `CircuitOpenError` and `CircuitBreaker` as described in the question:
the breaker wraps calls to a flaky dependency, opens after `failure_threshold`
consecutive failures, rejects calls while open, and lets one trial call through
(half-open) once `recovery_timeout` seconds have passed on the injected clock.
"""
import time


class CircuitOpenError(Exception):
    """Raised by `CircuitBreaker.call` while the circuit is open (the function is not called)."""


class CircuitBreaker:
    def __init__(self, failure_threshold: int, recovery_timeout: float, clock=time.monotonic):
        """`clock()` returns the current time in seconds; tests inject a fake clock."""
        raise NotImplementedError

    @property
    def state(self) -> str:
        """"closed", "open" or "half-open" (half-open once clock() - opened_at >= recovery_timeout)."""
        raise NotImplementedError

    def call(self, fn, *args, **kwargs):
        """Call fn(*args, **kwargs) and return its result, or raise CircuitOpenError while open.

        An exception from fn is re-raised unchanged after being counted as a failure.
        """
        raise NotImplementedError
