"""pytest plugin of the test process: per-test time limits, a fresh solution session per test, and the events.

The test process is trusted (no submission code runs in it), so what this plugin reports is the verdict's
source; the host still checks the test ids against the grader's own count.
"""

import json

import drillkit_session
import pytest
import wire


class Reporter:
    def __init__(self, control, connection, hidden):
        self.control = control
        self.connection = connection
        self.hidden = hidden
        self.results = {}

    def emit(self, **event):
        self.control.sendall(json.dumps({"op": "event", **event}).encode() + b"\n")

    def report_load(self):
        connection = self.connection
        if connection.load_state is not None and not connection.load_reported:
            connection.load_reported = True
            status, message = connection.load_state
            self.emit(event="load", status=status, message=message)

    def pytest_collection_finish(self, session):
        self.report_load()
        self.emit(event="collected", ids=[item.nodeid for item in session.items])

    def pytest_collectreport(self, report):
        if report.failed:
            self.report_load()
            # A hidden grader's traceback would quote its source.
            message = "the grader's tests could not be loaded" if self.hidden else \
                wire.cut(_collect_message(report.longreprtext or ""))
            self.emit(event="collect_error", nodeid=report.nodeid, message=message)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        __tracebackhide__ = True
        connection = self.connection
        if connection.stub:
            return
        if not connection.budget_left():
            raise drillkit_session.SolutionTimeout(
                f"not run: the submission has already hung for {connection.hang_total:.1f} s in earlier tests "
                f"(the budget is {connection.policy.hang_seconds:g} s)")
        marker = item.get_closest_marker("timeout")
        limit = float(marker.args[0]) if marker and marker.args else connection.policy.test_seconds
        try:
            connection.begin_test(item.nodeid, limit)
        finally:
            self.report_load()

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_teardown(self, item):
        if not self.connection.stub:
            self.connection.end_test()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        report = outcome.get_result()
        excinfo = call.excinfo
        if excinfo is not None and report.failed:
            if isinstance(excinfo.value, drillkit_session.SolutionProblem):
                report.drillkit_status = excinfo.value.status
                report.drillkit_message = str(excinfo.value)
            elif isinstance(excinfo.value, MemoryError):
                report.drillkit_status = "memory"

    def pytest_runtest_logreport(self, report):
        state = self.results.setdefault(report.nodeid, {"outcome": "passed", "status": "pass", "message": None,
                                                        "seconds": 0.0})
        state["seconds"] = round(state["seconds"] + (report.duration or 0.0), 4)  # setup, call and teardown
        if report.failed and state["outcome"] != "failed":
            state["outcome"] = "failed"
            state["status"] = getattr(report, "drillkit_status", "fail")
            message = getattr(report, "drillkit_message", None) or _failure_message(report)
            state["message"] = wire.cut(message)
        elif report.skipped and report.when in ("setup", "call") and state["outcome"] == "passed":
            state["outcome"] = "skipped"
            state["status"] = "skip"
            state["message"] = wire.cut(_skip_message(report))
        if report.when == "teardown":
            state["output"] = self.connection.take_output()
            if self.hidden:
                state.update(self._hidden(state))
            self.emit(event="test", nodeid=report.nodeid, **self.results.pop(report.nodeid))

    @staticmethod
    def _hidden(state):
        """A hidden grader's verdicts name the test and its outcome, never its expected values or inputs."""
        generic = {"fail": "the test failed", "error": "the solution could not answer",
                   "timeout": "the test hit its time limit", "memory": "the memory limit was hit"}
        return {"message": generic.get(state["status"]) if state["status"] != "pass" else None, "output": ""}

    def pytest_sessionfinish(self, session, exitstatus):
        self.emit(event="finish", exitstatus=int(exitstatus))


def _failure_message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None and crash.message:
        return crash.message
    text = report.longreprtext or ""
    return text.strip().splitlines()[-1] if text.strip() else "failed"


def _skip_message(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return "skipped"


def _collect_message(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    errors = [line[2:].strip() for line in lines if line.startswith("E ")]
    return "\n".join(errors[-6:] if errors else lines[-6:])


def pytest_configure(config):
    config.addinivalue_line("markers", "timeout(seconds): this test's time limit instead of the default")
    connection = drillkit_session.connection()
    if connection is not None:
        config.pluginmanager.register(Reporter(connection.control, connection, connection.hidden), "drillkit")
