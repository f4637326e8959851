"""The test process's side of the boundary: the solution process, its sessions, and proxies for its objects.

This module runs in the trusted test process. It never runs submission code: it sends requests over the wire
protocol (sandbox/protocol.md), waits for each answer under the current test's deadline, and turns the answer
back into plain values, proxies for the solution's objects, or exceptions. Anything malformed, oversized, late or
out of order ends the current test (never the test process) and the solution process is replaced.
"""

import itertools
import json
import os
import socket
import sys
import time

# wire.py sits one folder up (/opt/drillkit in the runner image).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import wire
from harness import oom_kills

SPAWN_REPLY_CAP = 4096


class SolutionProblem(BaseException):
    """Raised into a test when the solution process cannot answer. A BaseException, so that no ``except
    Exception`` or ``pytest.raises(ValueError)`` in a grader can swallow it."""

    status = "error"


class SolutionTimeout(SolutionProblem):
    status = "timeout"


class SolutionMemory(SolutionProblem):
    status = "memory"


class SolutionCrashed(SolutionProblem):
    status = "error"


class SolutionBroken(SolutionProblem):
    status = "error"


class SolutionNotLoaded(SolutionProblem):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


class SolutionRaisedBaseException(Exception):
    """The solution raised SystemExit, KeyboardInterrupt or the like: reported, never re-raised as such."""



def rss_bytes(pid):
    """Resident memory of a solution process, read from outside it (/proc is readable across users)."""
    try:
        with open(f"/proc/{pid}/statm") as source:
            return int(source.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class Policy:
    def __init__(self, data):
        self.test_seconds = float(data.get("test_seconds", 2.0))
        self.load_seconds = float(data.get("load_seconds", 5.0))
        self.retry_seconds = float(data.get("retry_seconds", 0.25))
        self.hang_seconds = float(data.get("hang_seconds", 7.0))
        self.output_cap = int(data.get("output_cap", 1024))
        self.memory_mb = int(data.get("memory_mb", 0))
        # The container's OOM-kill count before the first solution process of this run started (read by the
        # harness): a solution killed while loading, before this process could read the count itself, still counts.
        baseline = data.get("oom_baseline")
        self.oom_baseline = baseline if type(baseline) is int else None


class Output:
    """What the solution process printed during the current test: the first bytes kept, the rest counted."""

    def __init__(self, fd, cap):
        self.fd = fd
        self.cap = cap
        self.kept = bytearray()
        self.total = 0
        self.eof = False
        os.set_blocking(fd, False)

    def fileno(self):
        return self.fd

    def drain(self):
        while True:
            try:
                chunk = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                return
            except OSError:
                self.eof = True
                return
            if not chunk:
                self.eof = True
                return
            self.total += len(chunk)
            room = self.cap - len(self.kept)
            if room > 0:
                self.kept += chunk[:room]

    def take(self):
        self.drain()
        text = self.kept.decode("utf-8", "replace")
        if self.total > len(self.kept):
            text += f"\n... [output truncated: {self.total - len(self.kept)} more bytes]"
        self.kept = bytearray()
        self.total = 0
        return text

    def close(self):
        try:
            os.close(self.fd)
        except OSError:
            pass


class Connection:
    """The one solution process this test process talks to, replaced whenever it hangs, dies or misbehaves."""

    def __init__(self, control, policy, stub):
        self.control = control
        self.policy = policy
        self.stub = stub
        self.hidden = False
        self.channel = None
        self.output = None
        self.process = 0  # counts spawned solution processes; a proxy is valid only in its own process
        self.pid = None
        self.session_pid = None
        self.epoch = 0
        self.in_test = False
        self.deadline = None
        self.load_state = None  # (status, message) once the first solution process said hello
        self.attachments = False  # whether the driver reads raw attachments (it says so in its hello)
        self.load_reported = False
        self.hung = set()
        self.hang_total = 0.0
        self.test_started = 0.0
        self.oom_baseline = policy.oom_baseline if policy.oom_baseline is not None else oom_kills()
        self.requests = itertools.count(1)
        self.classes = {}  # class key -> local class, shared by every process of the same submission
        self.exception_classes = {}
        self.named = {}  # module attribute name -> local object (class or function proxy)
        self._reset_tables()

    def _reset_tables(self):
        self.proxies = {}
        self.prepared = {}  # handle of a prepared batch -> the method names it calls
        self.refs = {}
        self.ref_ids = {}
        self.next_ref = 1

    # --- the solution process -------------------------------------------------------------------------------

    def spawn(self, hash_seed=None):
        """A fresh solution process (the harness kills every earlier one first) that has tried to load."""
        self._drop()
        request = {"op": "spawn"}
        if hash_seed is not None:
            request["hash_seed"] = int(hash_seed)
        self.control.sendall(json.dumps(request).encode() + b"\n")
        data, fds, _, _ = socket.recv_fds(self.control, SPAWN_REPLY_CAP, 2)
        reply = json.loads(data.decode() or "{}")
        if len(fds) != 2:
            for fd in fds:
                os.close(fd)
            raise SolutionCrashed(f"the harness could not start a solution process: {reply.get('error')}")
        self.channel = wire.Channel(socket.socket(fileno=fds[0]))
        self.output = Output(fds[1], self.policy.output_cap)
        self.process += 1
        self.pid = reply.get("pid")
        self.session_pid = self.pid
        self.epoch = 0
        self._reset_tables()
        state = self._hello()
        if self.load_state is None:
            self.load_state = state
        return state

    def _hello(self):
        deadline = time.monotonic() + self.policy.load_seconds
        try:
            hello = self.channel.recv(deadline, self.output)
        except wire.Timeout:
            self._drop()
            return ("timeout", f"loading the submission did not finish within {self.policy.load_seconds:g} s "
                               "(a loop or a long computation at import?)")
        except wire.Closed:
            self._drop()
            if self._oom_happened():
                return ("memory", "the solution process ran out of memory while loading the submission")
            return ("error", "the solution process ended while loading the submission "
                             "(it must not exit at import)")
        except wire.ProtocolError as exc:
            self._drop()
            return ("error", f"the solution process sent a malformed greeting: {exc}")
        if hello.get("op") != "hello" or hello.get("protocol") != wire.PROTOCOL_VERSION:
            self._drop()
            return ("error", "the solution process did not greet with this protocol's hello")
        self.attachments = hello.get("attachments") is True
        if hello.get("loaded") is not True:
            error = hello.get("error") if isinstance(hello.get("error"), dict) else {}
            self._drop()
            status = "memory" if hello.get("memory") is True else "error"
            return (status, wire.cut(error.get("message") or "the submission does not load"))
        return ("ok", None)

    def _drop(self):
        if self.channel is not None:
            self.channel.close()
        if self.output is not None:
            self.output.close()
        self.channel = None
        self.output = None

    def _oom_happened(self):
        now = oom_kills()
        happened = now is not None and self.oom_baseline is not None and now > self.oom_baseline
        self.oom_baseline = now
        return happened

    def ensure(self):
        """A loaded solution process, or SolutionNotLoaded saying why there is none."""
        if self.load_state is not None and self.load_state[0] != "ok":
            # The same file does not load the next time either: no test waits for it again.
            raise SolutionNotLoaded(f"the submission does not load: {self.load_state[1]}", self.load_state[0])
        if self.channel is None:
            status, message = self.spawn()
            if status != "ok":
                raise SolutionNotLoaded(f"the submission does not load: {message}", status)

    # --- tests ----------------------------------------------------------------------------------------------

    def begin_test(self, name, limit):
        self.in_test = True
        self.test_started = time.monotonic()
        self.deadline = self.test_started + limit
        self.ensure()
        self.begin_session()

    def begin_session(self):
        """A fresh session: the driver gives this test the module as it was right after import."""
        pid = self._request({"op": "reset"}, "starting a fresh solution session", None)
        if type(pid) is not int:
            self._drop()
            raise SolutionBroken("the solution process answered a reset with no process id")
        self.session_pid = pid
        self.epoch += 1
        self._reset_tables()

    def end_test(self):
        self.in_test = False
        if self.channel is not None and self.epoch:
            try:
                self.deadline = time.monotonic() + 1.0
                self._request({"op": "end"}, "ending the solution session", None)
            except SolutionProblem:
                self._drop()
        self.deadline = None
        self.epoch = 0
        self.session_pid = self.pid
        self._reset_tables()

    def take_output(self):
        return self.output.take() if self.output is not None else ""

    # --- requests -------------------------------------------------------------------------------------------

    def request(self, message, what, args=None, kwargs=None, calls=()):
        """Send a request and wait for its answer; ``calls`` names the methods a batch will call, so that one
        known to hang shortens the batch's wait as it would a single call's."""
        __tracebackhide__ = True
        self.ensure()
        return self._request(message, what, (args, kwargs), calls)

    def _request(self, message, what, originals, calls=()):
        __tracebackhide__ = True
        request_id = next(self.requests)
        message["id"] = request_id
        attached = message.pop("_attached", ())
        try:
            self.channel.send(message, attached)
        except wire.Closed:
            raise self._died(what) from None
        except (TypeError, ValueError) as exc:  # a test value with no wire form
            raise SolutionBroken(f"{what}: an argument cannot be sent to the solution ({exc})") from None
        waiting_since = time.monotonic()
        known_to_hang = what in self.hung or any(call in self.hung for call in calls)
        while True:
            deadline = self._deadline(known_to_hang)
            try:
                incoming = self.channel.recv(deadline, self.output)
            except wire.Timeout:
                raise self._hang(what, waiting_since) from None
            except wire.Closed:
                raise self._died(what) from None
            except wire.ProtocolError as exc:
                self._drop()
                raise SolutionBroken(f"{what}: the solution process sent {exc}") from None
            if incoming.get("re") == request_id:
                return self._answer(incoming, what, originals)
            if incoming.get("op") == "ended":  # the driver saw the session's process die
                raise self._died(what, str(incoming.get("how"))[:80])
            if "op" in incoming and "re" not in incoming:
                self._serve(incoming)
                continue
            self._drop()
            raise SolutionBroken(f"{what}: the solution process sent an answer to a question not asked")

    def _deadline(self, known_to_hang):
        now = time.monotonic()
        if self.deadline is None:
            return now + self.policy.load_seconds
        if known_to_hang:
            return min(self.deadline, now + self.policy.retry_seconds)
        return self.deadline

    def _hang(self, what, waiting_since):
        self._drop()
        self.hung.add(what)
        if self.in_test:
            self.hang_total += time.monotonic() - waiting_since
        limit = self.deadline - self.test_started if self.deadline else self.policy.load_seconds
        return SolutionTimeout(f"{what} did not return within the test's time limit ({limit:g} s); "
                               "the solution process was replaced")

    def _died(self, what, how=None):
        self._drop()
        if self._oom_happened():
            limit = f" ({self.policy.memory_mb} MB)" if self.policy.memory_mb else ""
            return SolutionMemory(f"{what}: the solution process ran out of memory{limit}")
        detail = f" ({how})" if how else ""
        return SolutionCrashed(f"{what}: the solution process ended before answering{detail}; it must not exit")

    def budget_left(self):
        return self.hang_total < self.policy.hang_seconds

    def _answer(self, incoming, what, originals):
        __tracebackhide__ = True
        try:
            if originals is not None and incoming.get("mutated"):
                self._copy_back(incoming["mutated"], originals)
            if "raise" in incoming:
                exc = self._exception(incoming["raise"], what)
                if isinstance(incoming.get("index"), int):
                    exc.add_note(f"(raised by call {incoming['index']} of the batch)")
                raise exc
            memory = incoming.get("memory")
            value = self.decode(incoming.get("ok"))
        except wire.ProtocolError as exc:
            self._drop()
            raise SolutionBroken(f"{what}: the solution process sent {exc}") from None
        if memory is not None:
            if not isinstance(memory, dict) or type(memory.get("traced_bytes")) is not int:
                self._drop()
                raise SolutionBroken(f"{what}: a malformed memory figure")
            return value, memory["traced_bytes"]
        return value

    def _exception(self, spec, what):
        if not isinstance(spec, dict):
            raise wire.ProtocolError("an exception that is not an object")
        if "ref" in spec:
            original = self.refs.get(spec["ref"]) if type(spec["ref"]) is int else None
            if not isinstance(original, BaseException):
                raise wire.ProtocolError("an exception reference to nothing the tests raised")
            return original
        type_name = spec.get("type")
        message = spec.get("message", "")
        own = spec.get("class")
        bases = spec.get("bases") or []
        if type(type_name) is not str or type(message) is not str or (own is not None and type(own) is not str) \
                or type(bases) is not list or not all(type(b) is str for b in bases):
            raise wire.ProtocolError("a malformed exception")
        message = wire.cut(message)
        builtin = wire.EXCEPTIONS.get(type_name)
        if builtin is None or not issubclass(builtin, Exception):
            name = own or type_name
            return SolutionRaisedBaseException(f"{what} raised {wire.cut(name, 80)}: {message} "
                                               "(a solution must not exit or interrupt the tests)")
        if own:
            return self.exception_class(own, type_name)(message)
        return builtin(message)

    def exception_class(self, name, base_name):
        cls = self.exception_classes.get(name)
        if cls is None:
            base = wire.EXCEPTIONS.get(base_name)
            if base is None or not issubclass(base, Exception):
                base = Exception
            cls = type(name, (base,), {"__module__": "solution"})
            self.exception_classes[name] = cls
        return cls

    def _copy_back(self, changes, originals):
        args, kwargs = originals
        if not isinstance(changes, list):
            raise wire.ProtocolError("a malformed list of changed arguments")
        for change in changes:
            if not isinstance(change, list) or len(change) != 2:
                raise wire.ProtocolError("a malformed changed argument")
            key, data = change
            if type(key) is int and args is not None and 0 <= key < len(args):
                _update_in_place(args[key], self.decode(data))
            elif type(key) is str and kwargs is not None and key in kwargs:
                _update_in_place(kwargs[key], self.decode(data))
            else:
                raise wire.ProtocolError("a changed argument that was never passed")

    def _serve(self, message):
        """A callback from the solution into test code (an injected clock, a wrapped function)."""
        reply = {"re": message.get("id")}
        try:
            if message.get("op") != "call":
                raise TypeError("the test process answers only calls of the objects it passed")
            target = message.get("target")
            if not isinstance(target, list) or len(target) != 2 or target[0] != "ref" or target[1] not in self.refs:
                raise wire.ProtocolError("a call of an object the tests never passed")
            fn = self.refs[target[1]]
            args = [self.decode(a) for a in message.get("args") or []]
            raw_kwargs = message.get("kwargs") or {}
            if not isinstance(raw_kwargs, dict):
                raise wire.ProtocolError("malformed keyword arguments")
            kwargs = {str(k): self.decode(v) for k, v in raw_kwargs.items()}
            reply["ok"] = self.encode(fn(*args, **kwargs))
        except wire.ProtocolError as exc:
            self._drop()
            raise SolutionBroken(f"a callback from the solution: {exc}") from None
        except Exception as exc:  # the test code's exception travels to the solution and may come back
            reply.pop("ok", None)
            bases = wire.builtin_bases(type(exc))
            reply["raise"] = {"type": bases[0] if bases else "Exception", "message": wire.cut(str(exc)),
                              "ref": self._ref(exc)[1]}
        except BaseException:
            # The test itself stops here (a time limit, a grader's own BaseException): the solution is left
            # waiting for this answer, so it cannot serve another call.
            self._drop()
            raise
        try:
            self.channel.send(reply)
        except wire.Closed:
            raise self._died("answering a callback") from None

    # --- values ---------------------------------------------------------------------------------------------

    def encode(self, value):
        return wire.encode(value, self._ref)

    def _ref(self, value):
        if isinstance(value, RemoteObject):
            return ["obj", object.__getattribute__(value, "_dk_handle")]
        key = id(value)
        ref = self.ref_ids.get(key)
        if ref is None:
            ref = self.next_ref
            self.next_ref += 1
            self.ref_ids[key] = ref
            self.refs[ref] = value
        return ["ref", ref]

    def decode(self, data):
        return wire.decode(data, self._resolve)

    def _resolve(self, tag, data):
        if tag == "ref":
            if len(data) != 2 or type(data[1]) is not int or data[1] not in self.refs:
                raise wire.ProtocolError("a reference to nothing the tests passed")
            return self.refs[data[1]]
        if len(data) not in (3, 4) or type(data[1]) is not int or type(data[2]) is not str or len(data[2]) > 300:
            raise wire.ProtocolError("a malformed object handle")
        handle, key = data[1], data[2]
        if len(data) == 4:
            self._learn_class(key, data[3])
        cls = self.classes.get(key)
        if cls is None:
            raise wire.ProtocolError("an object of a class never described")
        proxy = self.proxies.get(handle)
        if proxy is None or type(proxy) is not cls:
            proxy = object.__new__(cls)
            object.__setattr__(proxy, "_dk_handle", handle)
            object.__setattr__(proxy, "_dk_where", (self.process, self.epoch))
            self.proxies[handle] = proxy
        return proxy

    def _learn_class(self, key, info):
        if key in self.classes:
            return self.classes[key]
        if not isinstance(info, dict) or type(info.get("name")) is not str or not isinstance(info.get("methods"), list) \
                or not all(type(m) is str and len(m) < 200 for m in info["methods"]):
            raise wire.ProtocolError("a malformed class description")
        cls = remote_class(self, info["name"][:200], frozenset(info["methods"]))
        self.classes[key] = cls
        return cls

    # --- module attributes ----------------------------------------------------------------------------------

    def module_attribute(self, name):
        __tracebackhide__ = True
        if name in self.named:
            return self.named[name]
        try:
            info = self.request({"op": "describe", "target": ["name", name]}, f"solution.{name}")
        except AttributeError:
            raise AttributeError(f"module 'solution' has no attribute '{name}'") from None
        if not isinstance(info, dict) or info.get("kind") not in ("class", "function", "value"):
            self._drop()
            raise SolutionBroken(f"solution.{name}: a malformed description")
        if info["kind"] == "value":
            return info.get("value")
        if info["kind"] == "function":
            local = RemoteFunction(self, ["name", name], name)
        elif info.get("exception"):
            bases = info["exception"]
            if not isinstance(bases, list) or not bases or type(bases[0]) is not str:
                self._drop()
                raise SolutionBroken(f"solution.{name}: a malformed exception class")
            local = self.exception_class(name, bases[0])
        else:
            key = info.get("key")
            if type(key) is not str:
                self._drop()
                raise SolutionBroken(f"solution.{name}: a class description without a key")
            local = self._learn_class(key, info)
            type.__setattr__(local, "_dk_target", ["name", name])
        self.named[name] = local
        return local


def _update_in_place(original, new):
    """Mirror a change the solution made to an argument onto the test's own object."""
    if type(original) is list and type(new) is list:
        if len(original) == len(new):
            for i, (old_item, new_item) in enumerate(zip(original, new, strict=True)):
                if type(old_item) in (list, dict, set) and type(old_item) is type(new_item):
                    _update_in_place(old_item, new_item)
                elif old_item != new_item or type(old_item) is not type(new_item):
                    original[i] = new_item
        else:
            original[:] = new
    elif (type(original) is dict and type(new) is dict) or (type(original) is set and type(new) is set):
        original.clear()
        original.update(new)
    elif type(original) is tuple and type(new) is tuple and len(original) == len(new):
        for old_item, new_item in zip(original, new, strict=True):
            _update_in_place(old_item, new_item)


# --- proxies ------------------------------------------------------------------------------------------------


class RemoteObject:
    """A handle to an object that lives in the solution process. Equality and hashing are by handle: nothing
    the solution defines decides what ``==`` says in the test process."""

    __slots__ = ("_dk_handle", "_dk_where")
    _dk_connection = None
    _dk_methods = frozenset()
    _dk_name = "object"

    def __getattr__(self, name):
        __tracebackhide__ = True
        if name.startswith("_dk_"):
            raise AttributeError(name)
        cls = type(self)
        if name in cls._dk_methods:
            return RemoteMethod(self, name)
        return cls._dk_connection.request({"op": "getattr", "target": _target(self), "name": name},
                                          f"{cls._dk_name}.{name}")

    def __setattr__(self, name, value):
        __tracebackhide__ = True
        cls = type(self)
        connection = cls._dk_connection
        connection.request({"op": "setattr", "target": _target(self), "name": name,
                            "value": connection.encode(value)}, f"{cls._dk_name}.{name} =")

    def __repr__(self):
        return f"<solution {type(self)._dk_name} object>"


def _target(proxy):
    __tracebackhide__ = True
    connection = type(proxy)._dk_connection
    process, epoch = object.__getattribute__(proxy, "_dk_where")
    if process != connection.process or epoch not in (0, connection.epoch):
        raise SolutionBroken("a solution object from an earlier test or an earlier solution process was used")
    return ["obj", object.__getattribute__(proxy, "_dk_handle")]


def _call(connection, message, what, args, kwargs):
    __tracebackhide__ = True
    message["args"] = [connection.encode(a) for a in args]
    message["kwargs"] = {str(k): connection.encode(v) for k, v in kwargs.items()}
    return connection.request(message, what, args, kwargs)


class RemoteMethod:
    __slots__ = ("name", "proxy")

    def __init__(self, proxy, name):
        self.proxy = proxy
        self.name = name

    def __call__(self, *args, **kwargs):
        __tracebackhide__ = True
        cls = type(self.proxy)
        return _call(cls._dk_connection, {"op": "method", "target": _target(self.proxy), "name": self.name},
                     f"{cls._dk_name}.{self.name}", args, kwargs)

    def __repr__(self):
        return f"<solution method {type(self.proxy)._dk_name}.{self.name}>"


class RemoteFunction:
    __slots__ = ("connection", "name", "target")

    def __init__(self, connection, target, name):
        self.connection = connection
        self.target = target
        self.name = name

    def __call__(self, *args, **kwargs):
        __tracebackhide__ = True
        return _call(self.connection, {"op": "call", "target": self.target}, self.name, args, kwargs)

    def __repr__(self):
        return f"<solution function {self.name}>"


class RemoteClassMeta(type):
    def __call__(cls, *args, **kwargs):
        __tracebackhide__ = True
        target = cls.__dict__.get("_dk_target")
        if target is None:
            raise TypeError(f"{cls._dk_name} cannot be constructed from the tests (not a module attribute)")
        return _call(cls._dk_connection, {"op": "call", "target": target}, cls._dk_name, args, kwargs)

    def __repr__(cls):
        return f"<solution class {cls._dk_name}>"


def _dunder(name):
    def method(self, *args):
        __tracebackhide__ = True
        return RemoteMethod(self, name)(*args)

    method.__name__ = name
    return method


def _contains(self, item):
    __tracebackhide__ = True
    return bool(RemoteMethod(self, "__contains__")(item))


def _bool(self):
    __tracebackhide__ = True
    return bool(RemoteMethod(self, "__bool__")())


def _iter(self):
    __tracebackhide__ = True
    cls = type(self)
    items = cls._dk_connection.request({"op": "iter", "target": _target(self)}, f"iter({cls._dk_name})")
    return iter(items if isinstance(items, list) else [])


def remote_class(connection, name, methods):
    namespace = {"__slots__": (), "_dk_connection": connection, "_dk_methods": methods, "_dk_name": name,
                 "__module__": "solution", "__qualname__": name}
    for dunder in ("__len__", "__getitem__", "__setitem__", "__delitem__", "__call__"):
        if dunder in methods:
            namespace[dunder] = _dunder(dunder)
    if "__contains__" in methods:
        namespace["__contains__"] = _contains
    if "__bool__" in methods:
        namespace["__bool__"] = _bool
    if "__iter__" in methods:
        namespace["__iter__"] = _iter
    return RemoteClassMeta(name, (RemoteObject,), namespace)


# --- the process-wide connection ----------------------------------------------------------------------------

CONNECTION = None


def connection():
    return CONNECTION


def install(control_fd, policy, stub):
    global CONNECTION
    CONNECTION = Connection(socket.socket(fileno=control_fd), Policy(policy), stub)
    return CONNECTION

