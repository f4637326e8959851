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
    status: Literal["pass", "fail", "error", "skip"]
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


def _error(base: dict[str, Any], message: str, tests: tuple[TestResult, ...] = (), total: int = 0) -> GradeResult:
    return GradeResult(status="error", message=message, passed=0, failed=0, total=total, tests=tests, **base)


def verdict(question: str, language: str, raw: RawRun, nonce: str, expected_ids: list[str]) -> GradeResult:
    base: dict[str, Any] = {"question": question, "language": language, "duration_s": raw.duration_s}
    total = len(expected_ids)
    if raw.timed_out:
        return GradeResult(status="timeout", passed=0, failed=0, total=total,
                           message="the time limit was hit; the run was stopped", **base)
    report = find_report(raw.stdout, nonce)
    if raw.oom_killed:
        return GradeResult(status="memory", passed=0, failed=0, total=total,
                           message="the memory limit was hit; the run was stopped", **base)
    if report is None:
        return _error(base, f"the run ended without a complete report (exit code {raw.exit_code})", total=total)
    phase = report.get("run")
    if not isinstance(phase, dict):
        return _error(base, "the report has no test run", total=total)
    events: list[dict[str, Any]] = [e for e in phase.get("events", []) if isinstance(e, dict)]
    collect_errors = [e for e in events if e.get("event") == "collect_error"]
    tests_by_id = {str(e.get("nodeid")): e for e in events if e.get("event") == "test"}
    memory_hit = any(e.get("memory") for e in collect_errors) or any(e.get("memory") for e in tests_by_id.values())
    returncode = phase.get("returncode")
    if memory_hit or returncode == -9:
        return GradeResult(status="memory", passed=0, failed=0, total=total,
                           message="the memory limit was hit (MemoryError or killed)", **base)
    if phase.get("tampered"):
        return _error(base, "the submission interfered with the test runner's report; this is never a pass",
                      total=total)
    if collect_errors:
        first = collect_errors[0]
        return _error(base, f"the submission does not load: {first.get('message') or 'import failed'}", total=total)
    finished = any(e.get("event") == "finish" for e in events)
    if phase.get("overflow"):
        return _error(base, "the run wrote more report data than allowed", total=total)
    collected = collected_ids(phase)
    if collected is None or not finished:
        return _error(base, f"the test run ended early (exit code {returncode}); a submission must not exit "
                            "the process or kill the test runner", total=total)
    if collected != expected_ids:
        return _error(base, f"the grader has {total} tests but the run collected {len(collected)}; "
                            "the submission must not change which tests run", total=total)
    tests = []
    for nodeid in expected_ids:
        event = tests_by_id.get(nodeid)
        if event is None:
            return _error(base, f"no result for {test_name(nodeid)}; the run did not complete", total=total)
        outcome = {"passed": "pass", "failed": "fail", "skipped": "skip"}.get(str(event.get("outcome")), "error")
        tests.append(TestResult(test_name(nodeid), outcome,  # type: ignore[arg-type]
                                event.get("message") if outcome != "pass" else None, str(event.get("output") or "")))
    passed = sum(1 for t in tests if t.status == "pass")
    failed = total - passed
    status: Status = "pass" if failed == 0 and total > 0 else "fail"
    message = None if status == "pass" else f"{failed} of {total} tests did not pass"
    return GradeResult(status=status, passed=passed, failed=failed, total=total, message=message,
                       tests=tuple(tests), **base)
