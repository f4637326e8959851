"""The Python driver: runs in the solution process, loads the submission and answers the test process's calls.

Everything here is on the untrusted side of the boundary: the submission runs in this process and may change any
of it. The test process therefore believes nothing this driver says beyond the values it returns, and checks
every message it sends. See sandbox/protocol.md for the messages.

Fresh module state per test: after loading the submission once, the driver forks a child for every test session
(``reset``); the child answers that test's calls and exits at ``end``, so a test sees the module as it was right
after import, whatever an earlier test did to it.
"""

import gc
import importlib
import inspect
import itertools
import os
import sys
import traceback

# wire.py sits one folder up (/opt/drillkit in the runner image).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import wire

SUBMISSION_DIR = "/tmp/submission"
SESSION_ENDED = 86  # a session child's exit code after `end`; any other means it died
INTERESTING_DUNDERS = ("__len__", "__contains__", "__iter__", "__getitem__", "__setitem__", "__delitem__",
                       "__call__", "__bool__")



class TestObject:
    """An object of the test process (an injected clock, a wrapped function, a sentinel): calls go back to it."""

    __slots__ = ("_driver", "_ref")

    def __init__(self, driver, ref):
        self._driver = driver
        self._ref = ref

    def __call__(self, *args, **kwargs):
        return self._driver.request({"op": "call", "target": ["ref", self._ref],
                                     "args": [self._driver.encode(a) for a in args],
                                     "kwargs": {k: self._driver.encode(v) for k, v in kwargs.items()}})

    def __repr__(self):
        return f"<test object {self._ref}>"

    def __eq__(self, other):
        return isinstance(other, TestObject) and other._ref == self._ref

    def __hash__(self):
        return hash(("test-object", self._ref))


_remote_exception_classes = {}


def _remote_exception(spec):
    """An exception raised by test code, as a local exception that remembers where it came from."""
    base = wire.EXCEPTIONS.get(str(spec.get("type")), Exception)
    if not issubclass(base, Exception):
        base = Exception
    cls = _remote_exception_classes.get(base)
    if cls is None:
        cls = type(base.__name__, (base,), {"__module__": "builtins"})
        _remote_exception_classes[base] = cls
    exc = cls(str(spec.get("message", "")))
    exc._drillkit_ref = spec.get("ref")
    return exc


class PreparedCalls:
    """A batch's calls in columns, kept in the solution process between ``prepare`` and ``batch``."""

    __slots__ = ("args", "arity", "count", "names", "uniform", "which")

    def __init__(self, names, which, arity, args, uniform=None, count=None):
        self.names = names
        self.which = which
        self.arity = arity
        self.args = args
        self.uniform = uniform  # one method, always this many arguments: no per-call columns at all
        self.count = count

    def bound(self, target):
        return PreparedCalls([getattr(target, name) for name in self.names], self.which, self.arity, self.args,
                             self.uniform, self.count)

    def run(self):
        """Each call's result in turn; ``names`` are callables here (bound to the batch's target)."""
        if self.uniform is None:
            return self._each()
        fn = self.names[0]
        if self.uniform == 0:
            return (fn() for _ in range(self.count))
        if self.uniform == 1:
            return map(fn, self.args)
        return itertools.starmap(fn, zip(*[iter(self.args)] * self.uniform, strict=True))

    def _each(self):
        fns = self.names
        args = self.args
        position = 0
        for index, count in zip(self.which, self.arity, strict=True):
            if count == 1:
                yield fns[index](args[position])
            elif count == 2:
                yield fns[index](args[position], args[position + 1])
            else:
                yield fns[index](*args[position:position + count])
            position += count


class Driver:
    def __init__(self, channel):
        self.channel = channel
        self.module = None
        self.objects = {}
        self.ids = {}
        self.next_id = 1
        self.next_request = 1
        self.described = set()

    # --- values ---------------------------------------------------------------------------------------------

    def encode(self, value):
        return wire.encode(value, self._handle)

    def _handle(self, value):
        if isinstance(value, TestObject):
            return ["ref", value._ref]
        key = id(value)
        handle = self.ids.get(key)
        if handle is None:
            handle = self.next_id
            self.next_id += 1
            self.ids[key] = handle
            self.objects[handle] = value
        cls = type(value)
        class_key = f"{cls.__module__}.{cls.__qualname__}"
        if class_key in self.described:
            return ["obj", handle, class_key]
        self.described.add(class_key)
        return ["obj", handle, class_key, describe_class(cls)]

    def _resolve(self, tag, data):
        if tag == "ref":
            return TestObject(self, data[1])
        handle = data[1]
        if handle not in self.objects:
            raise wire.ProtocolError(f"no object {handle} in this solution process")
        return self.objects[handle]

    def decode(self, data):
        return wire.decode(data, self._resolve)

    def target(self, spec):
        if type(spec) is not list or len(spec) < 2:
            raise wire.ProtocolError("a malformed target")
        if spec[0] == "name":
            return getattr(self.module, str(spec[1]))
        if spec[0] == "module":
            return self.module
        return self._resolve(spec[0], spec)

    def encode_exception(self, exc):
        ref = getattr(exc, "_drillkit_ref", None)
        if ref is not None and type(exc) in _remote_exception_classes.values():
            return {"ref": ref}
        cls = type(exc)
        bases = wire.builtin_bases(cls)
        own = None if wire.EXCEPTIONS.get(cls.__name__) is cls else cls.__name__
        try:
            message = str(exc)
        except Exception:  # a __str__ that raises is the submission's problem, not the protocol's
            message = f"<unprintable {cls.__name__}>"
        return {"type": bases[0] if bases else "Exception", "class": own, "bases": bases,
                "message": wire.cut(message)}

    # --- requests -------------------------------------------------------------------------------------------

    def request(self, message):
        """Ask the test process something (a callback) and serve its nested requests until the answer comes."""
        request_id = self.next_request
        self.next_request += 1
        message["id"] = request_id
        self.channel.send(message)
        while True:
            incoming = self.channel.recv()
            if incoming.get("re") == request_id:
                if "raise" in incoming:
                    raise _remote_exception(incoming["raise"] or {})
                return self.decode(incoming.get("ok"))
            if "op" in incoming:
                self.channel.send(self.serve(incoming))
            else:
                raise wire.ProtocolError("an answer to a question that was not asked")

    def serve(self, message):
        reply = {"re": message.get("id")}
        try:
            op = message.get("op")
            handler = getattr(self, f"op_{op}", None) if isinstance(op, str) else None
            if handler is None:
                raise wire.ProtocolError(f"unknown operation {str(op)[:40]!r}")
            handler(message, reply)
        except wire.ProtocolError:
            raise
        except BaseException as exc:  # everything the submission raises is an answer, even SystemExit
            reply.pop("ok", None)
            reply["raise"] = self.encode_exception(exc)
        _flush()  # what the call printed reaches the output pipe before its answer, so it is this test's
        return reply

    def _call(self, fn, message, reply):
        raw_args = message.get("args") or []
        raw_kwargs = message.get("kwargs") or {}
        args = [self.decode(a) for a in raw_args]
        kwargs = {str(k): self.decode(v) for k, v in raw_kwargs.items()}
        try:
            reply["ok"] = self.encode(fn(*args, **kwargs))
        finally:
            # Arguments cross by value; a callee that changed one in place says so, so tests can tell.
            changed = []
            for key, value, raw in [*zip(range(len(args)), args, raw_args, strict=True),
                                    *((k, v, raw_kwargs[k]) for k, v in kwargs.items())]:
                if wire.has_mutable(value):
                    now = self.encode(value)
                    if now != raw:
                        changed.append([key, now])
            if changed:
                reply["mutated"] = changed

    def op_call(self, message, reply):
        self._call(self.target(message.get("target")), message, reply)

    def op_method(self, message, reply):
        self._call(getattr(self.target(message.get("target")), str(message.get("name"))), message, reply)

    def op_getattr(self, message, reply):
        reply["ok"] = self.encode(getattr(self.target(message.get("target")), str(message.get("name"))))

    def op_setattr(self, message, reply):
        setattr(self.target(message.get("target")), str(message.get("name")), self.decode(message.get("value")))
        reply["ok"] = None

    def op_iter(self, message, reply):
        reply["ok"] = self.encode(list(self.target(message.get("target"))))

    def op_describe(self, message, reply):
        obj = self.target(message.get("target"))
        if inspect.isclass(obj):
            description = {"kind": "class", **describe_class(obj)}
        elif callable(obj):
            description = {"kind": "function", "name": getattr(obj, "__name__", "function")}
        else:
            description = {"kind": "value", "value": obj}
        reply["ok"] = self.encode(description)

    def _columns(self, message):
        """A batch's calls from their columns (see sandbox/protocol.md)."""
        names = [str(name) for name in message.get("names") or []]
        count = message.get("count")
        which = self._int_column(message, "which")
        arities = message.get("arities")
        arity = self._int_column(message, "arity")
        args = self._column(message, "args")
        if which is None:
            which = itertools.repeat(0, count) if names and type(count) is int else ()
        elif which and (min(which) < 0 or max(which) >= len(names)):
            raise wire.ProtocolError("a batch call of a method it does not name")
        if type(args) is not list or type(count) is not int:
            raise wire.ProtocolError("a batch without its arguments or its count")
        if arity is None:
            if type(arities) is not list or len(arities) != len(names) or not all(type(a) is int for a in arities):
                raise wire.ProtocolError("a batch without the argument count of each method")
            if len(names) == 1:
                if arities[0] * count != len(args):
                    raise wire.ProtocolError("a batch whose columns disagree")
                return PreparedCalls(names, None, None, args, uniform=arities[0], count=count)
            arity = list(map(arities.__getitem__, which))
        elif arity and min(arity) < 0:
            raise wire.ProtocolError("a batch call with a negative argument count")
        calls = PreparedCalls(names, list(which), arity, args)
        if len(calls.which) != count or len(calls.arity) != count or sum(calls.arity) != len(args):
            raise wire.ProtocolError("a batch whose columns disagree")
        return calls

    def _column(self, message, key):
        """A batch column: a list value, or ``["attached", i]``, the message's attachment i as int64s."""
        data = message.get(key)
        if type(data) is list and len(data) == 2 and data[0] == "attached":
            attached = message.get("attached")
            index = data[1]
            if type(attached) is not list or type(index) is not int or not 0 <= index < len(attached):
                raise wire.ProtocolError(f"a batch column '{key}' naming an attachment the message does not have")
            return wire.unpack_int64(attached[index])
        return self.decode(data if data is not None else ["list", []])

    def _int_column(self, message, key):
        """A column of counts or indexes: a list value (packed ``ints`` or a plain ``list``) of integers only."""
        data = message.get(key)
        if data is None:
            return None
        column = self._column(message, key)
        if type(data) is list and data and data[0] in ("ints", "attached"):
            return column  # packed: integers by construction
        if type(column) is not list or not all(type(n) is int for n in column):
            raise wire.ProtocolError("a batch column that is not a list of integers")
        return column

    def op_prepare(self, message, reply):
        reply["ok"] = self._handle(self._columns(message))

    def op_batch(self, message, reply):
        target = self.target(message.get("target"))
        measure = bool(message.get("memory"))
        keep = not message.get("discard")
        if "range" in message:
            start, stop, step = (int(n) for n in message["range"])
            method = getattr(target, str(message.get("method")))
            numbers = range(start, stop, step)
            calls = PreparedCalls([method], None, None, numbers, uniform=1, count=len(numbers))
        else:
            prepared = message.get("prepared")
            calls = self.decode(prepared) if prepared is not None else self._columns(message)
            if not isinstance(calls, PreparedCalls):
                raise wire.ProtocolError("a batch of something that is not a prepared batch")
            calls = calls.bound(target)
        if measure:
            import tracemalloc
            gc.collect()
            tracemalloc.start()
            before = tracemalloc.get_traced_memory()[0]
        results = []
        index = 0
        try:
            for index, result in enumerate(calls.run()):  # noqa: B007 - the index names a failing call
                if keep:
                    results.append(result)
        except BaseException as exc:
            reply["index"] = index
            raise exc
        finally:
            if measure:
                gc.collect()
                reply["memory"] = {"traced_bytes": tracemalloc.get_traced_memory()[0] - before}
                tracemalloc.stop()
        reply["ok"] = self.encode(results) if keep else None

    def op_store(self, message, reply):
        # Kept here as an object: a test sends a large input once, before it starts timing.
        reply["ok"] = self._handle(self.decode(message.get("value")))

    def op_fetch(self, message, reply):
        reply["ok"] = self.encode(self.target(message.get("target")))

    # --- sessions -------------------------------------------------------------------------------------------

    def op_end(self, message, reply):
        reply["ok"] = None
        self.channel.send(reply)
        os._exit(SESSION_ENDED)

    def serve_forever(self):
        while True:
            message = self.channel.recv()
            if message.get("op") == "reset":
                self.fork_session(message)
                continue
            self.channel.send(self.serve(message))

    def fork_session(self, message):
        _flush()
        child = os.fork()
        if child == 0:
            self.channel.send({"re": message.get("id"), "ok": os.getpid()})
            try:
                self.serve_forever()
            finally:
                os._exit(0)
        # The child owns the channel until it exits; only then is the next message this process's to read.
        _, status = os.waitpid(child, 0)
        if not (os.WIFEXITED(status) and os.WEXITSTATUS(status) == SESSION_ENDED):
            # It died mid-call (an exit, a crash, the out-of-memory killer): say so now rather than let the
            # test wait for its time limit.
            how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                   else f"exit code {os.WEXITSTATUS(status)}")
            self.channel.send({"op": "ended", "how": how})


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a submission that closed or replaced its streams only loses its own output
            pass


def describe_class(cls):
    methods = []
    for name in dir(cls):
        if name.startswith("__") and name not in INTERESTING_DUNDERS:
            continue
        try:
            attribute = inspect.getattr_static(cls, name)
        except AttributeError:
            continue
        if isinstance(attribute, (staticmethod, classmethod)) or inspect.isfunction(attribute) or \
                (inspect.ismethoddescriptor(attribute) and not inspect.isdatadescriptor(attribute)):
            methods.append(name)
    bases = wire.builtin_bases(cls) if issubclass(cls, BaseException) else []
    return {"name": cls.__name__, "key": f"{cls.__module__}.{cls.__qualname__}", "methods": sorted(methods),
            "exception": bases or None}


def _load_error(exc):
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(SUBMISSION_DIR)]
    where = ""
    if isinstance(exc, SyntaxError) and exc.lineno:
        where = f" (solution line {exc.lineno})"
    elif frames:
        where = f" (solution line {frames[-1].lineno})"
    return {"type": type(exc).__name__, "message": wire.cut(f"{type(exc).__name__}: {exc}{where}")}


def main():
    channel = wire.channel_from_fd(int(os.environ.pop("DRILLKIT_CHANNEL_FD")), attachments=True)
    driver = Driver(channel)
    sys.path.insert(0, SUBMISSION_DIR)
    hello = {"op": "hello", "driver": "python", "protocol": wire.PROTOCOL_VERSION, "pid": os.getpid(),
             "attachments": True}
    try:
        driver.module = importlib.import_module("solution")
        hello["loaded"] = True
    except BaseException as exc:  # a submission that does not load is a verdict, reported as data
        hello["loaded"] = False
        hello["error"] = _load_error(exc)
        hello["memory"] = isinstance(exc, MemoryError)
    _flush()
    channel.send(hello)
    try:
        driver.serve_forever()
    except wire.Closed:
        pass
    except wire.ProtocolError:
        os._exit(3)


if __name__ == "__main__":
    main()
