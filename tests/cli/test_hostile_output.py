"""What a submission writes (and what a candidate's file is named) never reaches the terminal or a report raw.

The sandbox is replaced by a grading that returns what a hostile submission could make it say, so every output
path runs without Docker: check, grade (table, --json, and the .csv, .xml and .json reports) and validate.
"""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from drillkit.interviewing.batch import CandidateResult
from sandbox import GradeResult
from sandbox import TestResult as GradedTest
from tests.conftest import FIXTURE_BANK, Invoke

RAW_OUTPUT = ("\x1b[2J\x1b[H\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ "
              "\x1b]52;c;cm0gLXJmIH4K\x07 \x9b2J FAIL\rPASS back\x08\x08 \u202eevil [bold]not bold[/bold] "
              "[link=https://evil.example]x[/link]")
SHOWN_OUTPUT = [
    "\\x1b[2J\\x1b[H\\x1b[31mred\\x1b[0m",
    "\\x1b]8;;https://evil.example\\x1b\\link",
    "\\x1b]52;c;cm0gLXJmIH4K\\x07",
    "\\x9b2J",
    "FAIL\\rPASS",
    "back\\x08\\x08",
    "\\u202eevil",
    "[bold]not bold[/bold]",
    "[link=https://evil.example]x[/link]",
]
RAW_MESSAGE = '=HYPERLINK("https://evil.example","\x1b[2Jclick")'
SHOWN_MESSAGE = '=HYPERLINK("https://evil.example","\\x1b[2Jclick")'
RAW_TEST = "test_\x1b[31mx[red]y[/red]"
SHOWN_TEST = "test_\\x1b[31mx[red]y[/red]"
RAW_TEST_MESSAGE = "assert\r1 == \x9b2"
SHOWN_TEST_MESSAGE = "assert\\r1 == \\x9b2"
# Anything of these in the output would be interpreted by the terminal, or reorder what the reviewer reads.
LIVE = ("\x1b", "\x9b", "\x9d", "\x07", "\x08", "\r", "\u202e", "\udc9b")


def hostile_result(*args: Any, **kwargs: Any) -> GradeResult:
    return GradeResult("sandbox-add", "python", "fail", 1, 1, 2, 0.5, RAW_MESSAGE, (
        GradedTest("test_ok", "pass"),
        GradedTest(RAW_TEST, "fail", RAW_TEST_MESSAGE, RAW_OUTPUT),
    ))


@pytest.fixture
def hostile_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every grading, single or batch, returns what a hostile submission could make it say."""
    for module in ("drillkit.graders", "drillkit.interviewing.batch"):
        monkeypatch.setattr(f"{module}.grade_source", hostile_result)
        monkeypatch.setattr(f"{module}.connect_backend", lambda runtime=None, while_waiting=None: object())


def assert_inert(text: str) -> None:
    live = [repr(c) for c in LIVE if c in text]
    assert not live, f"raw control characters reached the output: {live}"


def submission(tmp_path: Path) -> Path:
    file = tmp_path / "solution.py"
    file.write_text("def add(a, b):\n    return a + b\n")
    return file


# --- check ------------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("hostile_sandbox")
def test_check_shows_the_submissions_text_without_running_it(run: Invoke, tmp_path: Path) -> None:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(submission(tmp_path)))
    assert result.exit_code == 1, result.output
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    for shown in SHOWN_OUTPUT:
        assert shown in result.stdout
    assert f"output of {SHOWN_TEST}" in result.stdout  # a test name is not markup either
    assert SHOWN_MESSAGE in result.stdout


@pytest.mark.usefixtures("hostile_sandbox")
def test_check_json_carries_the_visible_text(run: Invoke, tmp_path: Path) -> None:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(submission(tmp_path)), "--json")
    assert result.exit_code == 1, result.output
    assert_inert(result.stdout)
    data = json.loads(result.stdout)
    assert data["message"] == SHOWN_MESSAGE
    failing = data["tests"][1]
    assert (failing["name"], failing["message"]) == (SHOWN_TEST, SHOWN_TEST_MESSAGE)
    assert_inert(failing["output"])  # what `jq -r` would print
    assert all(shown in failing["output"] for shown in SHOWN_OUTPUT)


# --- grade ------------------------------------------------------------------------------------------------

# File stem -> the candidate as every output must show it.
HOSTILE_NAMES = {
    "=cmd": "=cmd",
    "+sum": "+sum",
    "-dash": "-dash",
    "@at": "@at",
    "\x1b[31mevil": "\\x1b[31mevil",
    "over\rwrite": "over\\rwrite",
    "\u202eflip": "\\u202eflip",
    "[bold]bo": "[bold]bo",
}
SURROGATE_NAME = "raw\\udc9b"  # a file name that is not UTF-8: the byte 0x9b decodes to a lone surrogate


def hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir()
    for stem in HOSTILE_NAMES:
        (folder / f"{stem}.py").write_text("def add(a, b):\n    return a + b\n")
    with open(os.fsencode(folder) + b"/raw\x9b.py", "w") as handle:
        handle.write("def add(a, b):\n    return a + b\n")
    return folder


def expected_names() -> set[str]:
    return {*HOSTILE_NAMES.values(), SURROGATE_NAME}


def grade(run: Invoke, *args: str) -> Any:
    return run("--bank", str(FIXTURE_BANK), "grade", "sandbox-add", *args)


@pytest.mark.usefixtures("hostile_sandbox")
def test_grade_table_shows_hostile_names_and_messages_inertly(run: Invoke, tmp_path: Path) -> None:
    result = grade(run, str(hostile_folder(tmp_path)), "--jobs", "2")
    assert result.exit_code == 1, result.output
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    for name in expected_names():
        assert name in result.stdout
    assert "9 graded" in result.stdout


@pytest.mark.usefixtures("hostile_sandbox")
def test_grade_json_carries_the_visible_text(run: Invoke, tmp_path: Path) -> None:
    result = grade(run, str(hostile_folder(tmp_path)), "--json")
    assert result.exit_code == 1, result.output
    assert_inert(result.stdout)
    data = json.loads(result.stdout)
    assert {r["candidate"] for r in data["results"]} == expected_names()
    for row in data["results"]:
        assert_inert(row["file"])
        assert row["message"] == SHOWN_MESSAGE
        assert row["tests"][1]["name"] == SHOWN_TEST
        assert_inert(row["tests"][1]["output"])


@pytest.mark.usefixtures("hostile_sandbox")
def test_the_csv_report_has_no_formula_and_no_control(run: Invoke, tmp_path: Path) -> None:
    report = tmp_path / "results.csv"
    result = grade(run, str(hostile_folder(tmp_path)), "--report", str(report))
    assert result.exit_code == 1, result.output
    text = report.read_text(encoding="utf-8")
    assert_inert(text)
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    candidates = {r["candidate"] for r in rows}
    assert {"'=cmd", "'+sum", "'-dash", "'@at"} <= candidates
    assert {"\\x1b[31mevil", "over\\rwrite", "\\u202eflip", "[bold]bo", SURROGATE_NAME} <= candidates
    for row in rows:
        assert row["message"] == "'" + SHOWN_MESSAGE
        assert row["candidate"][0] not in "=+-@\t\r"
        assert row["file"][0] not in "=+-@\t\r"
        assert row["passed"] == "1"  # numbers stay numbers


@pytest.mark.usefixtures("hostile_sandbox")
def test_the_junit_report_is_well_formed_and_inert(run: Invoke, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    result = grade(run, str(hostile_folder(tmp_path)), "--report", str(report))
    assert result.exit_code == 1, result.output
    text = report.read_text(encoding="utf-8")
    assert_inert(text)
    root = ET.fromstring(text.encode("utf-8"))
    suites = list(root.iter("testsuite"))
    assert {s.get("name") for s in suites} == expected_names()
    for suite in suites:
        failure = suite.find("testcase/failure")
        assert failure is not None
        assert failure.get("message") == SHOWN_TEST_MESSAGE
        assert failure.text is not None and all(shown in failure.text for shown in SHOWN_OUTPUT)
        assert {c.get("name") for c in suite.iter("testcase")} == {"test_ok", SHOWN_TEST}


@pytest.mark.usefixtures("hostile_sandbox")
def test_the_json_report_carries_the_visible_text(run: Invoke, tmp_path: Path) -> None:
    report = tmp_path / "results.json"
    result = grade(run, str(hostile_folder(tmp_path)), "--report", str(report))
    assert result.exit_code == 1, result.output
    text = report.read_text(encoding="utf-8")
    assert_inert(text)
    assert {r["candidate"] for r in json.loads(text)["results"]} == expected_names()


def test_a_junit_report_of_a_grading_that_never_ran_is_well_formed(run: Invoke, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # No tests: the one "grading" case carries the candidate's error message, with every byte XML refuses.
    def broken(*args: Any, **kwargs: Any) -> GradeResult:
        raise RuntimeError("boom\x00\x0b\ufffe\ud800\x1b[2J")

    monkeypatch.setattr("drillkit.interviewing.batch.grade_source", broken)
    monkeypatch.setattr("drillkit.interviewing.batch.connect_backend", lambda runtime=None: object())
    report = tmp_path / "junit.xml"
    result = grade(run, str(hostile_folder(tmp_path)), "--report", str(report))
    assert result.exit_code == 1, result.output
    error = ET.fromstring(report.read_bytes()).find("testsuite/testcase/error")
    assert error is not None
    assert error.get("message") == "grading failed: RuntimeError: boom\\x00\\x0b\\ufffe\\ud800\\x1b[2J"


def test_two_submissions_for_one_hostile_name_are_refused_inertly(run: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "\x1b[2Jx.py").write_text("")
    (folder / "\x1b[2Jx.txt").write_text("")
    result = grade(run, str(folder))
    assert result.exit_code == 2
    assert_inert(result.stderr)
    assert "two submissions for candidate '\\x1b[2Jx'" in result.stderr


@pytest.mark.usefixtures("hostile_sandbox")
def test_the_progress_notes_name_the_candidates_inertly(run: Invoke, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # On a terminal the progress line shows each finished candidate; a pipe never sees it, so capture the notes.
    notes: list[str] = []

    @contextmanager
    def progress(description: str, total: int | None = None) -> Iterator[Any]:
        yield lambda step=1, note=None: notes.append(note)

    monkeypatch.setattr("cli.console.progress", progress)
    result = grade(run, str(hostile_folder(tmp_path)))
    assert result.exit_code == 1, result.output
    assert len(notes) == 9
    assert_inert("".join(notes))
    assert "\\x1b[31mevil: fail" in notes


# --- validate --run-graders -------------------------------------------------------------------------------


@pytest.mark.usefixtures("hostile_sandbox")
@pytest.mark.parametrize("as_json", [False, True])
def test_validate_run_graders_shows_the_details_inertly(run: Invoke, as_json: bool) -> None:
    question = FIXTURE_BANK / "questions" / "caching" / "sandbox-add.yaml"
    result = run("--bank", str(FIXTURE_BANK), "validate", "--run-graders", *(["--json"] if as_json else []),
                 str(question))
    assert result.exit_code == 1, result.output  # the reference "failed"
    assert_inert(result.stdout)
    assert_inert(result.stderr)
    if as_json:
        reference = next(c for c in json.loads(result.stdout)["graders"] if c["role"] == "reference")
        assert reference["detail"] == f"{SHOWN_MESSAGE}; failing: {SHOWN_TEST}"
    else:
        assert SHOWN_TEST in result.stdout


def test_candidate_results_are_copied_not_changed() -> None:
    from drillkit.interviewing.batch import sanitized_candidate

    raw = CandidateResult("\x1b[2Jx", Path("\x1b[2Jx.py"), "fail", 1, 1, 2, 0.5, RAW_MESSAGE, hostile_result())
    shown = sanitized_candidate(raw)
    assert (shown.candidate, str(shown.path), shown.message) == ("\\x1b[2Jx", "\\x1b[2Jx.py", SHOWN_MESSAGE)
    assert shown.grade is not None and shown.grade.tests[1].name == SHOWN_TEST
    assert raw.candidate == "\x1b[2Jx"
