"""A batch's columns from the test side to the Python driver (no Docker): the calls they describe arrive intact,
and columns that disagree with each other are refused before any call runs."""

from __future__ import annotations

import json
import socket
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


class AttachingTestSide(TestSide):
    attachments = True  # what a driver's hello said


@pytest.mark.parametrize("calls", [
    [("put", (i, i * 2)) if i % 3 else ("get", (i,)) for i in range(500)],
    [("put", (i, -i)) for i in range(300)],
    [("get", (i,)) if i % 2 else ("get", (i, "default")) for i in range(200)],  # strings: the args stay JSON
    [("put", (i, True)) for i in range(100)],  # bools are not int64s: the args stay JSON, the columns attach
])
def test_with_attachments_the_same_calls_arrive_through_a_real_channel(
        calls: list[tuple[str, tuple[Any, ...]]]) -> None:
    ours, theirs = socket.socketpair()
    sender, reader = wire.Channel(ours), wire.Channel(theirs, attachments=True)
    message = {"op": "prepare", **drillkit_grader._columns(AttachingTestSide, calls)}
    attached = message.pop("_attached", [])
    sender.send(message, attached)
    received = reader.recv()
    results = list(python_driver.Driver(channel=None)._columns(received).bound(target := Recorder()).run())
    assert target.calls == calls
    assert results == list(range(1, len(calls) + 1))
    # == cannot tell True from 1: the types must survive too.
    assert [tuple(map(type, args)) for _, args in target.calls] == [tuple(map(type, args)) for _, args in calls]
    if all(type(a) is int and type(a) is not bool for _, args in calls for a in args):
        assert received["args"][0] == "attached", "a column of plain ints should cross as an attachment"


@pytest.mark.parametrize("args", [["attached", 1], ["attached", "0"], ["attached", -1]])
def test_a_column_naming_an_attachment_the_message_lacks_is_refused(args: list[Any]) -> None:
    with pytest.raises(wire.ProtocolError, match="attachment the message does not have"):
        driver_columns(names=["a"], count=1, arities=[1], args=args, attached=[b"\0" * 8])
