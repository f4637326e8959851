"""The wire protocol between the test process and a solution driver, as Python speaks it (see sandbox/protocol.md).

Both the trusted test process and the Python driver import this module; nothing in it trusts what it reads. A
message is one line of JSON (UTF-8, at most ``MAX_MESSAGE`` bytes). Values are plain JSON for None, bool, int and
str, and a tagged array for everything else, so that a driver in any language can speak it without Python.
"""

import base64
import builtins
import itertools
import json
import math
import select
import socket
import sys
import time
from array import array
from decimal import Decimal, InvalidOperation

PROTOCOL_VERSION = 1
MAX_MESSAGE = 32 * 1024 * 1024
MAX_DEPTH = 64
_READ_CHUNK = 1 << 16
# From this length a list of ints crosses as packed 64-bit integers: JSON costs a text conversion per number on
# both sides, which is most of the time a large batch takes to cross.
INTS_MIN = 64


MESSAGE_CAP = 2000


def cut(text, cap=MESSAGE_CAP):
    """``text`` at most ``cap`` characters long, saying how much was left out."""
    text = str(text)
    return text if len(text) <= cap else text[:cap] + f"... [{len(text) - cap} more characters]"


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message of this protocol."""


class Closed(ProtocolError):
    """The other side closed the channel (its process ended)."""


class Timeout(Exception):
    """No message arrived before the deadline."""


class Channel:
    """JSON lines over a stream socket, with a size cap and an optional deadline on every read.

    Requests and replies strictly alternate per direction of a call, so a reader never holds bytes of a message
    that belongs to another process (the Python driver forks while a channel is open).
    """

    def __init__(self, sock, max_message=MAX_MESSAGE, attachments=False):
        self.sock = sock
        self.max_message = max_message
        # Whether this side reads raw attachments after a message: only a driver that said so in its hello. The
        # test side never does, so nothing a solution sends is read as anything but one JSON line.
        self.attachments = attachments
        self._buffer = bytearray()

    def send(self, message, attached=()):
        """Send one message; ``attached`` byte strings follow its line raw (see "Attachments" in protocol.md)."""
        if attached:
            message["attached"] = [len(blob) for blob in attached]
        data = _dumps(message).encode("utf-8")
        try:
            self.sock.sendall(data + b"\n")
            for blob in attached:
                self.sock.sendall(blob)
        except OSError as exc:
            raise Closed(f"the channel is closed ({exc.strerror or exc})") from None

    def recv(self, deadline=None, side=None):
        """The next message. ``side`` (something with ``fileno()`` and ``drain()``) is drained while waiting,
        so the solution's printed output never fills its pipe while the tests wait for an answer."""
        searched = 0  # the buffer's bytes already known to hold no newline: a long message is scanned once
        while True:
            end = self._buffer.find(b"\n", searched)
            if end >= 0:
                line = bytes(self._buffer[:end])
                del self._buffer[: end + 1]
                message = _parse(line)
                if "attached" in message:
                    message["attached"] = self._attached(message["attached"], deadline, side)
                if side is not None:
                    side.drain()
                return message
            searched = len(self._buffer)
            if len(self._buffer) > self.max_message:
                raise ProtocolError(f"a message longer than {self.max_message} bytes")
            self._fill(deadline, side)

    def _attached(self, sizes, deadline, side):
        """The raw attachments announced by a message, read whole from the stream."""
        if not self.attachments:
            raise ProtocolError("a message with raw attachments, which this side does not read")
        if type(sizes) is not list or not all(type(n) is int and n >= 0 for n in sizes):
            raise ProtocolError("a malformed list of attachment sizes")
        total = sum(sizes)
        if total > self.max_message:
            raise ProtocolError("a malformed list of attachment sizes")
        while len(self._buffer) < total:
            self._fill(deadline, side)
        data = bytes(self._buffer[:total])
        del self._buffer[:total]
        offsets = list(itertools.accumulate(sizes, initial=0))
        return [data[start:stop] for start, stop in itertools.pairwise(offsets)]

    def _fill(self, deadline, side):
        """Read more of the stream into the buffer, draining ``side`` and keeping the deadline while waiting."""
        if deadline is not None or side is not None:
            watched = [self.sock] if side is None or side.eof else [self.sock, side]
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise Timeout()
            ready, _, _ = select.select(watched, [], [], left)
            if not ready:
                raise Timeout()
            if side is not None and side in ready:
                side.drain()
            if self.sock not in ready:
                return
        try:
            # Reads grow with the message, so a large one costs a few system calls, not one per 64 KB.
            chunk = self.sock.recv(max(_READ_CHUNK, min(len(self._buffer), self.max_message)))
        except OSError as exc:
            raise Closed(f"the channel is closed ({exc.strerror or exc})") from None
        if not chunk:
            raise Closed("the other side closed the channel")
        self._buffer += chunk

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# One encoder for every message: json.dumps with options would build a new one per call.
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode
_loads = json.JSONDecoder().decode


def _parse(line):
    try:
        message = _loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError(f"a message that is not JSON ({type(exc).__name__})") from None
    if not isinstance(message, dict):
        raise ProtocolError("a message that is not a JSON object")
    return message


def channel_from_fd(fd, attachments=False):
    return Channel(socket.socket(fileno=fd), attachments=attachments)


# --- values ---------------------------------------------------------------------------------------------------


def encode(value, other):
    """``value`` as wire data; ``other(value)`` encodes whatever is not plain data (a handle or a reference).

    Subclasses of the builtin types cross as the builtin (a dict subclass as a dict, an int subclass as an int):
    what arrives is always plain data, whatever methods the original overrode.
    """
    kind = type(value)
    if value is None or kind is bool or kind is str or kind is int:
        return value
    if kind is float:
        return ["float", value if math.isfinite(value) else repr(value)]
    if kind is list or kind is tuple:
        if kind is list and len(value) >= INTS_MIN and type(value[0]) is int:
            packed = _ints(value)
            if packed is not None:
                return packed
        if kind is list and value and type(value[0]) is tuple:
            rows = _rows(value)
            if rows is not None:
                return rows
        # Strings and ints are most of every large payload: they skip the recursive call.
        return ["list" if kind is list else "tuple",
                [item if type(item) is str or type(item) is int else encode(item, other) for item in value]]
    if kind is dict:
        return ["dict", [[encode(k, other), encode(v, other)] for k, v in value.items()]]
    if kind is set or kind is frozenset:
        return [kind.__name__, [encode(item, other) for item in value]]
    if kind is bytes:
        return ["bytes", base64.b64encode(value).decode("ascii")]
    if isinstance(value, Decimal):
        return ["decimal", Decimal.__str__(value)]
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, float):
        return encode(float.__float__(value), other)
    if isinstance(value, dict):
        return ["dict", [[encode(k, other), encode(v, other)] for k, v in dict.items(value)]]
    if isinstance(value, (list, tuple)):
        return ["list" if isinstance(value, list) else "tuple", [encode(item, other) for item in value]]
    if isinstance(value, (set, frozenset)):
        return ["frozenset" if isinstance(value, frozenset) else "set", [encode(item, other) for item in value]]
    if isinstance(value, (bytes, bytearray)):
        return ["bytes", base64.b64encode(bytes(value)).decode("ascii")]
    return other(value)


_PLAIN = frozenset((str, int, bool, type(None)))


def _rows(value):
    """A list of equally long tuples of plain values (a sorted run, a table) as one flat array: ``["rows",
    width, [a1, b1, a2, b2, ...]]``, so a large input costs no per-tuple work on either side."""
    width = len(value[0])
    if not 0 < width <= 64 or not all(type(row) is tuple and len(row) == width for row in value):
        return None
    flat = list(itertools.chain.from_iterable(value))
    if not all(type(item) in _PLAIN for item in flat):
        return None
    return ["rows", width, flat]


def _ints(value):
    """A long list of ints as ``["ints", "<base64 of little-endian int64s>"]``, or None when one is not an int
    (a bool, a subclass) or does not fit in 64 bits."""
    raw = pack_int64(value)
    return None if raw is None else ["ints", base64.b64encode(raw).decode("ascii")]


def pack_int64(values):
    """A list of ints as raw little-endian int64 bytes (an attachment), or None when one is not a plain int (a
    bool, a subclass) or does not fit in 64 bits."""
    if set(map(type, values)) != {int}:
        return None
    try:
        packed = array("q", values)
    except OverflowError:
        return None
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def unpack_int64(raw, what="an int64 attachment"):
    if len(raw) % 8:
        raise ProtocolError(f"{what} whose length is not a multiple of 8 bytes")
    packed = array("q")
    packed.frombytes(raw)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tolist()


def _unpack_ints(body):
    if type(body) is not str:
        raise ProtocolError("an 'ints' value that is not a base64 string")
    return unpack_int64(base64.b64decode(body, validate=True), "an 'ints' value")


_FLOATS = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


def decode(data, resolve, depth=0):
    """Wire data as a value; ``resolve(tag, items)`` turns an ``obj``/``ref`` tag into the local object."""
    if data is None or data is True or data is False or type(data) is str:
        return data
    if type(data) is int:
        return data
    if type(data) is float:  # tolerated from drivers whose JSON writer cannot tag floats
        return data
    if depth > MAX_DEPTH:
        raise ProtocolError(f"a value nested deeper than {MAX_DEPTH} levels")
    if type(data) is not list or not data or type(data[0]) is not str:
        raise ProtocolError("a value that is neither plain JSON nor a tagged array")
    tag = data[0]
    if len(data) < 2:
        raise ProtocolError(f"a '{tag}' value without its content")
    body = data[1]
    try:
        if tag in ("list", "tuple", "set", "frozenset"):
            if type(body) is not list:
                raise ProtocolError(f"a '{tag}' whose items are not an array")
            items = [item if type(item) is str or type(item) is int else decode(item, resolve, depth + 1)
                     for item in body]
            return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        if tag == "ints":
            return _unpack_ints(body)
        if tag == "rows":
            flat = data[2] if len(data) == 3 else None
            if type(body) is not int or not 0 < body <= 64 or type(flat) is not list or len(flat) % body:
                raise ProtocolError("a malformed 'rows' value")
            if not all(type(item) in _PLAIN for item in flat):
                raise ProtocolError("a 'rows' value with items that are not plain")
            return list(zip(*[iter(flat)] * body, strict=True))
        if tag == "dict":
            if type(body) is not list:
                raise ProtocolError("a 'dict' whose items are not an array")
            result = {}
            for pair in body:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolError("a 'dict' item that is not a [key, value] pair")
                result[decode(pair[0], resolve, depth + 1)] = decode(pair[1], resolve, depth + 1)
            return result
        if tag == "float":
            if type(body) in (int, float):
                return float(body)
            if body in _FLOATS:
                return _FLOATS[body]
            raise ProtocolError("a 'float' that is not a number")
        if tag == "decimal":
            if type(body) is not str or len(body) > 4096:
                raise ProtocolError("a 'decimal' that is not a short string")
            return Decimal(body)
        if tag == "bytes":
            if type(body) is not str:
                raise ProtocolError("a 'bytes' that is not a base64 string")
            return base64.b64decode(body, validate=True)
        if tag in ("obj", "ref"):
            return resolve(tag, data)
    except TypeError as exc:  # an unhashable set item or dict key
        raise ProtocolError(f"a '{tag}' with an unusable item ({exc})") from None
    except (InvalidOperation, ValueError) as exc:
        raise ProtocolError(f"a malformed '{tag}' ({type(exc).__name__})") from None
    raise ProtocolError(f"an unknown value tag '{tag[:40]}'")


def has_mutable(value):
    """Whether a decoded argument holds a container a callee could change in place."""
    kind = type(value)
    if kind in (list, dict, set):
        return True
    if kind is tuple:
        return any(has_mutable(item) for item in value)
    return False


# The builtin exception types that cross by name; anything else crosses as its nearest builtin ancestor.
EXCEPTIONS = {
    name: obj for name, obj in vars(builtins).items() if isinstance(obj, type) and issubclass(obj, BaseException)
}


def builtin_bases(cls):
    """The builtin exception classes in ``cls``'s method resolution order, nearest first."""
    return [base.__name__ for base in cls.__mro__ if EXCEPTIONS.get(base.__name__) is base]
