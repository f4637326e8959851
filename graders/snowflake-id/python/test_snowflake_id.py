"""Grader for the snowflake-id exercise: `SnowflakeGenerator(worker_id, epoch_ms, clock_ms)`."""

import itertools
import random
import time

import pytest
from drillkit_grader import batch
from solution import SnowflakeGenerator

TWITTER_EPOCH = 1288834974657
MAX_SEQUENCE = 4095


class ClockSpin(BaseException):
    """Raised by the fake clock when it is read endlessly without the test moving it (a stuck generator).
    A BaseException, so that an `except Exception` in a submission cannot swallow it."""


class FakeClock:
    """A millisecond clock the test sets by hand. It may be read any number of times.

    `jump_to`, when set, makes the clock move to that time right after its next read: the generator sees the
    current millisecond once more and the later one on any further read, as a real clock would after a wait.
    """

    SPIN_LIMIT = 10_000

    def __init__(self, now):
        self._now = now
        self.jump_to = None
        self.reads = 0

    @property
    def now(self):
        return self._now

    @now.setter
    def now(self, value):
        self._now = value
        self.reads = 0

    def __call__(self):
        value = self._now
        if self.jump_to is not None:
            self.now, self.jump_to = self.jump_to, None
            return value
        self.reads += 1
        if self.reads > self.SPIN_LIMIT:
            raise ClockSpin(
                f"the clock was read {self.SPIN_LIMIT:,} times at {value} without moving: stuck waiting?"
            )
        return value


def next_ids(g, count):
    """``count`` calls of ``g.next_id()`` in one batch (the clock is still read back in this process)."""
    return batch(g, [("next_id", ())] * count)


def decode(snowflake, epoch=TWITTER_EPOCH):
    return (snowflake >> 22) + epoch, (snowflake >> 12) & 0x3FF, snowflake & 0xFFF


def gen(worker_id=1, now=TWITTER_EPOCH + 1_000, epoch_ms=None):
    clock = FakeClock(now)
    if epoch_ms is None:
        return SnowflakeGenerator(worker_id, clock_ms=clock), clock
    return SnowflakeGenerator(worker_id, epoch_ms=epoch_ms, clock_ms=clock), clock


# --- construction -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("worker_id", [-1, 1024, 5000])
def test_worker_id_outside_0_to_1023_raises_value_error(worker_id):
    with pytest.raises(ValueError):
        SnowflakeGenerator(worker_id, clock_ms=FakeClock(TWITTER_EPOCH + 1))


@pytest.mark.parametrize("worker_id", [0, 1023])
def test_worker_ids_at_the_bounds_are_accepted(worker_id):
    g, _ = gen(worker_id)
    assert decode(g.next_id())[1] == worker_id, f"expected worker id {worker_id} in bits 12-21"


# --- layout -------------------------------------------------------------------------------------------------


def test_first_id_has_the_documented_bit_layout():
    g, _ = gen(worker_id=5, now=TWITTER_EPOCH + 1_000)
    got = g.next_id()
    want = (1_000 << 22) | (5 << 12) | 0
    assert got == want, f"expected (1000 << 22) | (5 << 12) | 0 = {want}, got {got} (decoded {decode(got)})"


def test_default_epoch_is_1288834974657():
    g, _ = gen(worker_id=3, now=TWITTER_EPOCH + 42)
    got = g.next_id()
    assert got == (42 << 22) | (3 << 12), (
        f"expected {(42 << 22) | (3 << 12)} with the default epoch, got {got}"
    )


def test_custom_epoch_is_subtracted():
    epoch = 1_700_000_000_000
    g, _ = gen(worker_id=9, now=epoch + 123_456, epoch_ms=epoch)
    got = g.next_id()
    want = (123_456 << 22) | (9 << 12)
    assert got == want, f"expected {want} with epoch {epoch}, got {got}"


def test_ids_in_the_same_millisecond_count_the_sequence_up():
    g, _ = gen(worker_id=7, now=TWITTER_EPOCH + 500)
    ids = [g.next_id() for _ in range(5)]
    want = [(500 << 22) | (7 << 12) | seq for seq in range(5)]
    assert ids == want, f"expected sequences 0..4 in the same millisecond, got {[decode(i) for i in ids]}"


def test_sequence_restarts_at_zero_in_a_new_millisecond():
    g, clock = gen(worker_id=2, now=TWITTER_EPOCH + 10)
    for _ in range(3):
        g.next_id()
    clock.now += 1
    got = g.next_id()
    assert got == (11 << 22) | (2 << 12), f"expected sequence 0 at the new millisecond, got {decode(got)}"


def test_clock_jumping_ahead_uses_the_new_millisecond():
    g, clock = gen(worker_id=4, now=TWITTER_EPOCH + 10)
    g.next_id()
    clock.now = TWITTER_EPOCH + 99_999
    got = g.next_id()
    assert got == (99_999 << 22) | (4 << 12), f"expected the id of ms 99999, sequence 0, got {decode(got)}"


@pytest.mark.timeout(10)
def test_largest_worker_and_sequence_do_not_overlap_other_fields():
    g, _ = gen(worker_id=1023, now=TWITTER_EPOCH + 1)
    ids = next_ids(g, 4096)
    last = ids[-1]
    assert last == (1 << 22) | (1023 << 12) | 4095, (
        f"expected ms 1, worker 1023, sequence 4095, got {decode(last)}"
    )
    assert len(set(ids)) == 4096, "expected 4096 distinct ids"


# --- the 4,096-per-millisecond limit ------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_4096_ids_fit_in_one_millisecond_without_waiting():
    g, _ = gen(worker_id=8, now=TWITTER_EPOCH + 77)
    ids = next_ids(g, 4096)
    decoded = [decode(i) for i in ids]
    assert all(ms == TWITTER_EPOCH + 77 for ms, _, _ in decoded), (
        "expected all 4096 ids in the same millisecond"
    )
    assert [seq for _, _, seq in decoded] == list(range(4096)), "expected sequences 0..4095 in order"


@pytest.mark.timeout(10)
def test_4097th_id_waits_for_the_clock_to_reach_the_next_millisecond():
    g, clock = gen(worker_id=8, now=TWITTER_EPOCH + 77)
    last = next_ids(g, 4096)[-1]
    clock.jump_to = TWITTER_EPOCH + 82  # the next reads of the clock see ms 77 once, then ms 82
    got = g.next_id()
    ms, worker, seq = decode(got)
    assert got > last, (
        f"expected the 4097th id to be larger than the 4096th, got {decode(got)} after {decode(last)}"
    )
    assert (ms, worker, seq) == (TWITTER_EPOCH + 82, 8, 0), (
        "expected the 4097th id to wait for the clock and use its next millisecond "
        f"(ms offset 82, sequence 0), "
        f"got ms offset {ms - TWITTER_EPOCH}, worker {worker}, sequence {seq}"
    )


@pytest.mark.timeout(10)
def test_waiting_happens_in_every_busy_millisecond():
    g, clock = gen(worker_id=0, now=TWITTER_EPOCH + 1)
    ids = []
    for _ in range(3):
        ids += next_ids(g, 4096)
        clock.jump_to = clock.now + 1  # every sequence is used up, so the next id must wait for this
    ids.append(g.next_id())
    assert all(b > a for a, b in itertools.pairwise(ids)), (
        "expected strictly increasing ids across busy milliseconds"
    )
    assert len(set(ids)) == len(ids), "expected no duplicate ids"
    assert [decode(i)[0] - TWITTER_EPOCH for i in ids[::4096]] == [1, 2, 3, 4], (
        "expected 4096 ids per millisecond"
    )
    assert decode(ids[-1]) == (TWITTER_EPOCH + 4, 0, 0), (
        f"expected the last id in ms offset 4, got {decode(ids[-1])}"
    )


# --- clock going backwards ----------------------------------------------------------------------------------


def test_clock_going_backwards_raises_runtime_error():
    g, clock = gen(now=TWITTER_EPOCH + 1_000)
    g.next_id()
    clock.now = TWITTER_EPOCH + 999
    with pytest.raises(RuntimeError):
        g.next_id()


def test_clock_going_far_backwards_raises_runtime_error():
    g, clock = gen(now=TWITTER_EPOCH + 50_000)
    g.next_id()
    g.next_id()
    clock.now = TWITTER_EPOCH + 10
    with pytest.raises(RuntimeError):
        g.next_id()


def test_same_millisecond_is_not_going_backwards():
    g, clock = gen(now=TWITTER_EPOCH + 1_000)
    g.next_id()
    clock.now = TWITTER_EPOCH + 1_000
    g.next_id()  # must not raise


# --- properties ---------------------------------------------------------------------------------------------


@pytest.mark.timeout(10)
@pytest.mark.parametrize("seed", [51, 52, 53])
def test_random_clock_advances_give_strictly_increasing_well_formed_ids(seed):
    rng = random.Random(seed)
    worker = rng.randrange(1024)
    g, clock = gen(worker_id=worker, now=TWITTER_EPOCH + rng.randrange(10**6))
    previous, seq_in_ms = None, {}
    for step in range(2500):
        if rng.random() < 0.02:
            clock.now += rng.choice([1, 1, 2, 17, 1000])
        got = g.next_id()
        ms, w, seq = decode(got)
        expected_seq = seq_in_ms.get(clock.now, 0)
        seq_in_ms[clock.now] = expected_seq + 1
        assert (ms, w, seq) == (clock.now, worker, expected_seq), (
            f"seed {seed}, step {step}: expected ms offset {clock.now - TWITTER_EPOCH}, worker {worker}, "
            f"sequence {expected_seq}; got {ms - TWITTER_EPOCH}, {w}, {seq}"
        )
        assert previous is None or got > previous, f"seed {seed}, step {step}: ids must strictly increase"
        previous = got


def test_default_clock_is_milliseconds_since_the_unix_epoch():
    before = int(time.time() * 1000)
    got = SnowflakeGenerator(12).next_id()
    after = int(time.time() * 1000)
    ms, worker, _ = decode(got)
    assert worker == 12, f"expected worker 12, got {worker}"
    assert before - 1_000 <= ms <= after + 1_000, (
        f"expected the default clock to give the current Unix time in ms (about {before}), got {ms}"
    )


def test_default_clock_ids_strictly_increase():
    g = SnowflakeGenerator(1)
    ids = next_ids(g, 5000)
    assert all(b > a for a, b in itertools.pairwise(ids)), (
        "expected strictly increasing ids with the default clock"
    )
