"""Grader for the offset-tracker exercise."""
import random

import pytest
from drillkit_grader import call_range, prepare, retained_memory

from solution import OffsetTracker


def lowest_not_done(start, done):
    """Obviously-correct model of `committable`."""
    offset = start
    while offset in done:
        offset += 1
    return offset


def test_new_tracker_commits_offset_zero_by_default():
    tracker = OffsetTracker()
    assert tracker.committable == 0, f"expected committable 0 for a new tracker, got {tracker.committable!r}"


def test_new_tracker_commits_its_start_offset():
    tracker = OffsetTracker(start=42)
    assert tracker.committable == 42, f"expected committable 42 for start=42, got {tracker.committable!r}"


def test_in_order_offsets_advance_committable_one_by_one():
    tracker = OffsetTracker(start=10)
    for offset in range(10, 20):
        tracker.done(offset)
        assert tracker.committable == offset + 1, (
            f"expected committable {offset + 1} after done({offset}), got {tracker.committable!r}")


def test_out_of_order_offsets_wait_for_the_gap():
    tracker = OffsetTracker()
    tracker.done(1)
    tracker.done(2)
    assert tracker.committable == 0, f"expected committable 0 while offset 0 is not done, got {tracker.committable!r}"
    tracker.done(0)
    assert tracker.committable == 3, f"expected committable 3 once 0, 1, 2 are done, got {tracker.committable!r}"


def test_filling_a_gap_jumps_over_every_contiguous_done_offset():
    tracker = OffsetTracker()
    for offset in (5, 3, 4, 1):
        tracker.done(offset)
    assert tracker.committable == 0, f"expected 0, got {tracker.committable!r}"
    tracker.done(0)
    assert tracker.committable == 2, f"expected 2 after 0 and 1 are done (2 is missing), got {tracker.committable!r}"
    tracker.done(2)
    assert tracker.committable == 6, f"expected 6 once 0-5 are all done, got {tracker.committable!r}"


def test_repeating_a_pending_offset_is_ignored():
    tracker = OffsetTracker()
    tracker.done(3)
    tracker.done(3)
    tracker.done(3)
    for offset in (0, 1, 2):
        tracker.done(offset)
    assert tracker.committable == 4, f"expected 4 after 0-3 are done (3 reported thrice), got {tracker.committable!r}"
    tracker.done(4)
    assert tracker.committable == 5, f"expected 5 after done(4), got {tracker.committable!r}"
    tracker.done(6)
    tracker.done(5)
    assert tracker.committable == 7, f"expected 7 after done(6), done(5), got {tracker.committable!r}"


def test_repeating_an_already_committable_offset_is_ignored_without_error():
    tracker = OffsetTracker(start=100)
    tracker.done(100)
    tracker.done(101)
    tracker.done(100)
    tracker.done(101)
    assert tracker.committable == 102, f"expected 102, got {tracker.committable!r}"
    tracker.done(103)
    tracker.done(100)
    tracker.done(102)
    assert tracker.committable == 104, f"expected 104 after 100-103 are done, got {tracker.committable!r}"


@pytest.mark.parametrize("start,offset", [(0, -1), (10, 9), (10, 0), (10, -5), (1_000, 999)])
def test_offset_below_start_raises_value_error(start, offset):
    tracker = OffsetTracker(start=start)
    with pytest.raises(ValueError):
        tracker.done(offset)
    assert tracker.committable == start, f"expected committable to stay {start}, got {tracker.committable!r}"


def test_offset_below_start_raises_even_after_progress():
    tracker = OffsetTracker(start=10)
    for offset in range(10, 15):
        tracker.done(offset)
    with pytest.raises(ValueError):
        tracker.done(9)
    assert tracker.committable == 15, f"expected committable to stay 15, got {tracker.committable!r}"


def test_start_offset_itself_is_accepted():
    tracker = OffsetTracker(start=7)
    tracker.done(7)
    assert tracker.committable == 8, f"expected 8 after done(start=7), got {tracker.committable!r}"


def test_large_kafka_offsets_work():
    start = 5_000_000_000
    tracker = OffsetTracker(start=start)
    tracker.done(start + 2)
    tracker.done(start)
    assert tracker.committable == start + 1, f"expected {start + 1}, got {tracker.committable!r}"
    tracker.done(start + 1)
    assert tracker.committable == start + 3, f"expected {start + 3}, got {tracker.committable!r}"


def test_trackers_are_independent():
    first = OffsetTracker()
    second = OffsetTracker()
    for offset in range(5):
        first.done(offset)
    assert first.committable == 5, f"expected 5, got {first.committable!r}"
    assert second.committable == 0, f"expected an untouched tracker to stay at 0, got {second.committable!r}"


@pytest.mark.parametrize("seed", range(30))
def test_random_completion_orders_match_a_simple_model(seed):
    rng = random.Random(seed)
    start = rng.choice([0, 1, 17, 1_000_000])
    offsets = list(range(start, start + rng.randint(1, 200)))
    rng.shuffle(offsets)
    # repeats: some offsets are reported again later, some of them after they became committable
    stream = offsets + [rng.choice(offsets) for _ in range(len(offsets) // 3)]
    rng.shuffle(stream)
    tracker = OffsetTracker(start=start)
    done = set()
    for step, offset in enumerate(stream):
        tracker.done(offset)
        done.add(offset)
        expected = lowest_not_done(start, done)
        assert tracker.committable == expected, (
            f"start={start}: after done() of {stream[: step + 1][-10:]} (last 10 of {step + 1}), "
            f"expected committable {expected}, got {tracker.committable!r}")


@pytest.mark.timeout(20)
def test_a_million_in_order_offsets_keep_memory_small():
    tracker = OffsetTracker()
    call_range(tracker, "done", 0, 1_000)  # warm up, so one-time allocations are not counted
    grown = retained_memory(tracker, method="done", numbers=range(1_000, 1_001_000))
    assert tracker.committable == 1_001_000, f"expected committable 1001000, got {tracker.committable!r}"
    assert grown.traced_bytes < 64 * 1024, (
        f"expected memory to stay bounded by the gap (here 0) over 1,000,000 in-order done() calls, "
        f"but it grew by {grown.traced_bytes:,} bytes")
    # Measured from outside the solution process: keeping every offset would take tens of megabytes.
    assert grown.rss_bytes < 16 * 1024 * 1024, (
        f"expected the solution process's memory to stay flat over 1,000,000 in-order done() calls, "
        f"but its resident size grew by {grown.rss_bytes:,} bytes")


@pytest.mark.timeout(10)
def test_memory_is_released_once_gaps_close():
    tracker = OffsetTracker()
    block = 500
    calls = []
    for first in range(0, 100_000, block):
        # each block completes in reverse order, so a gap of up to 500 offsets is open until its first offset
        calls += [("done", (offset,)) for offset in range(first + block - 1, first - 1, -1)]
    prepared = prepare(calls)
    grown = retained_memory(tracker, prepared)
    assert tracker.committable == 100_000, f"expected committable 100000 once every block is done, got " \
                                           f"{tracker.committable!r}"
    assert grown.traced_bytes < 256 * 1024, (
        f"expected memory to shrink back to what a 500-offset gap needs once every gap is closed, but "
        f"{grown.traced_bytes:,} bytes are still held after 100,000 out-of-order offsets")


@pytest.mark.parametrize("block", [2, 37, 250])
def test_committable_follows_each_closed_gap(block):
    tracker = OffsetTracker()
    for first in range(0, 6 * block, block):
        for offset in range(first + block - 1, first, -1):
            tracker.done(offset)
        assert tracker.committable == first, (
            f"expected committable {first} while offset {first} is missing, got {tracker.committable!r}")
        tracker.done(first)
        assert tracker.committable == first + block, (
            f"expected committable {first + block} once offsets {first}-{first + block - 1} are done, "
            f"got {tracker.committable!r}")
