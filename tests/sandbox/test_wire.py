"""The wire protocol's codec and framing, on hand-made messages (no Docker): what crosses, and what is refused."""

from __future__ import annotations

import json
import socket
import sys
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "sandbox" / "images" / "python"))
import wire


def handle(value: Any) -> list[Any]:
    return ["ref", id(value)]


def resolve(tag: str, data: list[Any]) -> Any:
    return (tag, data[1])


def roundtrip(value: Any) -> Any:
    return wire.decode(json.loads(json.dumps(wire.encode(value, handle))), resolve)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 2**80, "", "naïve 東京", 1.5, -0.0, b"\x00\xff", Decimal("1.50"), [1, [2, "x"]],
    (1, (2,)), {"a": 1, (1, 2): [3], 4: None}, {1, 2}, frozenset({"x"}), [(f"k{i}", str(i)) for i in range(5)],
    [("k", None), ("j", True)], [],
])
def test_plain_values_cross_unchanged_with_their_types(value: Any) -> None:
    back = roundtrip(value)
    assert back == value
    assert type(back) is type(value)
    if isinstance(value, list) and value and isinstance(value[0], tuple):
        assert all(type(item) is tuple for item in back)


def test_special_floats_cross() -> None:
    back = roundtrip([float("inf"), float("-inf"), float("nan")])
    assert back[0] == float("inf") and back[1] == float("-inf") and back[2] != back[2]


def test_subclasses_of_builtins_cross_as_the_builtin_not_as_themselves() -> None:
    class Always(int):
        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = int.__hash__

    class Odd(dict):  # type: ignore[type-arg]
        def items(self):  # type: ignore[no-untyped-def]
            return [("forged", 1)]

    back = roundtrip([Always(3), Odd(real=2)])
    assert type(back[0]) is int and back[0] == 3 and back[0] != 4
    assert back[1] == {"real": 2} and type(back[1]) is dict


def test_long_lists_of_64_bit_ints_cross_packed_and_come_back_as_the_same_list() -> None:
    numbers = [0, -1, 2**63 - 1, -(2**63), *range(-100, 100)]
    packed = wire.encode(numbers, handle)
    assert packed[0] == "ints"
    back = roundtrip(numbers)
    assert back == numbers and type(back) is list and all(type(n) is int for n in back)


@pytest.mark.parametrize("odd_one", [True, 2**63, -(2**63) - 1, 1.0, None])
def test_a_list_with_one_item_that_is_not_a_64_bit_int_keeps_every_type(odd_one: Any) -> None:
    numbers = [*range(100), odd_one]
    assert wire.encode(numbers, handle)[0] == "list"
    back = roundtrip(numbers)
    assert back == numbers and type(back[-1]) is type(odd_one)


def test_short_lists_of_ints_stay_readable_json() -> None:
    assert wire.encode([1, 2, 3], handle) == ["list", [1, 2, 3]]


def test_objects_that_are_not_data_cross_through_the_handle_callback() -> None:
    thing = object()
    assert roundtrip([thing]) == [("ref", id(thing))]


@pytest.mark.parametrize("data", [
    {"a": 1}, ["nope", 1], [], [1, 2], ["list"], ["list", "not-a-list"], ["dict", [[1]]], ["dict", [[[1], 2]]],
    ["set", [["list", [1]]]], ["float", "fast"], ["decimal", "x1"], ["decimal", "1" * 5000], ["bytes", "!!!"],
    ["rows", 2, [1, 2, 3]], ["rows", 0, []], ["rows", 2, [1, ["list", []]]], ["rows", 2],
    ["ints", 5], ["ints", "AAAA"], ["ints", "not base64!"], ["ints"],
])
def test_malformed_values_are_protocol_errors(data: Any) -> None:
    with pytest.raises(wire.ProtocolError):
        wire.decode(data, resolve)


def test_nesting_deeper_than_the_limit_is_refused() -> None:
    data: Any = 1
    for _ in range(wire.MAX_DEPTH + 5):
        data = ["list", [data]]
    with pytest.raises(wire.ProtocolError, match="nested deeper"):
        wire.decode(data, resolve)


def pair(max_message: int = wire.MAX_MESSAGE) -> tuple[wire.Channel, socket.socket]:
    ours, theirs = socket.socketpair()
    return wire.Channel(ours, max_message), theirs


def test_a_message_longer_than_the_cap_is_refused_without_waiting_for_its_end() -> None:
    channel, theirs = pair(max_message=1000)
    writer = threading.Thread(target=lambda: theirs.sendall(b"x" * 200_000))
    writer.start()
    with pytest.raises(wire.ProtocolError, match="longer than"):
        channel.recv(deadline=None)
    theirs.close()
    writer.join()


@pytest.mark.parametrize("line", [b"not json\n", b"[1, 2]\n", b"\xff\xfe\n", b"[" * 100_000 + b"\n"])
def test_a_line_that_is_not_a_json_object_is_refused(line: bytes) -> None:
    channel, theirs = pair()
    theirs.sendall(line)
    with pytest.raises(wire.ProtocolError):
        channel.recv()


def test_a_closed_channel_and_a_missed_deadline_are_told_apart() -> None:
    import time

    channel, theirs = pair()
    with pytest.raises(wire.Timeout):
        channel.recv(deadline=time.monotonic() + 0.05)
    theirs.close()
    with pytest.raises(wire.Closed):
        channel.recv(deadline=time.monotonic() + 1)


def test_a_message_of_several_megabytes_arrives_whole_after_many_partial_reads() -> None:
    channel, theirs = pair()
    big = {"id": 1, "ok": "y" * 5_000_000}
    writer = threading.Thread(target=lambda: theirs.sendall(json.dumps(big).encode() + b"\n" + b'{"id": 2}\n'))
    writer.start()
    assert channel.recv() == big
    assert channel.recv() == {"id": 2}
    writer.join()


def test_messages_arrive_whole_and_in_order_whatever_the_chunking() -> None:
    channel, theirs = pair()
    payload = b"".join(json.dumps({"id": i, "ok": "x" * i}).encode() + b"\n" for i in range(200))

    def write() -> None:
        for start in range(0, len(payload), 7):
            theirs.sendall(payload[start:start + 7])

    writer = threading.Thread(target=write)
    writer.start()
    assert [channel.recv()["id"] for _ in range(200)] == list(range(200))
    writer.join()


# --- attachments ---------------------------------------------------------------------------------------------


def attachment_pair(reads_attachments: bool) -> tuple[wire.Channel, wire.Channel]:
    ours, theirs = socket.socketpair()
    return wire.Channel(ours), wire.Channel(theirs, attachments=reads_attachments)


def test_attachments_arrive_whole_and_in_order_after_their_message_and_the_next_message_follows() -> None:
    sender, reader = attachment_pair(reads_attachments=True)
    big = bytes(range(256)) * 4096  # larger than one read, so it arrives over several
    writer = threading.Thread(target=lambda: (sender.send({"op": "x", "id": 1}, [big, b"", b"tail"]),
                                              sender.send({"op": "y", "id": 2})))
    writer.start()
    first = reader.recv()
    second = reader.recv()
    writer.join()
    assert first["attached"] == [big, b"", b"tail"] and first["op"] == "x"
    assert second == {"op": "y", "id": 2}


def test_a_side_that_does_not_read_attachments_refuses_a_message_announcing_them() -> None:
    sender, reader = attachment_pair(reads_attachments=False)
    sender.send({"re": 1, "ok": None}, [b"12345678"])
    with pytest.raises(wire.ProtocolError, match="does not read"):
        reader.recv()


@pytest.mark.parametrize("sizes", [[-1], ["8"], 8, [wire.MAX_MESSAGE + 1]])
def test_malformed_attachment_sizes_are_refused(sizes: Any) -> None:
    ours, theirs = socket.socketpair()
    reader = wire.Channel(theirs, attachments=True)
    ours.sendall(json.dumps({"op": "x", "attached": sizes}).encode() + b"\n")
    with pytest.raises(wire.ProtocolError, match="attachment sizes"):
        reader.recv()


def test_a_stream_that_ends_inside_an_attachment_is_a_closed_channel() -> None:
    ours, theirs = socket.socketpair()
    reader = wire.Channel(theirs, attachments=True)
    ours.sendall(json.dumps({"op": "x", "attached": [16]}).encode() + b"\n" + b"only8byt")
    ours.close()
    with pytest.raises(wire.Closed):
        reader.recv()


def test_int64_attachments_round_trip_and_refuse_what_is_not_a_plain_int() -> None:
    values = [0, -1, 2**63 - 1, -(2**63), *range(100)]
    raw = wire.pack_int64(values)
    assert raw is not None and len(raw) == 8 * len(values)
    assert wire.unpack_int64(raw) == values
    assert wire.pack_int64([1, True, 2]) is None and wire.pack_int64([1, 2**64]) is None
    with pytest.raises(wire.ProtocolError, match="multiple of 8"):
        wire.unpack_int64(b"1234567")
