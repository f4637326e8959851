"""Grader for the ttl-cache exercise: `TTLCache(default_ttl, clock)` with set, get, delete and len."""

import random

import pytest
from solution import TTLCache


class FakeClock:
    """A clock the test moves by hand; the cache may read it any number of times."""

    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def make(default_ttl=10.0, now=1000.0):
    clock = FakeClock(now)
    return TTLCache(default_ttl, clock=clock), clock


# --- construction and argument checks -----------------------------------------------------------------------


@pytest.mark.parametrize("default_ttl", [0, 0.0, -1, -0.5])
def test_default_ttl_not_above_zero_raises_value_error(default_ttl):
    with pytest.raises(ValueError):
        TTLCache(default_ttl, clock=FakeClock())


@pytest.mark.parametrize("ttl", [0, 0.0, -1, -0.25])
def test_set_with_ttl_not_above_zero_raises_value_error(ttl):
    cache, _ = make()
    with pytest.raises(ValueError):
        cache.set("k", "v", ttl=ttl)


def test_new_cache_is_empty():
    cache, _ = make()
    assert len(cache) == 0, f"expected a new cache to hold 0 live keys, got {len(cache)}"


def test_default_clock_works_without_injection():
    cache = TTLCache(60)
    cache.set("k", "v")
    assert cache.get("k") == "v", (
        "expected a key set with a 60 s TTL on the real clock to be readable at once"
    )
    assert len(cache) == 1, f"expected 1 live key, got {len(cache)}"


# --- get ----------------------------------------------------------------------------------------------------


def test_get_of_missing_key_returns_none_by_default():
    cache, _ = make()
    assert cache.get("missing") is None, "expected get() of a missing key to return None"


def test_get_of_missing_key_returns_the_given_default():
    cache, _ = make()
    assert cache.get("missing", "dflt") == "dflt", "expected get('missing', 'dflt') to return 'dflt'"


def test_set_then_get_returns_the_value():
    cache, _ = make()
    assert cache.set("k", "v") is None, "expected set() to return None"
    assert cache.get("k") == "v", f"expected 'v', got {cache.get('k')!r}"


def test_stored_falsy_values_are_returned_not_the_default():
    cache, _ = make()
    cache.set("none", None)
    cache.set("zero", 0)
    cache.set("empty", "")
    assert cache.get("none", "DEFAULT") is None, "expected a live key holding None to return None"
    assert cache.get("zero", "DEFAULT") == 0, "expected a live key holding 0 to return 0"
    assert cache.get("empty", "DEFAULT") == "", "expected a live key holding '' to return ''"
    assert len(cache) == 3, f"expected 3 live keys, got {len(cache)}"


# --- expiry boundaries --------------------------------------------------------------------------------------


def test_key_is_live_just_before_its_expiry():
    cache, clock = make(default_ttl=10.0, now=1000.0)
    cache.set("k", "v")
    clock.now = 1009.75
    assert cache.get("k") == "v", "expected the key to be live 0.25 s before clock() + default_ttl"


def test_key_is_expired_exactly_at_its_expiry():
    cache, clock = make(default_ttl=10.0, now=1000.0)
    cache.set("k", "v")
    clock.now = 1010.0
    assert cache.get("k", "gone") == "gone", (
        "expected the key to be expired once clock() == expiry (>=, not >)"
    )


def test_key_stays_expired_later():
    cache, clock = make(default_ttl=10.0, now=1000.0)
    cache.set("k", "v")
    clock.now = 5000.0
    assert cache.get("k") is None, "expected the key to be absent long after its expiry"


def test_explicit_ttl_overrides_the_default():
    cache, clock = make(default_ttl=10.0, now=1000.0)
    cache.set("short", 1, ttl=2.5)
    cache.set("long", 2, ttl=30)
    clock.now = 1002.25
    assert cache.get("short") == 1, "expected 'short' (ttl 2.5) to be live after 2.25 s"
    clock.now = 1002.5
    assert cache.get("short") is None, "expected 'short' (ttl 2.5) to expire at 2.5 s"
    clock.now = 1020.0
    assert cache.get("long") == 2, "expected 'long' (ttl 30) to outlive the default ttl of 10"
    clock.now = 1030.0
    assert cache.get("long") is None, "expected 'long' (ttl 30) to expire at 30 s"


def test_ttl_none_uses_the_default():
    cache, clock = make(default_ttl=4.0, now=0.0)
    cache.set("k", "v", ttl=None)
    clock.now = 3.5
    assert cache.get("k") == "v", "expected ttl=None to mean default_ttl (live at 3.5 of 4)"
    clock.now = 4.0
    assert cache.get("k") is None, "expected ttl=None to mean default_ttl (expired at 4)"


def test_fractional_ttl_is_honoured():
    cache, clock = make(default_ttl=0.5, now=0.0)
    cache.set("k", "v")
    cache.set("q", "w", ttl=0.125)
    clock.now = 0.125
    assert cache.get("q") is None and cache.get("k") == "v", (
        "expected ttl 0.125 expired and ttl 0.5 live at 0.125"
    )
    clock.now = 0.5
    assert cache.get("k") is None, "expected ttl 0.5 to expire at 0.5"


def test_expiry_counts_from_the_time_of_set_not_construction():
    cache, clock = make(default_ttl=10.0, now=0.0)
    clock.now = 100.0
    cache.set("k", "v")
    clock.now = 105.0
    assert cache.get("k") == "v", "expected a key set at t=100 with ttl 10 to be live at t=105"
    clock.now = 110.0
    assert cache.get("k") is None, "expected a key set at t=100 with ttl 10 to expire at t=110"


def test_each_key_has_its_own_expiry():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("a", 1)
    clock.now = 5.0
    cache.set("b", 2)
    clock.now = 10.0
    assert cache.get("a") is None and cache.get("b") == 2, "expected 'a' expired at 10 and 'b' live until 15"
    clock.now = 15.0
    assert cache.get("b") is None, "expected 'b' to expire at 15"


# --- overwrite ----------------------------------------------------------------------------------------------


def test_setting_an_existing_key_replaces_value_and_extends_expiry():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("k", "old")
    clock.now = 8.0
    cache.set("k", "new")
    clock.now = 12.0
    assert cache.get("k") == "new", "expected re-setting at t=8 to move expiry to t=18 and replace the value"
    clock.now = 18.0
    assert cache.get("k") is None, "expected the key to expire at t=18"


def test_setting_an_existing_key_with_a_shorter_ttl_shortens_expiry():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("k", "old", ttl=100)
    cache.set("k", "new", ttl=1)
    clock.now = 0.5
    assert cache.get("k") == "new", "expected the new value"
    clock.now = 1.0
    assert cache.get("k") is None, "expected the shorter new ttl to replace the longer old expiry"
    assert len(cache) == 0, f"expected 0 live keys, got {len(cache)}"


def test_setting_an_expired_key_makes_it_live_again():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("k", "v1")
    clock.now = 20.0
    assert cache.get("k") is None, "expected expiry at t=10"
    cache.set("k", "v2")
    assert cache.get("k") == "v2", "expected re-setting an expired key to make it live with the new value"
    assert len(cache) == 1, f"expected 1 live key, got {len(cache)}"


def test_overwrite_does_not_add_a_second_key():
    cache, _ = make()
    cache.set("k", 1)
    cache.set("k", 2)
    assert len(cache) == 1, f"expected 1 key after overwriting, got {len(cache)}"


# --- delete -------------------------------------------------------------------------------------------------


def test_delete_of_a_live_key_returns_true_and_removes_it():
    cache, _ = make()
    cache.set("k", "v")
    assert cache.delete("k") is True, "expected delete() of a live key to return True"
    assert cache.get("k", "gone") == "gone", "expected the key to be absent after delete"
    assert len(cache) == 0, f"expected 0 keys after delete, got {len(cache)}"


def test_delete_of_a_missing_key_returns_false():
    cache, _ = make()
    assert cache.delete("missing") is False, "expected delete() of a missing key to return False"


def test_delete_twice_returns_false_the_second_time():
    cache, _ = make()
    cache.set("k", "v")
    cache.delete("k")
    assert cache.delete("k") is False, "expected the second delete() to return False"


def test_delete_of_an_expired_key_returns_false():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("k", "v")
    clock.now = 10.0
    assert cache.delete("k") is False, (
        "expected delete() of a key expired exactly at its expiry to return False"
    )
    clock.now = 50.0
    assert cache.delete("k") is False, "expected delete() of a long-expired key to return False"


def test_delete_leaves_other_keys_alone():
    cache, _ = make()
    cache.set("a", 1)
    cache.set("b", 2)
    cache.delete("a")
    assert cache.get("b") == 2 and len(cache) == 1, "expected 'b' to survive deleting 'a'"


# --- len ----------------------------------------------------------------------------------------------------


def test_len_counts_only_live_keys():
    cache, clock = make(default_ttl=10.0, now=0.0)
    cache.set("a", 1, ttl=1)
    cache.set("b", 2, ttl=2)
    cache.set("c", 3, ttl=3)
    assert len(cache) == 3, f"expected 3 live keys at t=0, got {len(cache)}"
    clock.now = 1.0
    assert len(cache) == 2, f"expected 2 live keys at t=1 (ttl 1 expired exactly now), got {len(cache)}"
    clock.now = 2.5
    assert len(cache) == 1, f"expected 1 live key at t=2.5, got {len(cache)}"
    clock.now = 3.0
    assert len(cache) == 0, f"expected 0 live keys at t=3, got {len(cache)}"


def test_len_drops_without_any_get():
    cache, clock = make(default_ttl=5.0, now=0.0)
    for i in range(10):
        cache.set(i, i)
    clock.now = 5.0
    assert len(cache) == 0, f"expected expired keys not to be counted even if never read, got {len(cache)}"


# Each step moves the clock between calls, so these are single round trips, not a batch: more time than most.
@pytest.mark.timeout(6)
@pytest.mark.parametrize("seed", [11, 12, 13, 14, 15])
def test_random_operations_match_a_simple_model(seed):
    rng = random.Random(seed)
    clock = FakeClock(float(rng.randrange(0, 1000)))
    default_ttl = rng.choice([1.0, 2.5, 4.0])
    cache = TTLCache(default_ttl, clock=clock)
    model = {}  # key -> (value, expiry)

    def live(key):
        return key in model and clock.now < model[key][1]

    for step in range(1500):
        key = rng.randrange(8)
        op = rng.random()
        where = f"seed {seed}, step {step}, t={clock.now}"
        if op < 0.35:
            ttl = rng.choice([None, 0.5, 1.0, 3.0])
            value = rng.randrange(100)
            cache.set(key, value, ttl=ttl)
            model[key] = (value, clock.now + (ttl if ttl is not None else default_ttl))
        elif op < 0.65:
            want = model[key][0] if live(key) else "absent"
            got = cache.get(key, "absent")
            assert got == want, f"{where}: get({key}) returned {got!r}, expected {want!r}"
        elif op < 0.8:
            want = live(key)
            model.pop(key, None)
            got = cache.delete(key)
            assert got is want, f"{where}: delete({key}) returned {got!r}, expected {want}"
        else:
            clock.now += rng.choice([0.0, 0.25, 0.5, 1.0, 2.5])
        want_len = sum(1 for k in model if live(k))
        assert len(cache) == want_len, f"{where}: len is {len(cache)}, expected {want_len} live keys"
