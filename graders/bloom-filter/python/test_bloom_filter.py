"""Grader for the bloom-filter exercise."""
import math
import random
import string

import pytest
from drillkit_grader import batch

from solution import BloomFilter


def optimum_bits(capacity, error_rate):
    return -capacity * math.log(error_rate) / math.log(2) ** 2


def add_all(bf, items):
    batch(bf, [("add", (item,)) for item in items], results=False)


def members(bf, items):
    """The items the filter claims to hold, asked in one batch (as `item in bf` would, answers made bool)."""
    answers = batch(bf, [("__contains__", (item,)) for item in items])
    return [item for item, hit in zip(items, answers) if hit]


def random_words(rng, count, prefix):
    alphabet = string.ascii_letters + string.digits + "-_:/."
    words = set()
    while len(words) < count:
        words.add(prefix + "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 16))))
    return sorted(words)


@pytest.mark.parametrize("capacity", [0, -1, -1000])
def test_capacity_below_one_raises_value_error(capacity):
    with pytest.raises(ValueError):
        BloomFilter(capacity, 0.01)


@pytest.mark.parametrize("error_rate", [0, 0.0, 1, 1.0, -0.01, 1.5, 2])
def test_error_rate_outside_the_open_interval_raises_value_error(error_rate):
    with pytest.raises(ValueError):
        BloomFilter(1000, error_rate)


@pytest.mark.parametrize("capacity,error_rate", [(1, 0.5), (1, 0.999), (1, 1e-9), (7, 0.25), (250_000, 0.001)])
def test_boundary_parameters_are_accepted_and_work(capacity, error_rate):
    bf = BloomFilter(capacity, error_rate)
    bf.add("only-item")
    assert "only-item" in bf, f"expected an added item to be found (capacity={capacity}, error_rate={error_rate})"


def test_num_bits_and_num_hashes_are_positive_integers():
    bf = BloomFilter(5000, 0.01)
    for name in ("num_bits", "num_hashes"):
        value = getattr(bf, name)
        assert isinstance(value, int) and not isinstance(value, bool), f"expected {name} to be an int, got {value!r}"
        assert value >= 1, f"expected {name} >= 1, got {value}"


@pytest.mark.parametrize("capacity", [1000, 12_345, 100_000])
@pytest.mark.parametrize("error_rate", [0.001, 0.01, 0.02, 0.05, 0.1, 0.3])
def test_num_bits_is_at_most_one_and_a_half_times_the_optimum(capacity, error_rate):
    bf = BloomFilter(capacity, error_rate)
    limit = 1.5 * optimum_bits(capacity, error_rate)
    assert bf.num_bits <= limit, (
        f"expected num_bits <= 1.5 * optimum = {limit:.0f} for capacity={capacity}, error_rate={error_rate}, "
        f"got {bf.num_bits}")


def test_new_filter_contains_nothing():
    bf = BloomFilter(1000, 0.01)
    found = members(bf, random_words(random.Random(1), 2000, "w:"))
    assert found == [], f"expected an empty filter to contain nothing, it claims {found[:5]!r}"


def test_added_items_are_always_found():
    rng = random.Random(7)
    bf = BloomFilter(3000, 0.01)
    items = random_words(rng, 3000, "item:")
    # One batch: add each item and ask for it at once; every 500 adds, ask for everything added so far.
    calls, asked = [], []
    for i, item in enumerate(items):
        calls.append(("add", (item,)))
        asked.append(None)
        calls.append(("__contains__", (item,)))
        asked.append((item, f"right after adding it ({i + 1} adds)"))
        if i % 500 == 0:
            for earlier in items[: i + 1]:
                calls.append(("__contains__", (earlier,)))
                asked.append((earlier, f"after {i + 1} adds"))
    for (question, answer) in zip(asked, batch(bf, calls)):
        if question is not None:
            assert answer, f"expected {question[0]!r} to be found {question[1]} (a false negative)"
    held = set(members(bf, items))
    missing = [x for x in items if x not in held]
    assert missing == [], f"expected no false negatives, {len(missing)} added items are missing, e.g. {missing[:5]!r}"


def test_adding_an_item_twice_is_harmless():
    bf = BloomFilter(100, 0.01)
    bf.add("twice")
    bf.add("twice")
    assert "twice" in bf, "expected an item added twice to be found"


def test_non_ascii_and_empty_items_are_found():
    items = ["", " ", "café", "naïve", "Ζεύς", "東京", "😀 emoji", "tab\tand\nnewline", "x" * 10_000]
    bf = BloomFilter(100, 0.01)
    for item in items:
        bf.add(item)
    missing = [item[:20] for item in items if item not in bf]
    assert missing == [], f"expected every added item to be found, missing {missing!r}"


def test_separate_filters_do_not_share_bits():
    first = BloomFilter(1000, 0.01)
    add_all(first, [f"first:{i}" for i in range(1000)])
    second = BloomFilter(1000, 0.01)
    found = members(second, [f"first:{i}" for i in range(1000)])
    assert found == [], f"expected a new filter to contain nothing added to another filter, found {len(found)} items"


@pytest.mark.parametrize("capacity,error_rate,seed", [
    (1000, 0.01, 11),
    (2000, 0.05, 12),
    (3000, 0.01, 13),
    (5000, 0.02, 14),
    (4000, 0.03, 15),
    # Past 65,536 bits: positions computed from 16 bits of a hash (or folded into a short range) crowd into the
    # first part of the array, and the rate climbs far above the target.
    (20_000, 0.01, 16),
])
def test_false_positive_rate_at_capacity_is_at_most_twice_the_error_rate(capacity, error_rate, seed):
    rng = random.Random(seed)
    bf = BloomFilter(capacity, error_rate)
    added = [f"user:{i}" for i in range(capacity // 2)] + random_words(rng, capacity - capacity // 2, "k/")
    add_all(bf, added)
    probes = [f"other:{i}" for i in range(10_000)] + random_words(rng, 10_000, "p/")
    false_positives = len(members(bf, probes))
    rate = false_positives / len(probes)
    assert rate <= 2 * error_rate, (
        f"expected a false-positive rate <= {2 * error_rate:.3f} with {capacity} items added "
        f"(error_rate={error_rate}), measured {rate:.4f} on {len(probes)} unseen items")
