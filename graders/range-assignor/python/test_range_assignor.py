"""Grader for the range-assignor exercise."""
import itertools
import random

import pytest

from solution import range_assign


def model(partitions, consumers):
    """Obviously-correct model: deal partitions in order, giving the i-th sorted consumer its share."""
    members = sorted(consumers)
    n = len(members)
    out = {}
    nxt = 0
    for i, member in enumerate(members):
        share = partitions // n + (1 if i < partitions % n else 0)
        out[member] = list(range(nxt, nxt + share))
        nxt += share
    return out


def assigned(partitions, consumers):
    """Call range_assign and normalise each value to a sorted list (the order inside a list is not graded)."""
    result = range_assign(partitions, list(consumers))
    assert isinstance(result, dict), f"expected a dict, got {type(result).__name__}"
    return {consumer: sorted(parts) for consumer, parts in result.items()}


def test_partitions_divide_evenly():
    got = assigned(6, ["c0", "c1", "c2"])
    expected = {"c0": [0, 1], "c1": [2, 3], "c2": [4, 5]}
    assert got == expected, f"expected {expected}, got {got}"


def test_first_consumers_get_one_extra_partition():
    got = assigned(7, ["c0", "c1", "c2"])
    expected = {"c0": [0, 1, 2], "c1": [3, 4], "c2": [5, 6]}
    assert got == expected, f"expected 7 % 3 = 1 extra partition for the first consumer: {expected}, got {got}"


def test_two_extra_partitions_go_to_the_first_two_consumers():
    got = assigned(10, ["a", "b", "c", "d"])
    expected = {"a": [0, 1, 2], "b": [3, 4, 5], "c": [6, 7], "d": [8, 9]}
    assert got == expected, f"expected {expected}, got {got}"


def test_three_partitions_over_two_consumers():
    got = assigned(3, ["C1", "C0"])
    expected = {"C0": [0, 1], "C1": [2]}
    assert got == expected, f"expected {expected} (Kafka's documented example for one topic), got {got}"


def test_consumers_are_sorted_by_plain_string_comparison():
    got = assigned(5, ["c2", "c10", "c1"])
    expected = {"c1": [0, 1], "c10": [2, 3], "c2": [4]}
    assert got == expected, f"expected lexicographic order c1 < c10 < c2, so {expected}, got {got}"


def test_uppercase_names_sort_before_lowercase_names():
    got = assigned(3, ["alpha", "Zed", "beta"])
    expected = {"Zed": [0], "alpha": [1], "beta": [2]}
    assert got == expected, f"expected 'Zed' < 'alpha' < 'beta' (code point order), so {expected}, got {got}"


def test_result_does_not_depend_on_the_order_of_consumers():
    names = ["consumer-b", "consumer-a", "consumer-d", "consumer-c"]
    expected = assigned(11, sorted(names))
    for perm in itertools.permutations(names):
        got = assigned(11, perm)
        assert got == expected, f"expected the same assignment for input order {list(perm)}: {expected}, got {got}"


def test_more_consumers_than_partitions_leaves_the_last_ones_empty():
    got = assigned(2, ["e", "d", "c", "b", "a"])
    expected = {"a": [0], "b": [1], "c": [], "d": [], "e": []}
    assert got == expected, f"expected idle consumers to map to []: {expected}, got {got}"


def test_zero_partitions_gives_every_consumer_an_empty_list():
    got = assigned(0, ["x", "y"])
    assert got == {"x": [], "y": []}, f"expected {{'x': [], 'y': []}}, got {got}"


def test_single_consumer_gets_every_partition():
    got = assigned(5, ["only"])
    assert got == {"only": [0, 1, 2, 3, 4]}, f"expected all 5 partitions for the only consumer, got {got}"


@pytest.mark.parametrize("partitions", [0, 1, 12])
def test_no_consumers_gives_an_empty_dict(partitions):
    got = range_assign(partitions, [])
    assert got == {}, f"expected {{}} for no consumers and {partitions} partitions, got {got!r}"


@pytest.mark.parametrize("partitions", [-1, -12])
def test_negative_partition_count_raises_value_error(partitions):
    with pytest.raises(ValueError):
        range_assign(partitions, ["a", "b"])


@pytest.mark.parametrize("consumers", [["a", "b", "a"], ["dup", "dup"], ["x", "y", "z", "y"]], ids=",".join)
def test_duplicate_consumer_names_raise_value_error(consumers):
    with pytest.raises(ValueError):
        range_assign(6, consumers)


@pytest.mark.parametrize("seed", range(30))
def test_random_groups_match_the_range_model(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 12)
    alphabet = "abcXYZ019-_."
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))))
    consumers = list(names)
    rng.shuffle(consumers)
    partitions = rng.choice([0, rng.randint(0, n), rng.randint(n, 5 * n), rng.randint(0, 500)])
    got = assigned(partitions, consumers)
    expected = model(partitions, consumers)
    assert got == expected, f"range_assign({partitions}, {consumers}): expected {expected}, got {got}"
    owned = sorted(p for parts in got.values() for p in parts)
    assert owned == list(range(partitions)), f"expected every partition assigned exactly once, got {owned}"
