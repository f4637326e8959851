"""Verdicts: the grading contract's result model and how a harness report becomes one.

Everything here runs on the trusted host and is pure, so every rule of the contract is unit-tested without
Docker. The rules: a verdict comes only from a complete report framed with this run's nonce; a run that ends
early, or whose test ids differ from the grader's, is an ``error``, never a ``pass``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["pass", "fail", "error", "timeout", "memory"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "error", "timeout", "memory")
REPORT_PREFIX = "DRILLKIT-REPORT"


@dataclass(frozen=True)
class TestResult:
    name: str
    status: Literal["pass", "fail", "error", "timeout", "memory", "skip"]
    message: str | None = None
    output: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "status": self.status, "message": self.message, "output": self.output}


@dataclass(frozen=True)
class GradeResult:
    question: str
    language: str
    status: Status
    passed: int
    failed: int
    total: int
    duration_s: float
    message: str | None = None
    tests: tuple[TestResult, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "language": self.language,
            "status": self.status,
            "passed": self.passed,
            "failed": self.failed,
            "total": self.total,
            "duration_s": round(self.duration_s, 3),
            "message": self.message,
            "tests": [t.to_json() for t in self.tests],
        }


@dataclass(frozen=True)
class RawRun:
    """What a backend observed: the container's stdout (capped), and how it ended."""

    stdout: str
    exit_code: int | None
    timed_out: bool = False
    oom_killed: bool = False
    duration_s: float = 0.0


def find_report(stdout: str, nonce: str) -> dict[str, Any] | None:
    marker = f"{REPORT_PREFIX} {nonce} "
    for line in stdout.splitlines():
        if line.startswith(marker):
            try:
                data = json.loads(line[len(marker):])
            except ValueError:
                return None
            return data if isinstance(data, dict) else None
    return None


def test_name(nodeid: str) -> str:
    """``test_x.py::test_evicts[3]`` -> ``test_evicts[3]`` (the file is shown only when a grader has several)."""
    return nodeid.split("::", 1)[-1] if "::" in nodeid else nodeid


def collected_ids(phase: dict[str, Any]) -> list[str] | None:
    for event in phase.get("events", []):
        if event.get("event") == "collected" and isinstance(event.get("ids"), list):
            return [str(i) for i in event["ids"]]
    return None


def _error(base: dict[str, Any], message: str, tests: tuple[TestResult, ...] = (), total: int = 0,
           status: Status = "error") -> GradeResult:
    return GradeResult(status=status, message=message, passed=0, failed=0, total=total, tests=tests, **base)


TEST_STATUSES = ("pass", "fail", "error", "timeout", "memory", "skip")


def overall(tests: list[TestResult]) -> tuple[Status, str | None]:
    """The grading's status from its tests' statuses.

    ``pass`` when every test passed. When none passed and every failure was a hang (or the memory limit), the
    verdict says so (``timeout``/``memory``); otherwise some tests work and the verdict is ``fail``, with the
    hung tests marked one by one.
    """
    total = len(tests)
    counts = {status: sum(1 for t in tests if t.status == status) for status in TEST_STATUSES}
    failed = total - counts["pass"]
    if total and failed == 0:
        return "pass", None
    parts = [f"{counts[s]} {label}" for s, label in (("fail", "failed"), ("error", "could not be answered"),
                                                     ("timeout", "timed out"), ("memory", "hit the memory limit"),
                                                     ("skip", "skipped")) if counts[s]]
    message = f"{failed} of {total} tests did not pass ({', '.join(parts)})"
    if counts["pass"] == 0 and failed and counts["timeout"] + counts["memory"] == failed:
        return ("memory" if counts["memory"] else "timeout"), message
    return "fail", message


def verdict(question: str, language: str, raw: RawRun, nonce: str, expected_ids: list[str]) -> GradeResult:
    base: dict[str, Any] = {"question": question, "language": language, "duration_s": raw.duration_s}
    total = len(expected_ids)
    if raw.timed_out:
        return _error(base, "the grading's wall-clock limit was hit; the run was stopped", total=total,
                      status="timeout")
    report = find_report(raw.stdout, nonce)
    if report is None:
        if raw.oom_killed:
            return _error(base, "the memory limit was hit; the run was stopped", total=total, status="memory")
        return _error(base, f"the run ended without a complete report (exit code {raw.exit_code})", total=total)
    phase = report.get("run")
    if not isinstance(phase, dict):
        return _error(base, "the report has no test run", total=total)
    events: list[dict[str, Any]] = [e for e in phase.get("events", []) if isinstance(e, dict)]
    if phase.get("overflow"):
        return _error(base, "the run wrote more report data than allowed", total=total)
    load = next((e for e in events if e.get("event") == "load"), None)
    if load is not None and load.get("status") != "ok":
        status = load.get("status") if load.get("status") in ("timeout", "memory") else "error"
        detail = str(load.get("message") or "it failed to load")
        prefix = "" if detail.startswith("loading") else "the submission does not load: "
        return _error(base, prefix + detail, total=total, status=status)  # type: ignore[arg-type]
    collect_errors = [e for e in events if e.get("event") == "collect_error"]
    if collect_errors:
        first = collect_errors[0]
        return _error(base, f"the grader could not be loaded: {first.get('message') or 'import failed'}", total=total)
    tests_by_id = {str(e.get("nodeid")): e for e in events if e.get("event") == "test"}
    finished = any(e.get("event") == "finish" for e in events)
    collected = collected_ids(phase)
    if collected is None or not finished:
        return _error(base, f"the test run ended early (exit code {phase.get('returncode')})", total=total)
    if collected != expected_ids:
        return _error(base, f"the grader has {total} tests but the run collected {len(collected)}; "
                            "the run is not comparable", total=total)
    tests = []
    for nodeid in expected_ids:
        event = tests_by_id.get(nodeid)
        if event is None:
            return _error(base, f"no result for {test_name(nodeid)}; the run did not complete", total=total)
        status = str(event.get("status"))
        if status not in TEST_STATUSES:
            status = "error"
        tests.append(TestResult(test_name(nodeid), status,  # type: ignore[arg-type]
                                _text(event.get("message")) if status != "pass" else None,
                                _text(event.get("output")) or ""))
    status, message = overall(tests)
    passed = sum(1 for t in tests if t.status == "pass")
    return GradeResult(status=status, passed=passed, failed=total - passed, total=total, message=message,
                       tests=tuple(tests), **base)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
