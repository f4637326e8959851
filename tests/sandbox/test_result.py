"""The verdict rules of the grading contract, on hand-made reports (no Docker needed)."""

from __future__ import annotations

import json
from typing import Any

from sandbox.result import RawRun, verdict

NONCE = "n0nce"
IDS = ["test_a.py::test_one", "test_a.py::test_two[1]"]


def report(events: list[dict[str, Any]], *, returncode: int = 0, tampered: bool = False, nonce: str = NONCE) -> str:
    body = {"version": 1, "run": {"events": events, "returncode": returncode, "tampered": tampered}}
    return f"noise before\nDRILLKIT-REPORT {nonce} {json.dumps(body)}\n"


def complete(outcomes: list[str]) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [{"event": "collected", "ids": IDS}]
    for nodeid, outcome in zip(IDS, outcomes, strict=True):
        events.append({"event": "test", "nodeid": nodeid, "outcome": outcome,
                       "message": None if outcome == "passed" else "expected 3, got 4", "output": "hi"})
    events.append({"event": "finish", "exitstatus": 0})
    return events


def judge(stdout: str, **raw: Any) -> Any:
    return verdict("q", "python", RawRun(stdout=stdout, exit_code=raw.pop("exit_code", 0), **raw), NONCE, IDS)


def test_all_tests_passing_is_a_pass_with_tests_in_file_order() -> None:
    result = judge(report(complete(["passed", "passed"])))
    assert result.status == "pass"
    assert (result.passed, result.failed, result.total) == (2, 0, 2)
    assert [t.name for t in result.tests] == ["test_one", "test_two[1]"]
    assert result.message is None


def test_one_failing_test_is_a_fail_and_carries_its_message() -> None:
    result = judge(report(complete(["passed", "failed"])))
    assert result.status == "fail"
    assert (result.passed, result.failed) == (1, 1)
    assert result.tests[1].message == "expected 3, got 4"


def test_a_skipped_test_is_not_a_pass() -> None:
    assert judge(report(complete(["passed", "skipped"]))).status == "fail"


def test_no_report_is_an_error_not_a_pass() -> None:
    result = judge("3 passed in 0.01s\n")
    assert result.status == "error"
    assert "without a complete report" in (result.message or "")


def test_a_report_with_another_nonce_is_ignored() -> None:
    assert judge(report(complete(["passed", "passed"]), nonce="forged")).status == "error"


def test_a_run_without_its_finish_event_is_an_error() -> None:
    events = complete(["passed", "passed"])[:-1]
    result = judge(report(events))
    assert result.status == "error"
    assert "ended early" in (result.message or "")


def test_a_test_count_that_differs_from_the_grader_is_an_error() -> None:
    events = complete(["passed", "passed"])
    events[0] = {"event": "collected", "ids": IDS[:1]}
    result = judge(report(events))
    assert result.status == "error"
    assert "the grader has 2 tests but the run collected 1" in (result.message or "")


def test_a_missing_result_for_a_collected_test_is_an_error() -> None:
    events = [e for e in complete(["passed", "passed"]) if e.get("nodeid") != IDS[1]]
    assert judge(report(events)).status == "error"


def test_a_tampered_report_is_an_error_even_if_everything_passed() -> None:
    result = judge(report(complete(["passed", "passed"]), tampered=True))
    assert result.status == "error"
    assert "interfered" in (result.message or "")


def test_an_import_failure_is_an_error_with_its_message() -> None:
    events = [{"event": "collect_error", "nodeid": "test_a.py", "message": "ImportError: cannot import name 'f'"},
              {"event": "collected", "ids": []}, {"event": "finish", "exitstatus": 2}]
    result = judge(report(events, returncode=2))
    assert result.status == "error"
    assert "cannot import name 'f'" in (result.message or "")


def test_the_time_limit_is_a_timeout_whatever_the_output_says() -> None:
    result = judge(report(complete(["passed", "passed"])), timed_out=True)
    assert result.status == "timeout"
    assert result.total == 2


def test_an_oom_kill_is_a_memory_verdict() -> None:
    assert judge("", oom_killed=True, exit_code=137).status == "memory"


def test_a_memory_error_in_a_test_is_a_memory_verdict() -> None:
    events = complete(["passed", "failed"])
    events[2]["memory"] = True
    assert judge(report(events)).status == "memory"


def test_json_shape_matches_the_contract() -> None:
    data = judge(report(complete(["passed", "failed"]))).to_json()
    assert list(data) == ["question", "language", "status", "passed", "failed", "total", "duration_s", "message",
                          "tests"]
    assert list(data["tests"][0]) == ["name", "status", "message", "output"]
