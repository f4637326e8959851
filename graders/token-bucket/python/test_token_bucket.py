"""Grader for the token-bucket exercise: `TokenBucket(capacity, refill_per_second, clock)`.

All times, rates and token counts are exact binary fractions, so any correct formula gives exact results.
"""

import random

import pytest
from solution import TokenBucket


class FakeClock:
    """A clock in seconds that the test moves by hand; the bucket may read it any number of times."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def make(capacity=10, rate=2.0, now=1000.0):
    clock = FakeClock(now)
    return TokenBucket(capacity, rate, clock=clock), clock


# --- construction and arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize("capacity, rate", [(0, 1), (-1, 1), (5, 0), (5, -2), (0, 0)])
def test_capacity_or_rate_not_above_zero_raises_value_error(capacity, rate):
    with pytest.raises(ValueError):
        TokenBucket(capacity, rate, clock=FakeClock())


@pytest.mark.parametrize("tokens", [0, 0.0, -1, -0.5])
def test_acquiring_zero_or_negative_tokens_raises_value_error(tokens):
    bucket, _ = make()
    with pytest.raises(ValueError):
        bucket.try_acquire(tokens)


def test_default_clock_works_without_injection():
    bucket = TokenBucket(3, 0.001)
    got = [bucket.try_acquire() for _ in range(4)]
    assert got == [True, True, True, False], f"expected a full bucket of 3 then a refusal, got {got}"


# --- starts full, takes all or nothing ----------------------------------------------------------------------


def test_bucket_starts_full():
    bucket, _ = make(capacity=10, rate=2.0)
    assert bucket.try_acquire(10) is True, "expected a new bucket to grant its whole capacity at once"


def test_default_request_is_one_token():
    bucket, _ = make(capacity=3, rate=1.0)
    got = [bucket.try_acquire() for _ in range(4)]
    assert got == [True, True, True, False], f"expected 3 single-token grants from capacity 3, got {got}"


def test_request_for_exactly_the_available_tokens_is_granted():
    bucket, _ = make(capacity=5, rate=1.0)
    assert bucket.try_acquire(2) is True, "expected 2 of 5 tokens granted"
    assert bucket.try_acquire(3) is True, "expected exactly the remaining 3 tokens granted (>=, not >)"
    assert bucket.try_acquire(0.125) is False, "expected an empty bucket to refuse even 0.125 tokens"


def test_refused_request_takes_no_tokens():
    bucket, _ = make(capacity=5, rate=1.0)
    bucket.try_acquire(3)
    assert bucket.try_acquire(3) is False, "expected 3 tokens refused when only 2 remain"
    assert bucket.try_acquire(2) is True, "expected the 2 remaining tokens still there after a refusal"


def test_fractional_tokens_are_supported():
    bucket, _ = make(capacity=2.5, rate=1.0)
    assert bucket.try_acquire(0.5) is True, "expected 0.5 of 2.5 tokens granted"
    assert bucket.try_acquire(2) is True, "expected the remaining 2 tokens granted"
    assert bucket.try_acquire(0.25) is False, "expected nothing left"


# --- refill -------------------------------------------------------------------------------------------------


def test_tokens_refill_continuously_at_the_given_rate():
    bucket, clock = make(capacity=10, rate=2.0)
    bucket.try_acquire(10)
    clock.now += 0.25
    assert bucket.try_acquire(1) is False, "expected 0.5 tokens after 0.25 s at 2/s: 1 refused"
    clock.now += 0.25
    assert bucket.try_acquire(1) is True, (
        "expected 1 token after 0.5 s at 2/s (the refused call must not lose time)"
    )
    assert bucket.try_acquire(0.125) is False, "expected the bucket empty again"


def test_partial_refill_accumulates_across_calls():
    bucket, clock = make(capacity=4, rate=4.0)
    bucket.try_acquire(4)
    for step in range(7):
        clock.now += 0.125  # half a token each step
        assert bucket.try_acquire(4) is False, f"expected 4 tokens refused after {step + 1} half-token steps"
    clock.now += 0.125
    assert bucket.try_acquire(4) is True, "expected 4 tokens after 1 s at 4/s, accumulated over 8 calls"


def test_refill_is_proportional_to_elapsed_time():
    bucket, clock = make(capacity=100, rate=0.5)
    bucket.try_acquire(100)
    clock.now += 6.0
    assert bucket.try_acquire(3) is True, "expected 3 tokens after 6 s at 0.5/s"
    assert bucket.try_acquire(0.125) is False, "expected no more than 3 tokens after 6 s at 0.5/s"


def test_refill_stops_at_capacity():
    bucket, clock = make(capacity=10, rate=2.0)
    bucket.try_acquire(10)
    clock.now += 1_000.0
    assert bucket.try_acquire(10) is True, "expected a full bucket after a long idle period"
    assert bucket.try_acquire(1) is False, "expected no tokens beyond capacity however long the bucket idled"


def test_full_bucket_does_not_bank_tokens_while_idle():
    bucket, clock = make(capacity=2, rate=1.0)
    clock.now += 50.0
    assert bucket.try_acquire(2) is True, "expected the full capacity of 2"
    assert bucket.try_acquire(1) is False, "expected an idle full bucket not to bank extra tokens"
    clock.now += 1.0
    assert bucket.try_acquire(1) is True, "expected one token after one more second"
    assert bucket.try_acquire(1) is False, "expected only one token after one more second"


def test_refill_counts_from_the_last_call_not_from_construction():
    bucket, clock = make(capacity=2, rate=1.0)
    clock.now += 10.0
    bucket.try_acquire(2)
    clock.now += 0.5
    assert bucket.try_acquire(1) is False, "expected 0.5 tokens half a second after emptying the bucket"


# --- more than capacity -------------------------------------------------------------------------------------


def test_request_above_capacity_is_never_granted():
    bucket, clock = make(capacity=5, rate=1.0)
    assert bucket.try_acquire(6) is False, "expected 6 tokens refused by a full bucket of capacity 5"
    clock.now += 10_000.0
    assert bucket.try_acquire(5.125) is False, "expected more than capacity refused even after a long wait"
    assert bucket.try_acquire(5) is True, "expected the refused requests to have taken nothing"


# --- model --------------------------------------------------------------------------------------------------


# Each step moves the clock between calls, so these are single round trips, not a batch: more time than most.
@pytest.mark.timeout(6)
@pytest.mark.parametrize("seed", [61, 62, 63, 64, 65])
def test_random_requests_match_a_simple_model(seed):
    rng = random.Random(seed)
    capacity = rng.choice([1, 2.5, 10])
    rate = rng.choice([0.5, 2.0, 4.0])
    clock = FakeClock(float(rng.randrange(1, 10_000)))
    bucket = TokenBucket(capacity, rate, clock=clock)
    tokens, last = float(capacity), clock.now
    for step in range(2000):
        clock.now += rng.choice([0.0, 0.0, 0.125, 0.25, 1.0, 3.0])
        want_n = rng.choice([0.25, 0.5, 1, 1, 2, capacity, capacity + 1])
        tokens, last = min(capacity, tokens + (clock.now - last) * rate), clock.now
        want = want_n <= tokens
        if want:
            tokens -= want_n
        got = bucket.try_acquire(want_n)
        assert got is want, (
            f"seed {seed}, step {step} (capacity {capacity}, rate {rate}/s, t={clock.now}): "
            f"try_acquire({want_n}) "
            f"returned {got!r}, expected {want} with {tokens + (want_n if want else 0)} tokens available"
        )
