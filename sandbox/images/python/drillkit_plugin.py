"""pytest plugin loaded in the child run: streams collection and test outcomes to the harness over a pipe.

It runs in the same process as the submission, so nothing it writes is trusted on its own: the host checks the
test ids against the grader's, and the report leaves the container only through the harness (PID 1).
"""

import hashlib
import hmac
import json
import os

OUTPUT_CAP = int(os.environ.get("DRILLKIT_OUTPUT_CAP", "1024"))
MESSAGE_CAP = 2000


def _cut(text, cap):
    if len(text) <= cap:
        return text
    return text[:cap] + f"\n... [output truncated: {len(text) - cap} more characters]"


def _sealer(key):
    """Signs each event with a key read before any submission code ran; kept in a closure, not an attribute."""
    counter = [0]

    def seal(event):
        event["seq"] = counter[0]
        counter[0] += 1
        payload = json.dumps(event)
        return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest() + " " + payload + "\n"

    return seal


class Reporter:
    def __init__(self, fd, key):
        self._out = os.fdopen(fd, "w", buffering=1, encoding="utf-8", errors="replace")
        self._seal = _sealer(key)
        self._results = {}

    def emit(self, **event):
        self._out.write(self._seal(event))
        self._out.flush()

    def pytest_collection_finish(self, session):
        self.emit(event="collected", ids=[item.nodeid for item in session.items])

    def pytest_collectreport(self, report):
        if report.failed:
            text = report.longreprtext or ""
            self.emit(event="collect_error", nodeid=report.nodeid, message=_cut(_collect_message(text), MESSAGE_CAP),
                      memory="MemoryError" in text)

    def pytest_runtest_logreport(self, report):
        state = self._results.setdefault(report.nodeid, {"outcome": "passed", "message": None, "output": ""})
        if report.failed and state["outcome"] != "failed":
            state["outcome"] = "failed"
            state["message"] = _cut(_failure_message(report), MESSAGE_CAP)
            state["memory"] = "MemoryError" in (report.longreprtext or "")
        elif report.skipped and report.when in ("setup", "call") and state["outcome"] == "passed":
            state["outcome"] = "skipped"
            state["message"] = _cut(_skip_message(report), MESSAGE_CAP)
        captured = "".join(content for _, content in report.sections if content)
        if captured and report.when == "teardown":
            state["output"] = _cut(captured, OUTPUT_CAP)
        if report.when == "teardown":
            self.emit(event="test", nodeid=report.nodeid, **self._results.pop(report.nodeid))

    def pytest_sessionfinish(self, session, exitstatus):
        self.emit(event="finish", exitstatus=int(exitstatus))


def _failure_message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None and crash.message:
        return crash.message
    return (report.longreprtext or "failed").strip().splitlines()[-1] if report.longreprtext else "failed"


def _skip_message(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return "skipped"


def _collect_message(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    errors = [line[2:].strip() if line.startswith("E ") else line.strip() for line in lines if line.startswith("E ")]
    if errors:
        return "\n".join(errors[-6:])
    return "\n".join(lines[-6:])


def _read_key(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 256)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def pytest_configure(config):
    fd = os.environ.pop("DRILLKIT_REPORT_FD", None)
    key_fd = os.environ.pop("DRILLKIT_KEY_FD", None)
    if fd is not None and key_fd is not None:
        config.pluginmanager.register(Reporter(int(fd), _read_key(int(key_fd))), "drillkit-reporter")
