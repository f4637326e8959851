"""Grader for the consistent-hashing exercise: `HashRing(nodes=(), replicas=100)`."""

import collections.abc
import random
from collections import Counter

import pytest
from drillkit_grader import batch, restart_solution
from solution import HashRing

KEYS = [f"key-{i}" for i in range(2000)]


def owners(ring, keys=KEYS):
    """Each key's owner, asked in one batch."""
    return dict(zip(keys, batch(ring, [("node_for", (k,)) for k in keys])))


def hex_keys(seed, n):
    rng = random.Random(seed)
    return [f"{rng.getrandbits(128):032x}" for _ in range(n)]


# --- construction, nodes and errors -------------------------------------------------------------------------


@pytest.mark.parametrize("replicas", [0, -1, -100])
def test_replicas_below_one_raises_value_error(replicas):
    with pytest.raises(ValueError):
        HashRing(["a", "b"], replicas=replicas)


def test_empty_ring_lookup_raises_lookup_error():
    ring = HashRing()
    with pytest.raises(LookupError):
        ring.node_for("anything")


def test_empty_ring_has_no_nodes():
    ring = HashRing()
    assert isinstance(ring.nodes, collections.abc.Set), (
        f"expected nodes to be a set, got {type(ring.nodes)!r}"
    )
    assert set(ring.nodes) == set(), f"expected no nodes, got {set(ring.nodes)!r}"


def test_constructor_nodes_are_on_the_ring():
    ring = HashRing(["a", "b", "c"])
    assert isinstance(ring.nodes, collections.abc.Set), (
        f"expected nodes to be a set, got {type(ring.nodes)!r}"
    )
    assert set(ring.nodes) == {"a", "b", "c"}, f"expected nodes {{'a', 'b', 'c'}}, got {set(ring.nodes)!r}"


def test_add_and_remove_update_nodes():
    ring = HashRing(("a",))
    ring.add_node("b")
    assert set(ring.nodes) == {"a", "b"}, (
        f"expected {{'a', 'b'}} after add_node('b'), got {set(ring.nodes)!r}"
    )
    ring.remove_node("a")
    assert set(ring.nodes) == {"b"}, f"expected {{'b'}} after remove_node('a'), got {set(ring.nodes)!r}"


def test_adding_a_node_already_present_raises_value_error():
    ring = HashRing(["a", "b"])
    with pytest.raises(ValueError):
        ring.add_node("a")
    assert set(ring.nodes) == {"a", "b"}, "expected the ring to be unchanged by the rejected add"


def test_removing_an_absent_node_raises_key_error():
    ring = HashRing(["a", "b"])
    with pytest.raises(KeyError):
        ring.remove_node("zzz")


def test_removing_a_node_twice_raises_key_error():
    ring = HashRing(["a", "b"])
    ring.remove_node("a")
    with pytest.raises(KeyError):
        ring.remove_node("a")


def test_ring_emptied_by_removals_raises_lookup_error():
    ring = HashRing(["a", "b"])
    ring.remove_node("a")
    ring.remove_node("b")
    with pytest.raises(LookupError):
        ring.node_for("k")


def test_removed_node_can_be_added_again():
    ring = HashRing(["a", "b", "c"])
    ring.remove_node("b")
    ring.add_node("b")
    assert set(ring.nodes) == {"a", "b", "c"}, f"expected 'b' back on the ring, got {set(ring.nodes)!r}"
    assert "b" in set(owners(ring).values()), "expected the re-added node 'b' to own some of 2000 keys"


# --- lookups ------------------------------------------------------------------------------------------------


def test_single_node_owns_every_key():
    ring = HashRing(["only"])
    got = set(owners(ring).values())
    assert got == {"only"}, f"expected every key to map to 'only', got {got!r}"


def test_lookup_returns_a_node_on_the_ring():
    ring = HashRing(["a", "b", "c", "d"])
    got = set(owners(ring).values())
    assert got <= {"a", "b", "c", "d"}, f"expected owners among the ring's nodes, got {got!r}"


def test_lookup_is_stable_for_the_same_key():
    ring = HashRing(["a", "b", "c", "d"])
    first = owners(ring)
    assert owners(ring) == first, "expected repeated lookups of the same keys to return the same nodes"


def test_lookup_works_with_small_replica_counts():
    for replicas in (1, 3):
        ring = HashRing(["a", "b", "c"], replicas=replicas)
        got = set(owners(ring).values())
        assert got and got <= {"a", "b", "c"}, (
            f"replicas={replicas}: expected owners among a, b, c, got {got!r}"
        )


def test_every_node_owns_some_keys():
    ring = HashRing([f"node-{i}" for i in range(5)])
    got = set(owners(ring).values())
    assert got == {f"node-{i}" for i in range(5)}, (
        f"expected all 5 nodes to own some of 2000 keys, got {got!r}"
    )


# --- minimal disruption -------------------------------------------------------------------------------------


@pytest.mark.parametrize("replicas", [1, 10, 100])
def test_adding_a_node_moves_keys_only_onto_the_new_node(replicas):
    ring = HashRing([f"node-{i}" for i in range(5)], replicas=replicas)
    before = owners(ring)
    ring.add_node("node-new")
    after = owners(ring)
    wrong = [k for k in KEYS if after[k] != before[k] and after[k] != "node-new"]
    assert not wrong, (
        f"replicas={replicas}: expected keys to move only onto 'node-new', but {len(wrong)} moved elsewhere, "
        f"e.g. {wrong[0]!r}: {before[wrong[0]]} -> {after[wrong[0]]}"
    )
    assert any(after[k] == "node-new" for k in KEYS), (
        f"replicas={replicas}: expected 'node-new' to take some keys"
    )


@pytest.mark.parametrize("replicas", [1, 10, 100])
def test_removing_a_node_moves_only_its_keys(replicas):
    ring = HashRing([f"node-{i}" for i in range(6)], replicas=replicas)
    before = owners(ring)
    ring.remove_node("node-2")
    after = owners(ring)
    moved = [k for k in KEYS if before[k] != "node-2" and after[k] != before[k]]
    assert not moved, (
        f"replicas={replicas}: expected only node-2's keys to move, but {len(moved)} others moved, "
        f"e.g. {moved[0]!r}: {before[moved[0]]} -> {after[moved[0]]}"
    )
    still = [k for k in KEYS if after[k] == "node-2"]
    assert not still, (
        f"replicas={replicas}: expected no key on the removed node, {len(still)} still map to it"
    )


def test_sequence_of_changes_keeps_disruption_minimal():
    ring = HashRing(["a", "b", "c"])
    for step, (op, node) in enumerate(
        [("add", "d"), ("add", "e"), ("remove", "a"), ("add", "f"), ("remove", "d"), ("add", "a")]
    ):
        before = owners(ring)
        if op == "add":
            ring.add_node(node)
            after = owners(ring)
            bad = [k for k in KEYS if before[k] != after[k] != node]
        else:
            ring.remove_node(node)
            after = owners(ring)
            bad = [k for k in KEYS if before[k] != node and after[k] != before[k]]
        assert not bad, (
            f"step {step} ({op} {node}): {len(bad)} keys moved that should have stayed, e.g. {bad[0]!r}"
        )


# --- balance ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "node_names, key_kind",
    [
        ([f"node-{i}" for i in range(10)], "key"),
        ([f"10.0.0.{i}:6379" for i in range(1, 11)], "user"),
        ([f"cache-{c}" for c in "abcdefghij"], "hex"),
    ],
)
def test_ten_nodes_with_default_replicas_own_at_most_twice_their_fair_share(node_names, key_kind):
    if key_kind == "key":
        keys = [f"key-{i}" for i in range(10_000)]
    elif key_kind == "user":
        keys = [f"user:{i}" for i in range(10_000)]
    else:
        keys = hex_keys(99, 10_000)
    ring = HashRing(node_names)
    counts = Counter(owners(ring, keys).values())
    node, most = counts.most_common(1)[0]
    assert most <= 2_000, (
        f"expected no node to own more than 2000 of 10000 keys (twice the fair share), {node!r} owns {most}; "
        f"counts: {dict(counts)}"
    )


# --- determinism across processes ---------------------------------------------------------------------------

def _placement(keys):
    ring = HashRing(["alpha", "beta", "gamma", "delta"])
    ring.add_node("epsilon")
    ring.remove_node("beta")
    return [owners(ring, keys)[k] for k in keys]


@pytest.mark.timeout(20)
def test_placement_is_the_same_in_processes_with_different_hash_seeds():
    keys = [f"k{i}" for i in range(200)] + hex_keys(5, 100)
    here = _placement(keys)
    for seed in (0, 1, 4242):
        restart_solution(hash_seed=seed)  # a fresh solution process whose str hashes differ from this one's
        there = _placement(keys)
        differ = sum(1 for a, b in zip(here, there) if a != b)
        assert there == here, (
            f"expected the same placement in a process with PYTHONHASHSEED={seed}, {differ} of {len(keys)} keys "
            "differ (is placement based on Python's salted hash()?)"
        )
