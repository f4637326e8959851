"""Batch grading: finding submissions, running them in parallel, Ctrl-C, isolation, and the reports."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing.batch import (
    BatchReport,
    CandidateResult,
    Submission,
    collect_submissions,
    grade_batch,
    report_csv,
    report_format,
    report_json,
    report_junit,
    run_batch,
    write_report,
)
from drillkit.interviewing.similarity import SourceFile, compare
from sandbox import GradeResult
from sandbox import TestResult as GradedTest
from sandbox.backend import Job
from sandbox.result import RawRun
from tests.conftest import FIXTURE_BANK, HOSTILE, REPO

RIGHT = "def add(a, b):\n    return a + b\n"
WRONG = "def add(a, b):\n    return a - b\n"
SIMILAR = REPO / "tests" / "fixtures" / "similarity"
ORIGINAL = (SIMILAR / "lru-cache" / "ind_ordereddict.py").read_text()
DISGUISED = (SIMILAR / "lru-cache" / "copy_ordereddict__renamed_reordered.py").read_text()
INDEPENDENT = (SIMILAR / "lru-cache" / "ind_linked_list.py").read_text()


def folder_of(tmp_path: Path, **sources: str) -> Path:
    folder = tmp_path / "submissions"
    folder.mkdir(exist_ok=True)
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source)
    return folder


# --- finding the submissions ------------------------------------------------------------------------------


def test_a_folder_gives_one_candidate_per_file_named_by_its_stem(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, bob=RIGHT, alice=WRONG)
    (folder / ".DS_Store").write_text("")
    (folder / "notes").mkdir()
    extra = tmp_path / "carol.py"
    extra.write_text(RIGHT)
    found = collect_submissions([folder, extra])
    assert [(s.candidate, s.path.name) for s in found] == [("alice", "alice.py"), ("bob", "bob.py"),
                                                           ("carol", "carol.py")]


def test_a_folder_without_files_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".hidden").write_text("")
    with pytest.raises(UsageError, match="holds no submission files"):
        collect_submissions([empty])


def test_two_files_for_one_candidate_are_refused(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, alice=RIGHT)
    (folder / "alice.txt").write_text(RIGHT)
    with pytest.raises(UsageError, match="two submissions for candidate 'alice'"):
        collect_submissions([folder])


def test_the_same_name_in_two_folders_is_refused(tmp_path: Path) -> None:
    for team in ("a", "b"):
        (tmp_path / team).mkdir()
        (tmp_path / team / "sam.py").write_text(RIGHT)
    with pytest.raises(UsageError, match="two submissions for candidate 'sam'"):
        collect_submissions([tmp_path / "a", tmp_path / "b"])


def test_a_missing_path_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such submission file or folder"):
        collect_submissions([tmp_path / "nobody.py"])


def test_no_paths_at_all_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="name the submissions to grade"):
        collect_submissions([])


# --- the report path ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [("r.json", "json"), ("r.CSV", "csv"), ("junit.xml", "xml"),
                                          ("review.html", "html")])
def test_the_report_format_follows_the_extension(tmp_path: Path, name: str, fmt: str) -> None:
    assert report_format(tmp_path / name) == fmt


def test_an_unknown_report_extension_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"end the file name in \.json, \.csv, \.xml \(JUnit\) or \.html"):
        report_format(tmp_path / "report.txt")


def test_a_report_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="does not exist"):
        report_format(tmp_path / "nowhere" / "report.json")


def test_a_report_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(UsageError, match="is not a folder"):
        report_format(blocker / "report.json")


# --- running in parallel ------------------------------------------------------------------------------------


def fake_result(submission: Submission, status: str = "pass") -> CandidateResult:
    return CandidateResult(submission.candidate, submission.path, status, 3 if status == "pass" else 1, 0, 3, 0.1)


def submissions(count: int) -> list[Submission]:
    return [Submission(f"c{i:02d}", Path(f"c{i:02d}.py")) for i in range(count)]


def test_results_come_back_in_candidate_order_whatever_finishes_first() -> None:
    def grade_one(submission: Submission) -> CandidateResult:
        time.sleep(0.05 if submission.candidate == "c00" else 0.0)
        return fake_result(submission)

    seen: list[str] = []
    results = run_batch(submissions(5), grade_one, jobs=3, on_result=lambda r: seen.append(r.candidate))
    assert [r.candidate for r in results] == ["c00", "c01", "c02", "c03", "c04"]
    assert sorted(seen) == [r.candidate for r in results]


def test_jobs_run_at_the_same_time() -> None:
    running = 0
    most = 0
    lock = threading.Lock()

    def grade_one(submission: Submission) -> CandidateResult:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.1)
        with lock:
            running -= 1
        return fake_result(submission)

    run_batch(submissions(4), grade_one, jobs=2)
    assert most == 2


def test_ctrl_c_cancels_what_waits_and_lets_what_runs_finish() -> None:
    started: list[str] = []
    finished: list[str] = []
    lock = threading.Lock()

    def grade_one(submission: Submission) -> CandidateResult:
        with lock:
            started.append(submission.candidate)
        time.sleep(0.05)
        with lock:
            finished.append(submission.candidate)
        return fake_result(submission)

    def interrupt(result: CandidateResult) -> None:
        raise KeyboardInterrupt

    stopping: list[bool] = []
    with pytest.raises(KeyboardInterrupt):
        run_batch(submissions(20), grade_one, jobs=2, on_result=interrupt, on_stopping=lambda: stopping.append(True))
    assert stopping == [True]
    assert len(started) < 20
    assert sorted(finished) == sorted(started)  # nothing is left running when the interrupt goes on


class BrokenBackend:
    """A backend whose daemon has gone away mid-batch."""

    name = "broken"

    def runner_id(self, language: str) -> str:
        raise ConnectionError("daemon went away")

    def run(self, job: Job) -> RawRun:  # pragma: no cover - runner_id fails first
        raise AssertionError


def test_a_failing_grading_is_that_candidates_error_not_the_batchs(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, alice=RIGHT)
    (folder / "huge.py").write_bytes(b"#" * (2 * 1024 * 1024))
    report = grade_batch(load_bank([FIXTURE_BANK]), "sandbox-add", collect_submissions([folder]), jobs=2,
                         backend_factory=BrokenBackend)
    by_name = {r.candidate: r for r in report.results}
    assert by_name["alice"].status == "error"
    assert "ConnectionError: daemon went away" in (by_name["alice"].message or "")
    assert by_name["huge"].status == "error" and "may be at most" in (by_name["huge"].message or "")
    assert not report.all_passed


def test_after_grading_the_submissions_are_compared_within_each_language(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, alice=ORIGINAL, bob=DISGUISED, carol=INDEPENDENT)
    (folder / "gopher.go").write_text((SIMILAR / "go" / "ind_list.go").read_text())
    (folder / "gordon.go").write_text((SIMILAR / "go" / "copy_list__renamed_reordered.go").read_text())
    (folder / "binary.py").write_bytes(b"\xff\xfe not text")
    (folder / "huge.py").write_bytes(b"#" * (2 * 1024 * 1024))
    report = grade_batch(load_bank([FIXTURE_BANK]), "sandbox-add", collect_submissions([folder]), jobs=2,
                         backend_factory=BrokenBackend)
    assert {r.status for r in report.results} == {"error"}  # a failed grading is still compared
    similarity = report.similarity
    assert similarity is not None
    assert {(p.a, p.b, p.language) for p in similarity.flagged} == {("alice", "bob", "python"),
                                                                    ("gopher", "gordon", "go")}
    assert similarity.compared == 3 + 1  # alice, bob, carol; gopher, gordon
    assert {s.candidate: s.reason for s in similarity.skipped} == {
        "binary": "not UTF-8 text", "huge": f"{folder / 'huge.py'} is 2048 KB; a submission may be at most 1024 KB"}


def test_the_starter_is_found_for_the_grading_language(tmp_path: Path) -> None:
    starter = (FIXTURE_BANK / "graders" / "sandbox-add" / "python" / "starter.py").read_text()
    # Both hand in the starter with one line each: nothing of their own to compare.
    folder = folder_of(tmp_path, ann=starter + "\nX = 1\n", ben=starter + "\nY = 2\n")
    report = grade_batch(load_bank([FIXTURE_BANK]), "sandbox-add", collect_submissions([folder]), jobs=1,
                         backend_factory=BrokenBackend)
    assert report.similarity is not None and report.similarity.flagged == ()
    assert [s.candidate for s in report.similarity.skipped] == ["ann", "ben"]


def test_the_comparison_can_be_turned_off_and_its_threshold_is_checked(tmp_path: Path) -> None:
    submissions = collect_submissions([folder_of(tmp_path, a=ORIGINAL, b=DISGUISED)])
    bank = load_bank([FIXTURE_BANK])
    report = grade_batch(bank, "sandbox-add", submissions, backend_factory=BrokenBackend, similarity_threshold=None)
    assert report.similarity is None and json.loads(report_json(report))["similarity"] is None
    with pytest.raises(UsageError, match=r"the similarity threshold must be between 0 and 1, got 1\.5"):
        grade_batch(bank, "sandbox-add", submissions, backend_factory=BrokenBackend, similarity_threshold=1.5)


def test_only_coding_questions_are_graded(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="only coding questions are graded"):
        grade_batch(load_bank(), "redis-eviction-allkeys-lru", collect_submissions([folder_of(tmp_path, a=RIGHT)]),
                    backend_factory=BrokenBackend)


def test_jobs_out_of_range_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--jobs must be between 1 and"):
        grade_batch(load_bank([FIXTURE_BANK]), "sandbox-add", [], jobs=0, backend_factory=BrokenBackend)


# --- reports ------------------------------------------------------------------------------------------------


def sample_report() -> BatchReport:
    passing = GradeResult("sandbox-add", "python", "pass", 2, 0, 2, 0.4,
                          tests=(GradedTest("test_a", "pass"), GradedTest("test_b", "pass")))
    failing = GradeResult("sandbox-add", "python", "fail", 1, 1, 2, 0.5, "1 of 2 tests did not pass",
                          (GradedTest("test_a", "pass"), GradedTest("test_b", "fail", "expected 5, got <-1>", "out")))
    results = (
        CandidateResult("alice", Path("alice.py"), "pass", 2, 0, 2, 1.25, None, passing),
        CandidateResult("bob", Path("bob.py"), "fail", 1, 1, 2, 1.5, "1 of 2 tests did not pass", failing),
        CandidateResult("mallory", Path("mallory.py"), "timeout", 0, 0, 2, 8.0, "the time limit was hit"),
    )
    return BatchReport("sandbox-add", "python", 2, 9.5, results)


def test_the_json_report_has_every_candidate_with_the_tests() -> None:
    data = json.loads(report_json(sample_report()))
    assert data["counts"] == {"pass": 1, "fail": 1, "timeout": 1}
    assert [(r["candidate"], r["status"]) for r in data["results"]] == [("alice", "pass"), ("bob", "fail"),
                                                                        ("mallory", "timeout")]
    assert data["results"][1]["tests"][1]["message"] == "expected 5, got <-1>"


def test_the_csv_report_has_one_row_per_candidate() -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(sample_report()))))
    assert [(r["candidate"], r["status"], r["passed"], r["total"]) for r in rows] == [
        ("alice", "pass", "2", "2"), ("bob", "fail", "1", "2"), ("mallory", "timeout", "0", "2")]
    assert rows[2]["message"] == "the time limit was hit"


def test_the_junit_report_is_one_suite_per_candidate() -> None:
    root = ET.fromstring(report_junit(sample_report()))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "1")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert [c.get("name") for c in suites["alice"].iter("testcase")] == ["test_a", "test_b"]
    failure = suites["bob"].find("testcase[@name='test_b']/failure")
    assert failure is not None and failure.get("message") == "expected 5, got <-1>"
    error = suites["mallory"].find("testcase/error")
    assert error is not None and error.get("type") == "timeout"


def report_with_similarity(bob: str = "bob") -> BatchReport:
    """alice and bob handed in the same code (bob disguised it); mallory wrote her own."""
    report = sample_report()
    results = tuple(dataclasses.replace(r, candidate=bob) if r.candidate == "bob" else r for r in report.results)
    sources = [SourceFile("alice", "python", ORIGINAL), SourceFile(bob, "python", DISGUISED),
               SourceFile("mallory", "python", INDEPENDENT)]
    return dataclasses.replace(report, results=results, similarity=compare(sources))


def test_the_json_report_carries_every_flagged_pair_with_its_score_and_regions() -> None:
    data = json.loads(report_json(report_with_similarity()))
    similarity = data["similarity"]
    assert similarity["threshold"] == 0.7 and similarity["compared_pairs"] == 3
    (pair,) = similarity["flagged"]
    assert (pair["a"], pair["b"], pair["language"]) == ("alice", "bob", "python")
    assert pair["score"] >= 0.9
    assert all(1 <= r["a_lines"][0] <= r["a_lines"][1] and 1 <= r["b_lines"][0] <= r["b_lines"][1]
               for r in pair["regions"])
    assert "not a verdict of copying" in similarity["note"]
    per_candidate = {r["candidate"]: r["similarity"] for r in data["results"]}
    assert per_candidate["alice"] == {"flagged": True, "similar_to": ["bob"], "nearest": "bob",
                                      "score": pair["score"]}
    assert per_candidate["mallory"]["flagged"] is False and per_candidate["mallory"]["similar_to"] == []


def test_the_csv_report_carries_the_flag_per_candidate_with_names_neutralised() -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(report_with_similarity(bob="=HYPERLINK(1)")))))
    assert [(r["candidate"], r["similar"]) for r in rows] == [("alice", "yes"), ("'=HYPERLINK(1)", "yes"),
                                                              ("mallory", "no")]
    assert rows[0]["similar_to"].startswith("'=HYPERLINK(1) 0.9")  # a name starting a cell is no formula
    assert rows[1]["similar_to"].startswith("alice 0.9")
    assert rows[2]["similar_to"] == "" and 0 < float(rows[2]["max_similarity"]) < 0.7


def test_the_junit_report_carries_the_flag_as_suite_properties() -> None:
    root = ET.fromstring(report_junit(report_with_similarity()))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    properties = {name: {p.get("name"): p.get("value") for p in suite.iter("property")}
                  for name, suite in suites.items()}
    assert properties["alice"]["drillkit.similar"] == "yes"
    assert properties["alice"]["drillkit.similar_to"].startswith("bob 0.9")
    assert properties["mallory"]["drillkit.similar"] == "no"
    assert next(iter(suites["bob"])).tag == "properties"  # JUnit wants them before the test cases


def test_write_report_picks_the_renderer_and_reports_a_failed_write(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    assert write_report(sample_report(), target) == "xml"
    assert target.read_text().startswith('<?xml version="1.0"')
    with pytest.raises(UsageError, match="cannot write the report"):
        write_report(sample_report(), tmp_path / "missing" / "out.json")


# --- with real containers -----------------------------------------------------------------------------------


def our_containers() -> list[object]:
    from sandbox.docker_backend import connect

    return list(connect().api.containers(all=True, filters={"label": f"org.drillkit.owner-pid={os.getpid()}"}))


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_ctrl_c_in_a_real_batch_leaves_no_container(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, **{f"c{i}": RIGHT for i in range(5)})
    # Sorted first, the endless loop is running when the interrupt comes: its container must still go.
    (folder / "a-loop.py").write_text((HOSTILE / "infinite_loop.py").read_text())
    done: list[str] = []

    def interrupt(result: CandidateResult) -> None:
        done.append(result.candidate)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        grade_batch(load_bank([FIXTURE_BANK]), "sandbox-add", collect_submissions([folder]), jobs=2,
                    on_result=interrupt)
    assert len(done) == 1
    assert our_containers() == []
