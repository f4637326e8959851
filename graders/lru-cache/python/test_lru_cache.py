"""Grader for the lru-cache exercise: `LRUCache(capacity)` with get, put, len and `in`."""

import random
import time

import pytest
from drillkit_grader import batch, prepare
from solution import LRUCache


class ModelLRU:
    """Obviously correct model: a list ordered from least to most recently used."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []  # [key, value] pairs, least recently used first

    def _find(self, key):
        for i, (k, _) in enumerate(self.items):
            if k == key:
                return i
        return -1

    def get(self, key, default=None):
        i = self._find(key)
        if i < 0:
            return default
        pair = self.items.pop(i)
        self.items.append(pair)
        return pair[1]

    def put(self, key, value):
        i = self._find(key)
        if i >= 0:
            self.items.pop(i)
        self.items.append([key, value])
        if len(self.items) > self.capacity:
            self.items.pop(0)

    def key_list(self):
        return [k for k, _ in self.items]


# --- construction -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("capacity", [0, -1, -100])
def test_capacity_below_one_raises_value_error(capacity):
    with pytest.raises(ValueError):
        LRUCache(capacity)


def test_new_cache_is_empty():
    cache = LRUCache(3)
    assert len(cache) == 0, f"expected a new cache to hold 0 keys, got {len(cache)}"
    assert "a" not in cache, "expected 'a' not to be in a new cache"


# --- get and put --------------------------------------------------------------------------------------------


def test_get_of_missing_key_returns_none_by_default():
    cache = LRUCache(2)
    assert cache.get("missing") is None, "expected get() of a missing key to return None"


def test_get_of_missing_key_returns_the_given_default():
    cache = LRUCache(2)
    cache.put("a", 1)
    sentinel = object()
    assert cache.get("missing", sentinel) is sentinel, "expected get(missing, default) to return default"
    assert cache.get("missing", 42) == 42, "expected get('missing', 42) to return 42"


def test_get_of_missing_key_does_not_insert_it():
    cache = LRUCache(2)
    cache.get("missing", 5)
    assert len(cache) == 0, f"expected a miss to leave the cache empty, got len {len(cache)}"
    assert "missing" not in cache, "expected a miss not to insert the key"


def test_put_then_get_returns_the_value():
    cache = LRUCache(2)
    assert cache.put("a", 1) is None, "expected put() to return None"
    assert cache.get("a") == 1, f"expected get('a') == 1, got {cache.get('a')!r}"
    assert len(cache) == 1, f"expected 1 key after one put, got {len(cache)}"
    assert "a" in cache, "expected 'a' in cache after put"


def test_stored_falsy_values_are_returned_not_the_default():
    cache = LRUCache(5)
    cache.put("none", None)
    cache.put("zero", 0)
    cache.put("empty", "")
    cache.put("false", False)
    marker = "DEFAULT"
    assert cache.get("none", marker) is None, "expected a stored None to be returned, not the default"
    assert cache.get("zero", marker) == 0, "expected a stored 0 to be returned, not the default"
    assert cache.get("empty", marker) == "", "expected a stored '' to be returned, not the default"
    assert cache.get("false", marker) is False, "expected a stored False to be returned, not the default"
    assert "none" in cache, "expected a key whose value is None to be in the cache"
    assert len(cache) == 4, f"expected 4 keys, got {len(cache)}"


def test_put_of_existing_key_overwrites_without_growing():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("a", 2)
    assert cache.get("a") == 2, f"expected the overwritten value 2, got {cache.get('a')!r}"
    assert len(cache) == 1, f"expected 1 key after overwriting, got {len(cache)}"


def test_keys_of_any_hashable_type_work():
    cache = LRUCache(3)
    cache.put(1, "int")
    cache.put((1, 2), "tuple")
    cache.put("1", "str")
    assert cache.get(1) == "int" and cache.get((1, 2)) == "tuple" and cache.get("1") == "str", (
        "expected int, tuple and str keys to be kept apart"
    )


# --- eviction order -----------------------------------------------------------------------------------------


def test_insert_beyond_capacity_evicts_least_recently_used_key():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    assert "a" not in cache, "expected 'a' (least recently used) to be evicted"
    assert cache.get("b") == 2 and cache.get("c") == 3, "expected 'b' and 'c' to survive"
    assert len(cache) == 2, f"expected 2 keys at capacity 2, got {len(cache)}"


def test_cache_holds_exactly_capacity_keys():
    cache = LRUCache(3)
    for i in range(3):
        cache.put(i, i)
    assert len(cache) == 3, f"expected 3 keys at capacity 3 before any eviction, got {len(cache)}"
    assert all(i in cache for i in range(3)), "expected all 3 keys to be held when exactly at capacity"
    cache.put(3, 3)
    assert len(cache) == 3, f"expected 3 keys after an eviction, got {len(cache)}"
    assert 0 not in cache and all(i in cache for i in (1, 2, 3)), "expected only key 0 to be evicted"


def test_capacity_one_keeps_only_the_last_key():
    cache = LRUCache(1)
    cache.put("a", 1)
    assert cache.get("a") == 1, "expected capacity 1 to hold one key"
    cache.put("b", 2)
    assert "a" not in cache and cache.get("b") == 2, "expected 'b' to replace 'a' at capacity 1"
    assert len(cache) == 1, f"expected 1 key at capacity 1, got {len(cache)}"


def test_get_hit_makes_key_most_recently_used():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    assert "a" in cache, "expected 'a' to survive: get('a') made it most recently used"
    assert "b" not in cache, "expected 'b' to be evicted as least recently used"


def test_overwrite_makes_key_most_recently_used():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert cache.get("a") == 10, "expected 'a' to survive: overwriting it made it most recently used"
    assert "b" not in cache, "expected 'b' to be evicted as least recently used"


def test_overwrite_when_full_does_not_evict():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("b", 20)
    assert len(cache) == 2, f"expected 2 keys after overwriting in a full cache, got {len(cache)}"
    assert cache.get("a") == 1 and cache.get("b") == 20, (
        "expected no eviction when overwriting an existing key"
    )


def test_get_miss_does_not_change_recency():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("zzz")
    cache.put("c", 3)
    assert "a" not in cache and "b" in cache and "c" in cache, "expected 'a' evicted: a miss changes nothing"


def test_contains_does_not_change_recency():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache, "expected 'a' in cache"
    cache.put("c", 3)
    assert "a" not in cache, "expected 'a' to be evicted: `in` must not make it recently used"
    assert "b" in cache and "c" in cache, "expected 'b' and 'c' to remain"


def test_contains_of_missing_key_is_false():
    cache = LRUCache(2)
    cache.put("a", 1)
    assert ("b" in cache) is False, "expected `'b' in cache` to be False"
    assert len(cache) == 1, "expected `in` not to insert the key"


def test_evicted_key_can_be_inserted_again():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)  # evicts a
    cache.put("a", 4)  # evicts b
    assert cache.get("a") == 4 and cache.get("c") == 3, "expected 'a' re-inserted with its new value"
    assert "b" not in cache, "expected 'b' to be evicted when 'a' came back"


def test_long_sequence_evicts_in_recency_order():
    cache = LRUCache(4)
    for k in "abcd":
        cache.put(k, k.upper())
    cache.get("b")
    cache.get("a")
    cache.put("c", "C2")
    # recency now, least first: d, b, a, c
    cache.put("e", "E")
    assert "d" not in cache, "expected 'd' evicted first"
    cache.put("f", "F")
    assert "b" not in cache, "expected 'b' evicted second"
    cache.put("g", "G")
    assert "a" not in cache, "expected 'a' evicted third"
    assert [cache.get(k) for k in "cefg"] == ["C2", "E", "F", "G"], "expected c, e, f, g to remain"


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_operations_match_a_simple_model(seed):
    rng = random.Random(seed)
    capacity = rng.randint(1, 6)
    model = ModelLRU(capacity)
    # The operations run as one batch in the solution process; every answer is then checked against the model.
    calls, expected, labels = [], [], []
    for step in range(2000):
        key = rng.randrange(12)
        op = rng.random()
        if op < 0.45:
            value = rng.randrange(1000)
            model.put(key, value)
            calls.append(("put", (key, value)))
            expected.append(None)
            labels.append(f"put({key}, {value})")
        elif op < 0.85:
            calls.append(("get", (key, "miss")))
            expected.append(model.get(key, "miss"))
            labels.append(f"get({key})")
        else:
            calls.append(("__contains__", (key,)))
            expected.append(key in model.key_list())
            labels.append(f"`{key} in cache`")
        calls.append(("__len__", ()))
        expected.append(len(model.items))
        labels.append(f"len after step {step}")
    for key in range(12):
        calls.append(("__contains__", (key,)))
        expected.append(key in model.key_list())
        labels.append(f"final membership of {key}")
    got = batch(LRUCache(capacity), calls)
    assert len(got) == len(calls), f"expected {len(calls)} answers from the batch, got {len(got)}"
    for answer, want, label in zip(got, expected, labels):
        if label.startswith(("`", "final")):
            answer = bool(answer)  # as `in` would coerce it
        assert answer == want, f"seed {seed}, capacity {capacity}: {label} returned {answer!r}, expected {want!r}"


# --- performance --------------------------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_200000_mixed_operations_with_capacity_1000_run_in_well_under_2_seconds():
    rng = random.Random(7)
    # Half the traffic hits a hot set that fits in the cache, half streams through a large key space, so
    # there are many hits (recency updates) and tens of thousands of evictions.
    ops = []
    for _ in range(200_000):
        key = rng.randrange(500) if rng.random() < 0.5 else 1_000 + rng.randrange(1_000_000)
        ops.append(("put", (key, key)) if rng.random() < 0.5 else ("get", (key,)))
    prepared = prepare(ops)  # sent before the clock starts: the timing covers the cache's work and answers
    cache = LRUCache(1_000)
    start = time.perf_counter()
    batch(cache, prepared, results=False)
    elapsed = time.perf_counter() - start
    assert len(cache) == 1_000, f"expected the cache to be full (1000 keys), got {len(cache)}"
    assert elapsed < 2.0, (
        f"expected 200,000 operations in well under 2 s, took {elapsed:.2f} s (O(n) get/put?)"
    )


@pytest.mark.timeout(10)
def test_evictions_stay_constant_time_when_the_capacity_is_large():
    # O(1) means independent of capacity: with 50,000 keys held, an eviction that scans the cache (or walks
    # past dead slots at the front of a dict) costs thousands of times more than one that unlinks the oldest
    # entry, and 150,000 evictions expose it. A constant-time cache does this in a fraction of a second.
    cache = LRUCache(50_000)
    prepared = prepare([("put", (key, key)) for key in range(200_000)])
    start = time.perf_counter()
    batch(cache, prepared, results=False)
    elapsed = time.perf_counter() - start
    assert len(cache) == 50_000, f"expected 50000 keys after 200000 distinct puts, got {len(cache)}"
    assert cache.get(199_999) == 199_999, "expected the newest key to be present"
    assert cache.get(149_999) is None, "expected key 149999 (just older than the newest 50,000) to be evicted"
    assert elapsed < 2.0, (
        f"expected 200,000 puts with capacity 50,000 (150,000 evictions) in well under 2 s, took {elapsed:.2f} s "
        "(an eviction that scans the cache?)"
    )
