"""A batch's columns from the test side to the Python driver (no Docker): the calls they describe arrive intact,
and columns that disagree with each other are refused before any call runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

IMAGE = Path(__file__).resolve().parents[2] / "sandbox" / "images" / "python"
sys.path.insert(0, str(IMAGE))
sys.path.insert(0, str(IMAGE / "driver"))
sys.path.insert(0, str(IMAGE / "testside"))
import drillkit_grader  # noqa: E402 - these live in the runner image, not in a package
import python_driver  # noqa: E402
import wire  # noqa: E402


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args: self.calls.append((name, args)) or len(self.calls)


class TestSide:
    @staticmethod
    def encode(value: Any) -> Any:
        return wire.encode(value, lambda other: ["ref", id(other)])


def run_on_driver(calls: list[tuple[str, tuple[Any, ...]]]) -> tuple[list[Any], Recorder]:
    message = json.loads(json.dumps(drillkit_grader._columns(TestSide, calls)))
    driver = python_driver.Driver(channel=None)
    target = Recorder()
    results = list(driver._columns(message).bound(target).run())
    return results, target


@pytest.mark.parametrize("calls", [
    [("put", (i, i * 2)) if i % 3 else ("get", (i,)) for i in range(500)],  # arity by method, packed columns
    [("put", (i, -i)) for i in range(300)],  # one method: no per-call columns at all
    [("get", (i,)) if i % 2 else ("get", (i, "default")) for i in range(200)],  # one method, two arities
    [("clear", ())] + [("add", ("x", True, None))] * 3,  # short: plain JSON columns
    [],
])
def test_the_driver_makes_exactly_the_calls_the_tests_listed(calls: list[tuple[str, tuple[Any, ...]]]) -> None:
    results, target = run_on_driver(calls)
    assert target.calls == calls
    assert results == list(range(1, len(calls) + 1))


def driver_columns(**fields: Any) -> python_driver.PreparedCalls:
    driver = python_driver.Driver(channel=None)
    return driver._columns({"op": "prepare", **fields})


@pytest.mark.parametrize(("fields", "complaint"), [
    ({"names": ["a", "b"], "count": 2, "which": ["list", [0, 2]], "arities": [0, 0], "args": ["list", []]}, "does not name"),
    ({"names": ["a", "b"], "count": 2, "which": ["list", [0, -1]], "arities": [0, 0], "args": ["list", []]}, "does not name"),
    ({"names": ["a", "b"], "count": 2, "which": ["list", [0, True]], "arities": [0, 0], "args": ["list", []]},
     "not a list of integers"),
    ({"names": ["a", "b"], "count": 3, "which": ["list", [0, 1]], "arities": [0, 0], "args": ["list", []]}, "disagree"),
    ({"names": ["a"], "count": 2, "arity": ["list", [1, 1]], "args": ["list", [1]]}, "disagree"),
    ({"names": ["a"], "count": 1, "arity": ["list", [-1]], "args": ["list", []]}, "negative"),
    ({"names": ["a"], "count": 2, "arities": [2], "args": ["list", [1, 2, 3]]}, "disagree"),
    ({"names": ["a"], "count": 1, "args": ["list", []]}, "argument count"),
    ({"names": ["a", "b"], "count": 2, "which": [0, 1], "arities": [0, 0], "args": ["list", []]}, "neither"),
    ({"names": ["a"], "count": "1", "arities": [0], "args": ["list", []]}, "count"),
])
def test_columns_that_disagree_are_refused(fields: dict[str, Any], complaint: str) -> None:
    with pytest.raises(wire.ProtocolError, match=complaint):
        driver_columns(**fields)
