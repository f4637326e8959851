"""The verdict rules of the grading contract, on hand-made reports (no Docker needed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sandbox.result import RawRun, verdict

NONCE = "n0nce"
IDS = ["test_a.py::test_one", "test_a.py::test_two[1]"]


def report(events: list[dict[str, Any]], *, returncode: int = 0, nonce: str = NONCE) -> str:
    body = {"version": 2, "run": {"events": events, "returncode": returncode}}
    return f"noise before\nDRILLKIT-REPORT {nonce} {json.dumps(body)}\n"


def complete(statuses: list[str], load: str = "ok") -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = [{"event": "load", "status": load, "message": None},
                                    {"event": "collected", "ids": IDS}]
    for nodeid, status in zip(IDS, statuses, strict=True):
        events.append({"event": "test", "nodeid": nodeid, "status": status,
                       "message": None if status == "pass" else "expected 3, got 4", "output": "hi"})
    events.append({"event": "finish", "exitstatus": 0})
    return events


def judge(stdout: str, **raw: Any) -> Any:
    return verdict("q", "python", RawRun(stdout=stdout, exit_code=raw.pop("exit_code", 0), **raw), NONCE, IDS)


def test_all_tests_passing_is_a_pass_with_tests_in_file_order() -> None:
    result = judge(report(complete(["pass", "pass"])))
    assert result.status == "pass"
    assert (result.passed, result.failed, result.total) == (2, 0, 2)
    assert [t.name for t in result.tests] == ["test_one", "test_two[1]"]
    assert result.message is None


def test_one_failing_test_is_a_fail_and_carries_its_message() -> None:
    result = judge(report(complete(["pass", "fail"])))
    assert result.status == "fail"
    assert (result.passed, result.failed) == (1, 1)
    assert result.tests[1].message == "expected 3, got 4"


def test_a_skipped_test_is_not_a_pass() -> None:
    assert judge(report(complete(["pass", "skip"]))).status == "fail"


def test_no_report_is_an_error_not_a_pass() -> None:
    result = judge("3 passed in 0.01s\n")
    assert result.status == "error"
    assert "without a complete report" in (result.message or "")


def test_a_report_with_another_nonce_is_ignored() -> None:
    assert judge(report(complete(["pass", "pass"]), nonce="forged")).status == "error"


def test_a_run_without_its_finish_event_is_an_error() -> None:
    events = complete(["pass", "pass"])[:-1]
    result = judge(report(events))
    assert result.status == "error"
    assert "ended early" in (result.message or "")


def test_a_test_count_that_differs_from_the_grader_is_an_error() -> None:
    events = complete(["pass", "pass"])
    events[0] = {"event": "collected", "ids": IDS[:1]}
    result = judge(report(events))
    assert result.status == "error"
    assert "the grader has 2 tests but the run collected 1" in (result.message or "")


def test_a_missing_result_for_a_collected_test_is_an_error() -> None:
    events = [e for e in complete(["pass", "pass"]) if e.get("nodeid") != IDS[1]]
    assert judge(report(events)).status == "error"


def test_a_test_status_outside_the_contract_is_an_error_for_that_test() -> None:
    events = complete(["pass", "pass"])
    events[3]["status"] = "passed-really"
    result = judge(report(events))
    assert result.status == "fail"
    assert [t.status for t in result.tests] == ["pass", "error"]


def test_one_hung_test_among_passing_ones_is_a_fail_naming_the_timeout() -> None:
    result = judge(report(complete(["pass", "timeout"])))
    assert result.status == "fail"
    assert result.tests[1].status == "timeout"
    assert "1 timed out" in (result.message or "")


def test_every_test_hung_is_a_timeout() -> None:
    assert judge(report(complete(["timeout", "timeout"]))).status == "timeout"


def test_hung_and_out_of_memory_tests_with_none_passing_is_memory() -> None:
    assert judge(report(complete(["timeout", "memory"]))).status == "memory"


def test_an_assertion_failure_beside_a_hang_is_a_fail() -> None:
    assert judge(report(complete(["fail", "timeout"]))).status == "fail"


@pytest.mark.parametrize(("load", "status"), [("error", "error"), ("timeout", "timeout"), ("memory", "memory"),
                                              ("anything-else", "error")])
def test_a_submission_that_does_not_load_takes_the_load_status(load: str, status: str) -> None:
    events = complete(["timeout", "timeout"], load=load)
    events[0]["message"] = "SyntaxError: invalid syntax (solution line 3)"
    result = judge(report(events))
    assert result.status == status
    assert "SyntaxError" in (result.message or "")


def test_a_failed_load_wins_over_tests_that_claim_to_pass() -> None:
    assert judge(report(complete(["pass", "pass"], load="error"))).status == "error"


def test_a_grader_that_cannot_be_imported_is_an_error_with_its_message() -> None:
    events = [{"event": "load", "status": "ok", "message": None},
              {"event": "collect_error", "nodeid": "test_a.py", "message": "ImportError: cannot import name 'f'"},
              {"event": "collected", "ids": []}, {"event": "finish", "exitstatus": 2}]
    result = judge(report(events, returncode=2))
    assert result.status == "error"
    assert "cannot import name 'f'" in (result.message or "")


def test_the_time_limit_is_a_timeout_whatever_the_output_says() -> None:
    result = judge(report(complete(["pass", "pass"])), timed_out=True)
    assert result.status == "timeout"
    assert result.total == 2


def test_an_oom_kill_without_a_report_is_a_memory_verdict() -> None:
    assert judge("", oom_killed=True, exit_code=137).status == "memory"


def test_an_oom_kill_of_a_solution_process_does_not_hide_the_tests() -> None:
    # The solution process is the first the kernel kills; the report still says which tests it took down.
    result = judge(report(complete(["pass", "memory"])), oom_killed=True)
    assert result.status == "fail"
    assert result.tests[1].status == "memory"


def test_json_shape_matches_the_contract() -> None:
    data = judge(report(complete(["pass", "fail"]))).to_json()
    assert list(data) == ["question", "language", "status", "passed", "failed", "total", "duration_s", "message",
                          "tests"]
    assert list(data["tests"][0]) == ["name", "status", "message", "output"]
