"""`drillkit grade`: a batch of candidates in the sandbox, the summary, the reports, exit codes and bad input."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import FIXTURE_BANK, HOSTILE, Invoke

RIGHT = "def add(a, b):\n    return a + b\n"
WRONG_SIGN = "def add(a, b):\n    return a - b\n"
WRONG_NEGATIVES = "def add(a, b):\n    return a + b if a >= 0 else 0\n"
SYNTAX_ERROR = "def add(a, b)\n    return a + b\n"


def grade(run: Invoke, *args: str) -> Result:
    return run("--bank", str(FIXTURE_BANK), "grade", "sandbox-add", *args)


def submissions(tmp_path: Path, **sources: str) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir(exist_ok=True)
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source)
    return folder


def one_error_line(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- bad input: caught before any container starts --------------------------------------------------------


def test_a_folder_with_no_files(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    line = one_error_line(grade(run, str(tmp_path / "empty")))
    assert "holds no submission files" in line


def test_duplicate_candidate_names(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, alice=RIGHT)
    (folder / "alice.txt").write_text(RIGHT)
    line = one_error_line(grade(run, str(folder)))
    assert "two submissions for candidate 'alice'" in line


def test_an_unwritable_report_path(run: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    line = one_error_line(grade(run, str(submissions(tmp_path, a=RIGHT)), "--report", str(blocker / "r.json")))
    assert "cannot write the report" in line and "is not a folder" in line


def test_a_report_of_unknown_type(run: Invoke, tmp_path: Path) -> None:
    line = one_error_line(grade(run, str(submissions(tmp_path, a=RIGHT)), "--report", str(tmp_path / "r.html")))
    assert "cannot tell the report format of r.html" in line


def test_a_missing_submission(run: Invoke, tmp_path: Path) -> None:
    line = one_error_line(grade(run, str(tmp_path / "ghost.py")))
    assert "no such submission file or folder" in line


def test_no_submissions_named(run: Invoke) -> None:
    line = one_error_line(grade(run))
    assert "name the submissions to grade" in line


def test_a_question_that_is_not_coding(run: Invoke, tmp_path: Path) -> None:
    result = run("grade", "redis-eviction-allkeys-lru", str(submissions(tmp_path, a=RIGHT)))
    assert "only coding questions are graded" in one_error_line(result)


def test_ctrl_c_exits_130_with_one_line(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("cli.commands.grade.grade_batch", interrupted)
    result = grade(run, str(submissions(tmp_path, a=RIGHT)))
    assert one_error_line(result, 130) == "drillkit: error: interrupted"


# --- with real containers (few and small) -----------------------------------------------------------------


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_a_batch_with_a_hostile_submission_grades_everyone_else_correctly(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, alice=RIGHT, bob=WRONG_SIGN, carol=SYNTAX_ERROR, dave=WRONG_NEGATIVES, erin=RIGHT)
    (folder / "mallory.py").write_text((HOSTILE / "infinite_loop.py").read_text())
    report = tmp_path / "junit.xml"
    result = grade(run, str(folder), "--jobs", "2", "--report", str(report))
    assert result.exit_code == 1, result.output  # grading completed, but not everyone passed
    for row in ("alice", "bob", "carol", "dave", "erin", "mallory"):
        assert row in result.stdout
    assert "6 graded" in result.stdout and "2 job(s)" in result.stdout
    assert "2 pass, 2 fail, 1 error, 1 timeout" in result.stdout
    suites = {s.get("name"): s for s in ET.parse(report).getroot().iter("testsuite")}
    verdicts = {name: (s.get("tests"), s.get("failures"), s.get("errors")) for name, s in suites.items()}
    assert verdicts == {"alice": ("3", "0", "0"), "bob": ("3", "3", "0"), "carol": ("1", "0", "1"),
                        "dave": ("3", "1", "0"), "erin": ("3", "0", "0"), "mallory": ("1", "0", "1")}
    mallory_error = suites["mallory"].find("testcase/error")
    assert mallory_error is not None and mallory_error.get("type") == "timeout"


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_an_all_passing_batch_exits_0_with_csv_and_json(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, ann=RIGHT, ben=RIGHT)
    report = tmp_path / "results.csv"
    result = grade(run, str(folder), "--jobs", "2", "--report", str(report), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"] == {"pass": 2}
    assert [(r["candidate"], r["passed"], r["total"]) for r in data["results"]] == [("ann", 3, 3), ("ben", 3, 3)]
    with report.open() as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["candidate"], r["status"]) for r in rows] == [("ann", "pass"), ("ben", "pass")]
