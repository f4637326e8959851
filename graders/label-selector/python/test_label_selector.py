"""Grader for the label-selector exercise."""
import random

import pytest

from solution import matches


def check(selector, labels, expected):
    got = matches(selector, dict(labels))
    assert got == expected and isinstance(got, bool), (
        f"expected matches({selector!r}, {labels!r}) to be {expected}, got {got!r}")


# ---------------------------------------------------------------- empty selectors

@pytest.mark.parametrize("selector", ["", " ", "   ", "\t "])
@pytest.mark.parametrize("labels", [{}, {"app": "web"}])
def test_empty_or_blank_selector_matches_everything(selector, labels):
    check(selector, labels, True)


# ---------------------------------------------------------------- single requirements

@pytest.mark.parametrize("selector", ["app=web", "app==web"])
def test_equality_requires_the_key_with_that_value(selector):
    check(selector, {"app": "web"}, True)
    check(selector, {"app": "web", "tier": "db"}, True)
    check(selector, {"app": "db"}, False)
    check(selector, {}, False)
    check(selector, {"web": "app"}, False)


def test_inequality_holds_for_other_values_and_for_an_absent_key():
    check("app!=web", {"app": "db"}, True)
    check("app!=web", {}, True)
    check("app!=web", {"tier": "web"}, True)
    check("app!=web", {"app": "web"}, False)


def test_in_requires_the_key_with_one_of_the_values():
    check("tier in (frontend,backend)", {"tier": "frontend"}, True)
    check("tier in (frontend,backend)", {"tier": "backend"}, True)
    check("tier in (frontend,backend)", {"tier": "cache"}, False)
    check("tier in (frontend,backend)", {}, False)
    check("tier in (frontend)", {"tier": "frontend"}, True)


def test_notin_holds_for_other_values_and_for_an_absent_key():
    check("tier notin (frontend,backend)", {"tier": "cache"}, True)
    check("tier notin (frontend,backend)", {}, True)
    check("tier notin (frontend,backend)", {"tier": "frontend"}, False)
    check("tier notin (frontend,backend)", {"tier": "backend"}, False)


def test_bare_key_requires_the_key_to_exist():
    check("canary", {"canary": "true"}, True)
    check("canary", {"canary": "false"}, True)
    check("canary", {}, False)
    check("canary", {"app": "canary"}, False)


def test_negated_key_requires_the_key_to_be_absent():
    check("!canary", {}, True)
    check("!canary", {"app": "canary"}, True)
    check("!canary", {"canary": "true"}, False)


# ---------------------------------------------------------------- combinations and spelling

def test_every_requirement_must_hold():
    selector = "app=web,tier!=db,env in (prod,staging),owner,!canary"
    good = {"app": "web", "tier": "frontend", "env": "prod", "owner": "team-a"}
    check(selector, good, True)
    check(selector, {**good, "canary": "yes"}, False)
    check(selector, {**good, "env": "dev"}, False)
    check(selector, {**good, "tier": "db"}, False)
    check(selector, {k: v for k, v in good.items() if k != "owner"}, False)
    check(selector, {**good, "app": "api"}, False)


def test_several_requirements_on_the_same_key():
    check("env!=dev,env!=test", {"env": "prod"}, True)
    check("env!=dev,env!=test", {"env": "test"}, False)
    check("env,env in (a,b),env notin (b)", {"env": "a"}, True)
    check("env,env in (a,b),env notin (b)", {"env": "b"}, False)


def test_whitespace_around_tokens_is_allowed():
    labels = {"app": "web", "tier": "b", "env": "prod"}
    check("  app = web  ,  tier in ( a , b )  ,  env notin ( dev , test ) , !canary , env  ", labels, True)
    check(" app == web , app != db ", labels, True)
    check(" tier in ( a , c ) ", labels, False)
    check("env   notin   (   prod   )", labels, False)


def test_prefixed_keys_and_punctuated_values():
    labels = {"app.kubernetes.io/name": "web-frontend", "example.com/team": "data_eng", "version": "v1.2.3-rc.1"}
    check("app.kubernetes.io/name=web-frontend", labels, True)
    check("example.com/team in (data_eng, platform)", labels, True)
    check("version notin (v1.2.3, v1.2.3-rc.2)", labels, True)
    check("version=v1.2.3", labels, False)
    check("!example.com/team", labels, False)
    check("app.kubernetes.io/name", labels, True)


def test_names_containing_in_and_notin_are_ordinary_names():
    labels = {"domain": "internal", "os": "linux", "ingress": "nginx", "tint": "tin"}
    check("domain=internal", labels, True)
    check("os in (linux, windows)", labels, True)
    check("os notin (windows, plan9)", labels, True)
    check("ingress,!inside", labels, True)
    check("tint notin (tin)", labels, False)
    check("domain!=internal", labels, False)
    check("notinuse", labels, False)


# ---------------------------------------------------------------- malformed selectors

MALFORMED = [
    # unbalanced or missing parentheses
    "tier in (a,b",
    "tier in a,b)",
    "tier in (a))",
    "tier notin (a",
    "tier in a",
    "tier notin a,b",
    "app=web,tier in (a",
    # missing key
    "=web",
    "==web",
    "!=web",
    "!",
    "in (a,b)",
    "app=web,=db",
    # missing operator
    "app web",
    "tier frontend,app=web",
    # more than one operator
    "a=b=c",
    "a==b==c",
    # empty requirement between commas
    "a=b,,c=d",
    "a=b, ,c=d",
    "app,,tier",
]


@pytest.mark.parametrize("selector", MALFORMED)
def test_malformed_selector_raises_value_error(selector):
    with pytest.raises(ValueError):
        matches(selector, {})


@pytest.mark.parametrize("selector", MALFORMED)
def test_malformed_selector_raises_value_error_whatever_the_labels(selector):
    labels = {"app": "web", "tier": "a", "a": "b", "c": "d", "web": "x"}
    with pytest.raises(ValueError):
        matches(selector, labels)


@pytest.mark.parametrize("selector", [
    "app=web,,tier=db",
    "missing,tier in (a",
    "app=nope,a=b=c",
    "!app,app web",
])
def test_malformed_selector_raises_even_when_an_earlier_requirement_already_fails(selector):
    with pytest.raises(ValueError):
        matches(selector, {"app": "web"})


# ---------------------------------------------------------------- random selectors against a model

KEYS = ["app", "tier", "env", "domain", "os", "ingress", "tint", "notinuse", "in-house",
        "app.kubernetes.io/name", "example.com/team", "k8s.io/x_y"]
VALUES = ["web", "db", "linux", "windows", "internal", "v1.2.3", "rc_1", "a-b", "x", "inside", "tin", "Prod"]


def sp(rng):
    return rng.choice(["", "", "", " ", "  "])


def random_requirement(rng):
    key = rng.choice(KEYS)
    kind = rng.choice(["=", "==", "!=", "in", "notin", "exists", "!"])
    if kind in ("=", "==", "!="):
        value = rng.choice(VALUES)
        return (kind, key, value), f"{sp(rng)}{key}{sp(rng)}{kind}{sp(rng)}{value}{sp(rng)}"
    if kind in ("in", "notin"):
        values = rng.sample(VALUES, rng.randint(1, 3))
        inner = ",".join(f"{sp(rng)}{v}{sp(rng)}" for v in values)
        return (kind, key, set(values)), f"{sp(rng)}{key} {sp(rng)}{kind} {sp(rng)}({inner}){sp(rng)}"
    if kind == "exists":
        return (kind, key, None), f"{sp(rng)}{key}{sp(rng)}"
    return (kind, key, None), f"{sp(rng)}!{key}{sp(rng)}"


def model(requirements, labels):
    for kind, key, arg in requirements:
        value = labels.get(key)
        ok = {
            "=": value == arg,
            "==": value == arg,
            "!=": value != arg,
            "in": key in labels and value in (arg or ()),
            "notin": key not in labels or value not in (arg or ()),
            "exists": key in labels,
            "!": key not in labels,
        }[kind]
        if not ok:
            return False
    return True


@pytest.mark.parametrize("seed", range(40))
def test_random_selectors_match_a_model(seed):
    rng = random.Random(seed)
    for _ in range(25):
        parts = [random_requirement(rng) for _ in range(rng.randint(1, 4))]
        requirements = [p[0] for p in parts]
        selector = ",".join(p[1] for p in parts)
        labels = {k: rng.choice(VALUES) for k in rng.sample(KEYS, rng.randint(0, 6))}
        for kind, key, arg in requirements:  # bias towards labels that satisfy some requirements
            if rng.random() < 0.5:
                if kind in ("=", "==") or (kind in ("in",) and arg):
                    labels[key] = arg if isinstance(arg, str) else sorted(arg)[0]
                elif kind in ("!", "notin", "!="):
                    labels.pop(key, None)
                elif kind == "exists":
                    labels[key] = rng.choice(VALUES)
        check(selector, labels, model(requirements, labels))
