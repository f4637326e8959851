"""`drillkit check --json` prints the contract's JSON for each verdict, with real containers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_BANK, HOSTILE, Invoke

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]
GRADER = FIXTURE_BANK / "graders" / "sandbox-add" / "python"


def check(run: Invoke, file: Path) -> tuple[dict[str, object], int]:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(file), "--json")
    return json.loads(result.stdout), result.exit_code


def test_a_passing_submission(run: Invoke) -> None:
    data, code = check(run, GRADER / "reference.py")
    assert code == 0
    assert data["status"] == "pass"
    assert (data["passed"], data["failed"], data["total"]) == (3, 0, 3)
    assert [t["name"] for t in data["tests"]] == ["test_adds_small_numbers", "test_adds_negative_numbers",  # type: ignore[index]
                                                   "test_adds_zero"]
    assert data["message"] is None


def test_a_failing_submission_says_what_was_expected(run: Invoke, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text("def add(a, b):\n    return a + b if a >= 0 else 0\n")
    data, code = check(run, wrong)
    assert code == 1
    assert data["status"] == "fail"
    assert (data["passed"], data["failed"]) == (2, 1)
    failing = [t for t in data["tests"] if t["status"] == "fail"]  # type: ignore[union-attr]
    assert "expected add(-2, -3) == -5" in failing[0]["message"]


def test_an_erroring_submission(run: Invoke) -> None:
    data, code = check(run, HOSTILE / "syntax_error.py")
    assert code == 1
    assert data["status"] == "error"


def test_a_timing_out_submission(run: Invoke) -> None:
    data, code = check(run, HOSTILE / "sleep_forever.py")
    assert code == 1
    assert data["status"] == "timeout"


def test_the_table_view_shows_a_verdict_line(run: Invoke) -> None:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(GRADER / "reference.py"))
    assert result.exit_code == 0
    assert "PASS  3/3 tests passed" in result.stdout


def test_a_runtime_the_daemon_lacks_is_refused_with_the_fix(run: Invoke) -> None:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(GRADER / "reference.py"),
                 "--runtime", "no-such-runtime")
    assert result.exit_code == 3
    assert "has no runtime 'no-such-runtime'" in result.stderr
    assert "runc" in result.stderr
