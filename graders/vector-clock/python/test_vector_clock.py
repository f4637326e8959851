"""Grader for the vector-clock exercise: increment, merge and compare over dict[str, int] clocks."""

import copy
import random

import pytest
from solution import compare, increment, merge


def norm(clock):
    """A clock by meaning: missing nodes and explicit zeros are the same thing."""
    return {node: count for node, count in clock.items() if count != 0}


def model_compare(a, b):
    keys = set(a) | set(b)
    le = all(a.get(k, 0) <= b.get(k, 0) for k in keys)
    ge = all(a.get(k, 0) >= b.get(k, 0) for k in keys)
    if le and ge:
        return "equal"
    if le:
        return "before"
    if ge:
        return "after"
    return "concurrent"


def random_clock(rng):
    clock = {}
    for node in "abcd":
        r = rng.random()
        if r < 0.3:
            continue  # missing means 0
        clock[node] = 0 if r < 0.4 else rng.randint(1, 3)  # sometimes an explicit zero
    return clock


# --- increment ----------------------------------------------------------------------------------------------


def test_increment_of_empty_clock_sets_node_to_one():
    got = increment({}, "a")
    assert isinstance(got, dict), f"expected a dict, got {type(got)!r}"
    assert norm(got) == {"a": 1}, f"expected {{'a': 1}}, got {got!r}"


def test_increment_adds_one_to_an_existing_entry():
    got = increment({"a": 2, "b": 5}, "a")
    assert norm(got) == {"a": 3, "b": 5}, f"expected {{'a': 3, 'b': 5}}, got {got!r}"


def test_increment_of_a_new_node_keeps_the_others():
    got = increment({"a": 2}, "b")
    assert norm(got) == {"a": 2, "b": 1}, f"expected {{'a': 2, 'b': 1}}, got {got!r}"


def test_increment_of_an_explicit_zero_entry_gives_one():
    got = increment({"a": 0, "b": 4}, "a")
    assert norm(got) == {"a": 1, "b": 4}, f"expected {{'a': 1, 'b': 4}}, got {got!r}"


def test_increment_does_not_mutate_its_argument():
    clock = {"a": 1, "b": 2}
    snapshot = copy.deepcopy(clock)
    got = increment(clock, "a")
    assert clock == snapshot, f"expected the argument to stay {snapshot!r}, it became {clock!r}"
    assert got is not clock, "expected increment to return a new dict, not its argument"
    got2 = increment(clock, "c")
    assert clock == snapshot, f"expected the argument to stay {snapshot!r}, it became {clock!r}"
    assert norm(got2) == {"a": 1, "b": 2, "c": 1}, f"expected {{'a': 1, 'b': 2, 'c': 1}}, got {got2!r}"


def test_repeated_increments_count_up():
    clock = {}
    for _ in range(5):
        clock = increment(clock, "n")
    assert norm(clock) == {"n": 5}, f"expected {{'n': 5}} after five increments, got {clock!r}"


# --- merge --------------------------------------------------------------------------------------------------


def test_merge_takes_the_element_wise_maximum():
    got = merge({"a": 3, "b": 1}, {"a": 1, "b": 4})
    assert isinstance(got, dict), f"expected a dict, got {type(got)!r}"
    assert norm(got) == {"a": 3, "b": 4}, f"expected {{'a': 3, 'b': 4}}, got {got!r}"


def test_merge_includes_nodes_present_in_only_one_clock():
    got = merge({"a": 2}, {"b": 5})
    assert norm(got) == {"a": 2, "b": 5}, f"expected {{'a': 2, 'b': 5}}, got {got!r}"
    got = merge({"a": 1, "c": 7}, {"a": 2})
    assert norm(got) == {"a": 2, "c": 7}, f"expected {{'a': 2, 'c': 7}}, got {got!r}"


def test_merge_keeps_the_larger_value_whichever_side_it_is_on():
    got = merge({"a": 9}, {"a": 2})
    assert norm(got) == {"a": 9}, f"expected the first clock's larger 9 to win, got {got!r}"
    got = merge({"a": 2}, {"a": 9})
    assert norm(got) == {"a": 9}, f"expected the second clock's larger 9 to win, got {got!r}"


def test_merge_with_empty_clocks():
    assert norm(merge({}, {})) == {}, "expected merge({}, {}) to be empty"
    assert norm(merge({"a": 1}, {})) == {"a": 1}, "expected merge(a, {}) to equal a"
    assert norm(merge({}, {"a": 1})) == {"a": 1}, "expected merge({}, b) to equal b"


def test_merge_treats_explicit_zero_like_missing():
    got = merge({"a": 0, "b": 2}, {"a": 3})
    assert norm(got) == {"a": 3, "b": 2}, f"expected {{'a': 3, 'b': 2}}, got {got!r}"


def test_merge_does_not_mutate_its_arguments():
    a, b = {"a": 1, "b": 5}, {"a": 4, "c": 2}
    sa, sb = copy.deepcopy(a), copy.deepcopy(b)
    merge(a, b)
    assert a == sa, f"expected the first argument to stay {sa!r}, it became {a!r}"
    assert b == sb, f"expected the second argument to stay {sb!r}, it became {b!r}"


# --- compare ------------------------------------------------------------------------------------------------


ORDER_CASES = [
    ({}, {}, "equal"),
    ({"a": 1, "b": 2}, {"a": 1, "b": 2}, "equal"),
    ({"a": 1}, {"a": 2}, "before"),
    ({"a": 2}, {"a": 1}, "after"),
    ({}, {"a": 1}, "before"),
    ({"a": 1}, {}, "after"),
    ({"a": 1}, {"a": 1, "b": 1}, "before"),
    ({"a": 1, "b": 1}, {"a": 1}, "after"),
    ({"a": 1, "b": 2}, {"a": 2, "b": 2}, "before"),
    ({"a": 1}, {"b": 1}, "concurrent"),
    ({"a": 2, "b": 1}, {"a": 1, "b": 2}, "concurrent"),
    ({"a": 5}, {"a": 1, "b": 1}, "concurrent"),
    ({"a": 1, "b": 1}, {"a": 5}, "concurrent"),
    ({"a": 3, "b": 1, "c": 0}, {"a": 3, "b": 1, "c": 1}, "before"),
]


def _case_id(a, b, expected=None):
    show = lambda c: ",".join(f"{k}{v}" for k, v in c.items()) or "empty"  # noqa: E731
    return f"{show(a)}_vs_{show(b)}" + (f"_is_{expected}" if expected else "")


@pytest.mark.parametrize("a, b, expected", ORDER_CASES, ids=[_case_id(*c) for c in ORDER_CASES])
def test_compare_classifies_the_causal_order(a, b, expected):
    sa, sb = copy.deepcopy(a), copy.deepcopy(b)
    got = compare(a, b)
    assert got == expected, f"expected compare({sa}, {sb}) == {expected!r}, got {got!r}"


ZERO_CASES = [
    ({"x": 0}, {}),
    ({}, {"x": 0}),
    ({"x": 0, "a": 2}, {"a": 2}),
    ({"a": 2}, {"a": 2, "y": 0}),
    ({"x": 0}, {"y": 0}),
]


@pytest.mark.parametrize("a, b", ZERO_CASES, ids=[_case_id(*c) for c in ZERO_CASES])
def test_compare_treats_zero_entries_as_missing(a, b):
    got = compare(a, b)
    assert got == "equal", (
        f"expected compare({a}, {b}) == 'equal' (a zero entry means the same as none), got {got!r}"
    )


def test_compare_with_zero_entries_still_sees_real_differences():
    assert compare({"x": 0, "a": 1}, {"a": 2}) == "before", "expected {'x': 0, 'a': 1} before {'a': 2}"
    assert compare({"a": 2}, {"x": 0, "a": 1}) == "after", "expected {'a': 2} after {'x': 0, 'a': 1}"
    assert compare({"x": 0, "a": 1}, {"b": 1}) == "concurrent", (
        "expected {'x': 0, 'a': 1} concurrent with {'b': 1}"
    )


def test_compare_does_not_mutate_its_arguments():
    a, b = {"a": 1, "z": 0}, {"b": 2}
    sa, sb = copy.deepcopy(a), copy.deepcopy(b)
    compare(a, b)
    compare(b, a)
    assert a == sa and b == sb, f"expected arguments unchanged, got {a!r} and {b!r}"


def test_compare_is_not_a_comparison_of_sums():
    # Larger total but not causally after: concurrent.
    got = compare({"a": 10}, {"a": 1, "b": 1})
    assert got == "concurrent", f"expected 'concurrent', got {got!r}"


# --- how the three fit together -----------------------------------------------------------------------------


def test_message_exchange_between_two_nodes():
    a = increment({}, "A")  # A does local work
    b = increment({}, "B")  # B does local work
    assert compare(a, b) == "concurrent", "expected independent events on A and B to be concurrent"
    sent = increment(a, "A")  # A sends a message
    b2 = increment(merge(b, sent), "B")  # B receives it
    assert compare(sent, b2) == "before", "expected the send to happen before the receive"
    assert compare(b2, sent) == "after", "expected the receive to happen after the send"
    assert compare(a, b2) == "before", "expected A's earlier event to happen before B's receive"
    assert compare(b, b2) == "before", "expected B's earlier event to happen before B's receive"


@pytest.mark.parametrize("seed", [21, 22, 23])
def test_random_clocks_match_a_simple_model(seed):
    rng = random.Random(seed)
    for step in range(400):
        a, b = random_clock(rng), random_clock(rng)
        sa, sb = copy.deepcopy(a), copy.deepcopy(b)
        got = compare(a, b)
        want = model_compare(sa, sb)
        assert got == want, (
            f"seed {seed}, step {step}: compare({sa}, {sb}) returned {got!r}, expected {want!r}"
        )
        m = merge(a, b)
        want_m = norm({k: max(sa.get(k, 0), sb.get(k, 0)) for k in set(sa) | set(sb)})
        assert norm(m) == want_m, (
            f"seed {seed}, step {step}: merge({sa}, {sb}) returned {m!r}, expected {want_m!r}"
        )
        node = rng.choice("abcde")
        inc = increment(a, node)
        want_i = norm(dict(sa, **{node: sa.get(node, 0) + 1}))
        assert norm(inc) == want_i, f"seed {seed}, step {step}: increment({sa}, {node!r}) returned {inc!r}"
        assert a == sa and b == sb, f"seed {seed}, step {step}: arguments were mutated: {a!r}, {b!r}"


def test_merge_is_after_or_equal_to_both_inputs():
    rng = random.Random(31)
    for _ in range(300):
        a, b = random_clock(rng), random_clock(rng)
        m = merge(a, b)
        assert compare(m, a) in ("after", "equal"), f"expected merge({a}, {b}) after or equal to {a}"
        assert compare(m, b) in ("after", "equal"), f"expected merge({a}, {b}) after or equal to {b}"
