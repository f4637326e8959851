"""Helpers for grader authors, in the test process: batches of calls, memory figures, a fresh solution process.

A batch crosses the boundary as one message and runs in the solution process, so a performance test measures
the submission, not round trips; its time is still measured here, in the trusted test process.
"""

import itertools
from collections import namedtuple
from operator import itemgetter

import drillkit_session
import wire

Memory = namedtuple("Memory", "traced_bytes rss_bytes")


def _connection():
    return drillkit_session.connection()


def _target(target):
    __tracebackhide__ = True
    if isinstance(target, drillkit_session.RemoteObject):
        return drillkit_session._target(target), f"{type(target)._dk_name}"
    if getattr(target, "__name__", None) == "solution":
        return ["module", 0], "solution"
    raise TypeError("a batch runs against a solution object or the solution module")


def store(value):
    """Send ``value`` to the solution process now and keep it there: pass the result as an argument, and a large
    input costs no transfer inside a timed call. ``fetch`` brings its current state back."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        return value
    return connection.request({"op": "store", "value": connection.encode(value)}, "storing a test value")


def fetch(stored):
    """The current value of a stored value (or of any solution object that crosses as data)."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        return stored
    return connection.request({"op": "fetch", "target": drillkit_session._target(stored)}, "fetching a value")


def _columns(connection, calls):
    """Calls as columns: the method names, which one each call uses (left out for one method), the argument
    count per method (or per call, when a method is called with different counts), and every argument in one
    flat list. Each column is one C-level pass here and one packed array on the wire: raw bytes after the message
    when the driver reads attachments (``_attached`` holds them until the message is sent), base64 otherwise."""
    calls = calls if isinstance(calls, list) else list(calls)
    attached = [] if getattr(connection, "attachments", False) else None

    def column(values):
        if attached is not None and len(values) >= wire.INTS_MIN:
            raw = wire.pack_int64(values)
            if raw is not None:
                attached.append(raw)
                return ["attached", len(attached) - 1]
        return connection.encode(values)

    methods = list(map(itemgetter(0), calls))
    index_of = {method: index for index, method in enumerate(dict.fromkeys(methods))}
    names = [str(method) for method in index_of]
    arity = list(map(len, map(itemgetter(1), calls)))
    columns = {"names": names, "count": len(calls),
               "args": column(list(itertools.chain.from_iterable(map(itemgetter(1), calls))))}
    which = list(map(index_of.__getitem__, methods)) if len(names) > 1 else None
    if which is not None:
        columns["which"] = column(which)
    shapes = set(zip(itertools.repeat(0, len(arity)) if which is None else which, arity, strict=True))
    if len(shapes) == len(names):
        per_method = dict(shapes)
        columns["arities"] = [per_method[index] for index in range(len(names))]
    else:
        columns["arity"] = column(arity)
    if attached:
        columns["_attached"] = attached
    return columns


def _calls_message(connection, calls):
    if isinstance(calls, drillkit_session.RemoteObject):
        return {"prepared": drillkit_session._target(calls)}
    return _columns(connection, calls)


def _method_keys(connection, target_name, message):
    """The methods a batch calls, named as single calls are, so a method known to hang is known here too."""
    if "prepared" in message:
        names = connection.prepared.get(message["prepared"][1], ())
    else:
        names = message.get("names") or [message.get("method")]
    return tuple(f"{target_name}.{name}" for name in names)


def prepare(calls):
    """Send ``[(method_name, args), ...]`` to the solution process before the clock starts; pass the result to
    ``batch`` so a timed batch moves only its answers."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        return list(calls)
    columns = _columns(connection, calls)
    prepared = connection.request({"op": "prepare", **columns}, "preparing a batch")
    connection.prepared[object.__getattribute__(prepared, "_dk_handle")] = columns["names"]
    return prepared


def batch(target, calls, results=True):
    """Run ``[(method_name, args), ...]`` (or a ``prepare``d list) on ``target`` in the solution process, as
    one message; the list of their results (None with ``results=False``, which spares moving them)."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        answers = [getattr(target, method)(*args) for method, args in calls]
        return answers if results else None
    spec, name = _target(target)
    message = {"op": "batch", "target": spec, "discard": not results}
    message.update(_calls_message(connection, calls))
    return connection.request(message, f"a batch of {name} calls", calls=_method_keys(connection, name, message))


def call_range(target, method, start, stop, step=1):
    """Call ``target.method(n)`` for every n in range(start, stop, step) in the solution process."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        call = getattr(target, method)
        for n in range(start, stop, step):
            call(n)
        return
    spec, name = _target(target)
    connection.request({"op": "batch", "target": spec, "method": str(method), "range": [start, stop, step],
                        "discard": True}, f"{name}.{method} over a range", calls=(f"{name}.{method}",))


def retained_memory(target, calls=None, *, method=None, numbers=None):
    """Memory the solution still holds after running ``calls`` (a list or a ``prepare``d batch) on ``target``, or
    after ``target.method(n)`` for every n in ``numbers`` (a range).

    ``traced_bytes`` is the solution's own count of what it still has allocated (tracemalloc in Python): precise,
    but reported by the solution side. ``rss_bytes`` is the growth of its resident memory, read from outside the
    solution process: coarse, but trusted. Graders check both.
    """
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        return _retained_here(target, calls, method, numbers)
    spec, name = _target(target)
    message = {"op": "batch", "target": spec, "discard": True, "memory": True}
    if numbers is not None:
        message.update(method=str(method), range=[numbers.start, numbers.stop, numbers.step])
    else:
        message.update(_calls_message(connection, calls))
    pid = connection.session_pid
    before = drillkit_session.rss_bytes(pid)
    _, traced = connection.request(message, f"a measured batch of {name} calls",
                                   calls=_method_keys(connection, name, message))
    after = drillkit_session.rss_bytes(pid)
    return Memory(traced, after - before if before is not None and after is not None else 0)


def restart_solution(hash_seed=None):
    """Replace the solution process by a fresh one (``hash_seed`` fixes Python's string hashing there); objects
    of the old process can no longer be used."""
    __tracebackhide__ = True
    connection = _connection()
    if connection is None:
        raise RuntimeError("restart_solution works only inside a drillkit grading")
    status, message = connection.spawn(hash_seed=hash_seed)
    if status != "ok":
        raise drillkit_session.SolutionNotLoaded(f"the submission does not load: {message}", status)
    connection.begin_session()


def _retained_here(target, calls, method, numbers):
    """Without a grading (a grader author running pytest against the reference in one process)."""
    import gc
    import os
    import tracemalloc

    gc.collect()
    before_rss = drillkit_session.rss_bytes(os.getpid())
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    try:
        if numbers is not None:
            call = getattr(target, method)
            for n in numbers:
                call(n)
        else:
            for name, args in calls:
                getattr(target, name)(*args)
        gc.collect()
        traced = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    after_rss = drillkit_session.rss_bytes(os.getpid())
    return Memory(traced, after_rss - before_rss if before_rss is not None and after_rss is not None else 0)
