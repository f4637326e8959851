"""`drillkit grade`: a batch of candidates in the sandbox, the summary, the reports, exit codes and bad input."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.conftest import FIXTURE_BANK, HOSTILE, REPO, Invoke

RIGHT = "def add(a, b):\n    return a + b\n"
WRONG_SIGN = "def add(a, b):\n    return a - b\n"
WRONG_NEGATIVES = "def add(a, b):\n    return a + b if a >= 0 else 0\n"
SYNTAX_ERROR = "def add(a, b)\n    return a + b\n"
# Long enough to compare: an add() that checks its arguments, a disguised copy of it, and one written apart.
CHECKED = '''
def _number(value, name):
    """Reject anything but an int or a float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__}")
    return value


def add(a, b):
    first = _number(a, "a")
    second = _number(b, "b")
    result = first + second
    if result != result:
        raise ValueError("result is not a number")
    return result
'''
CHECKED_COPY = '''
def add(x, y):
    # sum two numbers
    lhs = checked(x, "a"); rhs = checked(y, "b")
    total = lhs + rhs
    if total != total: raise ValueError("NaN result")
    return total


def checked(v, label):
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise TypeError(f"{label} should be numeric, not {type(v).__name__}")
    return v
'''
CHECKED_APART = '''
import numbers
import operator


def add(a, b):
    for value in (a, b):
        if not isinstance(value, numbers.Real) or type(value) is bool:
            raise TypeError("add() takes two real numbers")
    return operator.add(a, b)
'''
LRU = REPO / "tests" / "fixtures" / "similarity" / "lru-cache"


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
    line = one_error_line(grade(run, str(submissions(tmp_path, a=RIGHT)), "--report", str(tmp_path / "r.txt")))
    assert "cannot tell the report format of r.txt" in line


def test_a_missing_submission(run: Invoke, tmp_path: Path) -> None:
    line = one_error_line(grade(run, str(tmp_path / "ghost.py")))
    assert "no such submission file or folder" in line


def test_no_submissions_named(run: Invoke) -> None:
    line = one_error_line(grade(run))
    assert "name the submissions to grade" in line


def test_a_question_that_is_not_coding(run: Invoke, tmp_path: Path) -> None:
    result = run("grade", "redis-eviction-allkeys-lru", str(submissions(tmp_path, a=RIGHT)))
    assert "only coding questions are graded" in one_error_line(result)


def test_a_similarity_threshold_out_of_range(run: Invoke, tmp_path: Path) -> None:
    result = grade(run, str(submissions(tmp_path, a=RIGHT)), "--similarity-threshold", "1.5")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '--similarity-threshold'" in result.stderr and "0<=x<=1" in result.stderr


class NoDaemon:
    """A backend whose daemon is gone: every grading ends as that candidate's error, and the comparison still runs."""

    name = "gone"

    def runner_id(self, language: str) -> str:
        raise ConnectionError("daemon went away")

    def run(self, job: Any) -> Any:  # pragma: no cover - runner_id fails first
        raise AssertionError


@pytest.fixture
def no_daemon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drillkit.interviewing.batch.connect_backend", lambda runtime=None: NoDaemon())


@pytest.mark.usefixtures("no_daemon")
def test_similar_submissions_are_listed_and_written_to_every_report(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, alice=(LRU / "ind_ordereddict.py").read_text(),
                         bob=(LRU / "copy_ordereddict__renamed_reordered.py").read_text(),
                         carol=(LRU / "ind_linked_list.py").read_text())
    reports = {ext: tmp_path / f"results.{ext}" for ext in ("json", "csv", "xml", "html")}
    result = grade(run, str(folder), *(arg for path in reports.values() for arg in ("--report", str(path))))
    assert result.exit_code == 1, result.output
    assert "similar submissions (score 0.70 or more)" in result.stdout
    (row,) = [line for line in result.stdout.splitlines() if "alice ↔ bob" in line]
    assert re.search(r"0\.9\d .*python .*\d+-\d+ ↔ \d+-\d+", row)
    assert "carol ↔" not in result.stdout and "↔ carol" not in result.stdout
    assert "1 of 3 pair(s) flagged" in result.stdout and "not proof of copying" in result.stdout
    assert all(path.exists() for path in reports.values())
    data = json.loads(reports["json"].read_text())
    assert [(p["a"], p["b"]) for p in data["similarity"]["flagged"]] == [("alice", "bob")]
    with reports["csv"].open() as handle:
        assert {r["candidate"]: r["similar"] for r in csv.DictReader(handle)} == {"alice": "yes", "bob": "yes",
                                                                                   "carol": "no"}
    page = reports["html"].read_text()
    assert all(f">{name}</h2>" in page for name in ("alice", "bob", "carol"))
    assert "alice ↔ bob" in page


@pytest.mark.usefixtures("no_daemon")
def test_no_similar_pair_is_said_in_one_line(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, alice=(LRU / "ind_ordereddict.py").read_text(),
                         carol=(LRU / "ind_linked_list.py").read_text(), dora=RIGHT)
    result = grade(run, str(folder), "--similarity-threshold", "0.9")
    assert "no similar submissions: none of 1 pair(s) scored 0.90 or more" in result.stdout
    assert "not compared for similarity: dora: too little code of its own to compare" in result.stderr


@pytest.mark.usefixtures("no_daemon")
def test_the_json_output_carries_the_comparison_and_names_stay_inert(run: Invoke, tmp_path: Path) -> None:
    hostile = "eve\x1b[2J\x1b]52;c;aGk=\x07"
    folder = submissions(tmp_path, alice=(LRU / "ind_linked_list.py").read_text())
    (folder / f"{hostile}.py").write_text((LRU / "copy_linked_list__renamed_reordered.py").read_text())
    result = grade(run, str(folder))
    assert "\x1b" not in result.output
    assert "alice ↔ eve\\x1b[2J\\x1b]52;c;aGk=\\x07" in result.stdout
    data = json.loads(grade(run, str(folder), "--json").stdout)
    (pair,) = data["similarity"]["flagged"]
    assert pair["b"] == "eve\\x1b[2J\\x1b]52;c;aGk=\\x07" and pair["score"] > 0.9
    assert data["results"][0]["similarity"]["similar_to"] == [pair["b"]]


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


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_a_graded_batch_flags_the_copy_and_the_html_report_has_everyone(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, alice=CHECKED, bob=CHECKED_COPY, carol=CHECKED_APART, dave=WRONG_SIGN)
    page = tmp_path / "review.html"
    result = grade(run, str(folder), "--jobs", "2", "--report", str(page))
    assert result.exit_code == 1, result.output  # dave's sign is wrong
    assert "3 pass, 1 fail" in result.stdout
    assert re.search(r"alice ↔ bob +│ +0\.\d\d", result.stdout), result.stdout
    assert "carol ↔" not in result.stdout and "↔ carol" not in result.stdout
    text = page.read_text()
    for name, verdict in (("alice", "PASS"), ("bob", "PASS"), ("carol", "PASS"), ("dave", "FAIL")):
        section = text[text.index(f">{name}</h2>"):].split("</section>")[0]
        assert f">{verdict}</span>" in section and "test_adds_negative_numbers" in section
    assert "expected add(2, 3) == 5" in text  # dave's failing test says what was expected


@pytest.mark.usefixtures("docker_ready")
def test_a_folder_of_mixed_languages_grades_each_file_in_its_own(run: Invoke, tmp_path: Path) -> None:
    folder = submissions(tmp_path, ann=RIGHT)
    (folder / "ben.go").write_text("package solution\n\nfunc Add(a, b int) int { return a + b }\n")
    result = grade(run, str(folder), "--json")
    assert result.exit_code == 1, result.output
    data = {r["candidate"]: r for r in json.loads(result.stdout)["results"]}
    assert data["ann"]["status"] == "pass"
    # The fixture exercise is Python only: a Go file is that candidate's error, named, not the batch's.
    assert data["ben"]["status"] == "error" and "has no grader for go; it has: python" in data["ben"]["message"]
