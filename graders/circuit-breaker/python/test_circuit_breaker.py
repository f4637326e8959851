"""Grader for the circuit-breaker exercise."""
import random

import pytest

from solution import CircuitBreaker, CircuitOpenError


class FakeClock:
    """A clock whose current time the test sets through `now`."""

    def __init__(self, now=0.0):
        self.now = now

    def __call__(self):
        return self.now


class Boom(Exception):
    """The failure raised by the protected function in these tests."""


class Recorder:
    """A protected function that records its calls and succeeds or fails on demand."""

    def __init__(self):
        self.calls = 0
        self.fail = False

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.fail:
            raise Boom(f"failure #{self.calls}")
        return ("ok", args, kwargs)


def succeed():
    return "ok"


def fail():
    raise Boom("down")


def fail_times(breaker, n):
    for _ in range(n):
        with pytest.raises(Boom):
            breaker.call(fail)


def open_breaker(threshold=3, timeout=10, start=100.0):
    clock = FakeClock(start)
    breaker = CircuitBreaker(threshold, timeout, clock=clock)
    fail_times(breaker, threshold)
    assert breaker.state == "open", f"expected 'open' after {threshold} consecutive failures, got {breaker.state!r}"
    return breaker, clock


def test_circuit_open_error_is_an_exception():
    assert issubclass(CircuitOpenError, Exception), "expected CircuitOpenError to subclass Exception"


def test_new_breaker_is_closed():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    assert breaker.state == "closed", f"expected a new breaker to be 'closed', got {breaker.state!r}"


def test_closed_call_passes_arguments_and_returns_the_result():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    fn = Recorder()
    result = breaker.call(fn, 1, 2, key="v")
    assert fn.calls == 1, f"expected the function to be called once, got {fn.calls} calls"
    assert result == ("ok", (1, 2), {"key": "v"}), (
        f"expected call() to pass *args/**kwargs and return fn's result, got {result!r}")
    assert breaker.state == "closed", f"expected 'closed' after a success, got {breaker.state!r}"


def test_failure_is_reraised_unchanged_while_closed():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    error = Boom("specific")

    def raise_it():
        raise error

    with pytest.raises(Boom) as info:
        breaker.call(raise_it)
    assert info.value is error, "expected the very exception raised by fn to propagate out of call()"


def test_circuit_stays_closed_below_the_threshold():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    fail_times(breaker, 2)
    assert breaker.state == "closed", f"expected 'closed' after 2 of 3 failures, got {breaker.state!r}"
    fn = Recorder()
    breaker.call(fn)
    assert fn.calls == 1, "expected a closed breaker to call the function"


def test_reaching_the_threshold_opens_the_circuit():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    fail_times(breaker, 2)
    with pytest.raises(Boom):
        breaker.call(fail)  # the failure that reaches the threshold is re-raised as itself
    assert breaker.state == "open", f"expected 'open' after 3 consecutive failures with threshold 3, got {breaker.state!r}"


def test_threshold_of_one_opens_on_the_first_failure():
    breaker = CircuitBreaker(1, 10, clock=FakeClock())
    with pytest.raises(Boom):
        breaker.call(fail)
    assert breaker.state == "open", f"expected 'open' after 1 failure with threshold 1, got {breaker.state!r}"


def test_success_resets_the_consecutive_failure_count():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    fail_times(breaker, 2)
    breaker.call(succeed)
    fail_times(breaker, 2)
    assert breaker.state == "closed", (
        f"expected 'closed': failures, success, 2 failures is only 2 consecutive failures, got {breaker.state!r}")
    fail_times(breaker, 1)
    assert breaker.state == "open", f"expected 'open' after the 3rd consecutive failure, got {breaker.state!r}"


def test_failures_of_any_exception_type_count():
    breaker = CircuitBreaker(3, 10, clock=FakeClock())
    for exc in (KeyError("k"), RuntimeError("r"), TimeoutError("t")):
        def raise_it(exc=exc):
            raise exc
        with pytest.raises(type(exc)):
            breaker.call(raise_it)
    assert breaker.state == "open", f"expected 'open' after 3 failures of different exception types, got {breaker.state!r}"


def test_open_circuit_rejects_calls_without_calling_the_function():
    breaker, clock = open_breaker()
    fn = Recorder()
    for _ in range(3):
        with pytest.raises(CircuitOpenError):
            breaker.call(fn)
    assert fn.calls == 0, f"expected an open breaker never to call the function, it was called {fn.calls} times"
    assert breaker.state == "open", f"expected 'open' while rejecting, got {breaker.state!r}"


def test_state_is_open_just_before_the_recovery_timeout():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    clock.now = 109.75
    assert breaker.state == "open", f"expected 'open' 9.75 s after opening with a 10 s timeout, got {breaker.state!r}"
    fn = Recorder()
    with pytest.raises(CircuitOpenError):
        breaker.call(fn)
    assert fn.calls == 0, "expected no call before the recovery timeout has passed"


def test_state_becomes_half_open_exactly_at_the_recovery_timeout():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    clock.now = 110.0
    assert breaker.state == "half-open", (
        f"expected 'half-open' once clock() - opened_at >= recovery_timeout (exactly 10 s), got {breaker.state!r}")
    clock.now = 500.0
    assert breaker.state == "half-open", f"expected 'half-open' long after the timeout, got {breaker.state!r}"


def test_fractional_recovery_timeout():
    breaker, clock = open_breaker(timeout=0.5, start=2.0)
    clock.now = 2.25
    assert breaker.state == "open", f"expected 'open' 0.25 s after opening with a 0.5 s timeout, got {breaker.state!r}"
    clock.now = 2.5
    assert breaker.state == "half-open", f"expected 'half-open' 0.5 s after opening, got {breaker.state!r}"


def test_open_period_starts_at_the_failure_that_reaches_the_threshold():
    clock = FakeClock(0.0)
    breaker = CircuitBreaker(3, 10, clock=clock)
    fail_times(breaker, 1)
    clock.now = 4.0
    fail_times(breaker, 1)
    clock.now = 5.0
    fail_times(breaker, 1)
    clock.now = 14.0
    assert breaker.state == "open", (
        f"expected 'open' at t=14: the circuit opened at t=5 (third failure) with a 10 s timeout, got {breaker.state!r}")
    clock.now = 15.0
    assert breaker.state == "half-open", f"expected 'half-open' at t=15, got {breaker.state!r}"


def test_rejected_calls_do_not_extend_the_open_period():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    for t in (103.0, 106.0, 109.0):
        clock.now = t
        with pytest.raises(CircuitOpenError):
            breaker.call(succeed)
    clock.now = 110.0
    assert breaker.state == "half-open", (
        f"expected 'half-open' 10 s after opening even though calls were rejected meanwhile, got {breaker.state!r}")


def test_half_open_trial_calls_the_function():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    clock.now = 110.0
    fn = Recorder()
    result = breaker.call(fn, "x")
    assert fn.calls == 1, f"expected the half-open trial to call the function once, got {fn.calls} calls"
    assert result == ("ok", ("x",), {}), f"expected the trial to return fn's result, got {result!r}"


def test_successful_trial_closes_the_circuit():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    clock.now = 111.0
    breaker.call(succeed)
    assert breaker.state == "closed", f"expected 'closed' after a successful trial, got {breaker.state!r}"
    fn = Recorder()
    breaker.call(fn)
    assert fn.calls == 1, "expected calls to go through after the circuit closed"


def test_successful_trial_resets_the_failure_count():
    breaker, clock = open_breaker(threshold=3, timeout=10, start=100.0)
    clock.now = 110.0
    breaker.call(succeed)
    fail_times(breaker, 2)
    assert breaker.state == "closed", (
        f"expected 'closed' after a successful trial and 2 new failures (threshold 3), got {breaker.state!r}")
    fail_times(breaker, 1)
    assert breaker.state == "open", f"expected 'open' after 3 new consecutive failures, got {breaker.state!r}"


def test_failed_trial_reopens_the_circuit_and_reraises():
    breaker, clock = open_breaker(threshold=5, timeout=10, start=100.0)
    clock.now = 110.0
    with pytest.raises(Boom):
        breaker.call(fail)
    assert breaker.state == "open", (
        f"expected a single failed trial to reopen the circuit (threshold 5 does not apply), got {breaker.state!r}")
    fn = Recorder()
    with pytest.raises(CircuitOpenError):
        breaker.call(fn)
    assert fn.calls == 0, "expected the reopened circuit to reject calls without calling the function"


def test_failed_trial_starts_a_fresh_timer():
    breaker, clock = open_breaker(timeout=10, start=100.0)
    clock.now = 117.0
    with pytest.raises(Boom):
        breaker.call(fail)
    clock.now = 126.0
    assert breaker.state == "open", (
        f"expected 'open' 9 s after the failed trial at t=117 (fresh 10 s timer), got {breaker.state!r}")
    clock.now = 127.0
    assert breaker.state == "half-open", f"expected 'half-open' 10 s after the failed trial, got {breaker.state!r}"
    breaker.call(succeed)
    assert breaker.state == "closed", f"expected 'closed' after the second trial succeeded, got {breaker.state!r}"


def test_breakers_do_not_share_state():
    clock = FakeClock(0.0)
    first = CircuitBreaker(1, 10, clock=clock)
    second = CircuitBreaker(1, 10, clock=clock)
    with pytest.raises(Boom):
        first.call(fail)
    assert first.state == "open", f"expected the failing breaker to be 'open', got {first.state!r}"
    assert second.state == "closed", f"expected an untouched breaker to stay 'closed', got {second.state!r}"
    assert second.call(succeed) == "ok", "expected the untouched breaker to call through"


class Model:
    """A direct transcription of the contract, used to check random operation sequences."""

    def __init__(self, threshold, timeout):
        self.threshold, self.timeout = threshold, timeout
        self.failures, self.opened_at = 0, None

    def state(self, now):
        if self.opened_at is None:
            return "closed"
        return "half-open" if now - self.opened_at >= self.timeout else "open"

    def call(self, now, ok):
        state = self.state(now)
        if state == "open":
            return "rejected"
        if ok:
            self.failures, self.opened_at = 0, None
            return "ok"
        if state == "half-open":
            self.opened_at = now
        else:
            self.failures += 1
            if self.failures >= self.threshold:
                self.opened_at, self.failures = now, 0
        return "raised"


@pytest.mark.parametrize("seed", range(20))
def test_random_operation_sequences_follow_the_contract(seed):
    rng = random.Random(seed)
    threshold, timeout = rng.randint(1, 4), rng.randint(1, 8)
    clock = FakeClock(rng.randint(0, 1000))
    breaker = CircuitBreaker(threshold, timeout, clock=clock)
    model = Model(threshold, timeout)
    history = []
    for _ in range(300):
        op = rng.random()
        if op < 0.3:
            clock.now += rng.randint(0, 5)
            history.append(f"t={clock.now}")
            continue
        if op < 0.45:
            expected = model.state(clock.now)
            got = breaker.state
            assert got == expected, (
                f"threshold={threshold} timeout={timeout}: expected state {expected!r} after {history[-12:]}, got {got!r}")
            continue
        ok = rng.random() < 0.5
        fn = Recorder()
        fn.fail = not ok
        expected = model.call(clock.now, ok)
        if expected == "rejected":
            with pytest.raises(CircuitOpenError):
                breaker.call(fn)
            assert fn.calls == 0, f"expected no call while open, after {history[-12:]}"
        elif expected == "raised":
            with pytest.raises(Boom):
                breaker.call(fn)
            assert fn.calls == 1, f"expected exactly one call, after {history[-12:]}"
        else:
            breaker.call(fn)
            assert fn.calls == 1, f"expected exactly one call, after {history[-12:]}"
        history.append(("success" if ok else "failure") + f"->{expected}")
