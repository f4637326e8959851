"""Grading a batch of candidates' submissions to one coding question, several at a time, then comparing them.

Every submission is graded in its own container, so a hostile one (an endless loop, a fork bomb, a forged
report) ends as that candidate's own verdict and never touches another's. Threads only wait on the Docker daemon,
so a thread pool is enough; each thread keeps its own Docker client because a client's HTTP session is not
meant to be shared between threads. On Ctrl-C the gradings not yet started are cancelled and the running ones
finish (their backend removes their container in a ``finally`` block) before the interrupt goes on.

After grading, every pair of submissions in the same language is scored for similarity
(:mod:`drillkit.interviewing.similarity`); the reports carry the pairs at or above the threshold.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import threading
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from drillkit.bank import Bank
from drillkit.errors import DrillkitError, NotFoundError, UsageError
from drillkit.graders import coding_question, connect_backend, grade_source, read_submission
from drillkit.interviewing.similarity import (
    DEFAULT_THRESHOLD,
    SimilarityReport,
    Skipped,
    SourceFile,
    compare,
    language_of,
    sanitized_similarity,
)
from drillkit.model import Question
from drillkit.safe_text import csv_cell, sanitized, visible, xml_text
from sandbox import GradeResult
from sandbox.backend import Backend

ReportFormat = Literal["json", "csv", "xml", "html"]
REPORT_FORMATS: dict[str, ReportFormat] = {".json": "json", ".csv": "csv", ".xml": "xml", ".html": "html",
                                           ".htm": "html"}
MAX_JOBS = 32


@dataclass(frozen=True)
class Submission:
    candidate: str
    path: Path


@dataclass(frozen=True)
class CandidateResult:
    candidate: str
    path: Path
    status: str  # a grading verdict: pass, fail, error, timeout or memory
    passed: int
    failed: int
    total: int
    seconds: float
    message: str | None = None
    grade: GradeResult | None = None

    @property
    def ok(self) -> bool:
        return self.status == "pass"

    def to_json(self) -> dict[str, Any]:
        return {
            "candidate": self.candidate,
            "file": str(self.path),
            "status": self.status,
            "passed": self.passed,
            "failed": self.failed,
            "total": self.total,
            "seconds": round(self.seconds, 3),
            "message": self.message,
            "tests": [t.to_json() for t in self.grade.tests] if self.grade else [],
        }


@dataclass(frozen=True)
class BatchReport:
    question: str
    language: str
    jobs: int
    seconds: float
    results: tuple[CandidateResult, ...]  # in candidate order, whatever order they finished in
    similarity: SimilarityReport | None = None  # None when not compared

    @property
    def all_passed(self) -> bool:
        return all(r.ok for r in self.results)

    def counts(self) -> dict[str, int]:
        tally = Counter(r.status for r in self.results)
        return {status: tally[status] for status in ("pass", "fail", "error", "timeout", "memory") if tally[status]}

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "language": self.language,
            "jobs": self.jobs,
            "seconds": round(self.seconds, 3),
            "candidates": len(self.results),
            "counts": self.counts(),
            "results": [{**r.to_json(), "similarity": self.similarity_of(r.candidate)} for r in self.results],
            "similarity": self.similarity.to_json() if self.similarity is not None else None,
        }

    def similarity_of(self, candidate: str) -> dict[str, Any] | None:
        """The candidate's flag, the candidates it is flagged with, and its most similar submission and score."""
        nearest = self.similarity.nearest_of(candidate) if self.similarity is not None else None
        if nearest is None:
            return None
        return {"flagged": nearest.flagged, "similar_to": list(nearest.flagged_with), "nearest": nearest.other,
                "score": round(nearest.score, 3)}


# --- finding the submissions ------------------------------------------------------------------------------


def _is_submission(path: Path) -> bool:
    return path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts


def collect_submissions(paths: Sequence[Path]) -> tuple[Submission, ...]:
    """Files, or folders of one file per candidate; the candidate is the file's stem, which must be unique."""
    if not paths:
        raise UsageError("name the submissions to grade: files, or a folder with one file per candidate")
    found: list[Submission] = []
    for path in paths:
        if not path.exists():
            raise NotFoundError(f"no such submission file or folder: {path}")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if _is_submission(p))
            if not files:
                raise UsageError(f"folder {path} holds no submission files",
                                 hint="put one file per candidate in it, named after the candidate")
            found += [Submission(p.stem, p) for p in files]
        else:
            found.append(Submission(path.stem, path))
    seen: dict[str, Path] = {}
    for submission in found:
        earlier = seen.get(submission.candidate)
        if earlier is not None:
            raise UsageError(f"two submissions for candidate '{visible(submission.candidate)}': "
                             f"{visible(str(earlier))} and {visible(str(submission.path))}",
                             hint="the candidate's name is the file name without its extension; rename one")
        seen[submission.candidate] = submission.path
    return tuple(found)


def report_format(path: Path) -> ReportFormat:
    """The report's format from its extension; checked before any grading starts, like its folder."""
    fmt = REPORT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(f"cannot tell the report format of {path.name}",
                         hint="end the file name in .json, .csv, .xml (JUnit) or .html")
    if path.is_dir():
        raise UsageError(f"report path {path} is a folder", hint="name a file, e.g. results.json")
    parent = path.parent
    if not parent.exists():
        raise UsageError(f"cannot write the report {path}: folder {parent} does not exist")
    if not parent.is_dir():
        raise UsageError(f"cannot write the report {path}: {parent} is not a folder")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"cannot write the report {path}: permission denied")
    return fmt


# --- grading ----------------------------------------------------------------------------------------------

GradeOne = Callable[[Submission], CandidateResult]


def run_batch(submissions: Sequence[Submission], grade_one: GradeOne, *, jobs: int,
              on_result: Callable[[CandidateResult], None] | None = None,
              on_stopping: Callable[[], None] | None = None) -> tuple[CandidateResult, ...]:
    """Run ``grade_one`` over the submissions on ``jobs`` threads; results come back in submission order."""
    results: dict[int, CandidateResult] = {}
    executor = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="drillkit-grade")
    try:
        futures: dict[Future[CandidateResult], int] = {
            executor.submit(grade_one, submission): index for index, submission in enumerate(submissions)}
        for future in as_completed(futures):
            result = future.result()
            results[futures[future]] = result
            if on_result is not None:
                on_result(result)
    except BaseException as exc:
        # Ctrl-C (or a failing callback): drop what has not started; what runs finishes and cleans up after itself.
        if isinstance(exc, KeyboardInterrupt) and on_stopping is not None:
            on_stopping()
        executor.shutdown(wait=True, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return tuple(results[i] for i in range(len(submissions)))


def _failed_result(submission: Submission, message: str, seconds: float) -> CandidateResult:
    return CandidateResult(submission.candidate, submission.path, "error", 0, 0, 0, seconds, message)


def sandbox_grader(bank: Bank, question: Question, language: str,
                   backend_factory: Callable[[], Backend]) -> GradeOne:
    """One candidate's grading; anything that goes wrong becomes that candidate's ``error``, never the batch's."""
    local = threading.local()

    def grade_one(submission: Submission) -> CandidateResult:
        started = time.monotonic()
        try:
            source = read_submission(submission.path)
            # One folder may hold several languages: each file is graded in the one its extension names.
            written_in = language_of(submission.path, language)
            if written_in not in question.languages:
                raise UsageError(f"{question.id} has no grader for {written_in}; it has: "
                                 f"{', '.join(question.languages)}")
            if not hasattr(local, "backend"):
                local.backend = backend_factory()
            result = grade_source(bank, question, written_in, source, local.backend)
        except DrillkitError as exc:
            return _failed_result(submission, str(exc), time.monotonic() - started)
        except Exception as exc:  # one broken grading must not cost the other candidates their results
            return _failed_result(submission, f"grading failed: {type(exc).__name__}: {exc}",
                                  time.monotonic() - started)
        return CandidateResult(submission.candidate, submission.path, result.status, result.passed, result.failed,
                               result.total, time.monotonic() - started, result.message, result)

    return grade_one


def grade_batch(bank: Bank, question_id: str, submissions: Sequence[Submission], *, language: str = "python",
                jobs: int = 2, runtime: str | None = None,
                on_result: Callable[[CandidateResult], None] | None = None,
                on_stopping: Callable[[], None] | None = None,
                backend_factory: Callable[[], Backend] | None = None,
                similarity_threshold: float | None = DEFAULT_THRESHOLD) -> BatchReport:
    """Grade every submission (see :func:`collect_submissions`) against one coding question, then compare them.

    ``similarity_threshold`` None skips the comparison.
    """
    if not 1 <= jobs <= MAX_JOBS:
        raise UsageError(f"--jobs must be between 1 and {MAX_JOBS}, got {jobs}")
    if similarity_threshold is not None and not 0.0 <= similarity_threshold <= 1.0:
        raise UsageError(f"the similarity threshold must be between 0 and 1, got {similarity_threshold}")
    question = coding_question(bank, question_id, language)
    factory = backend_factory or (lambda: connect_backend(runtime))
    factory()  # fail once, with the fixing command, when the sandbox cannot run at all
    started = time.monotonic()
    results = run_batch(submissions, sandbox_grader(bank, question, language, factory), jobs=jobs,
                        on_result=on_result, on_stopping=on_stopping)
    seconds = time.monotonic() - started
    similarity = (None if similarity_threshold is None else
                  batch_similarity(bank, question, language, submissions, threshold=similarity_threshold))
    return BatchReport(question.id, language, jobs, seconds, results, similarity)


# --- similarity -------------------------------------------------------------------------------------------


def starter_code(bank: Bank, question: Question, language: str) -> str | None:
    """The starter file handed out for ``language``, if the question has one."""
    folder = bank.grader_dir(question, language)
    found = sorted(folder.glob("starter.*")) if folder.is_dir() else []
    return found[0].read_text(encoding="utf-8", errors="replace") if found else None


def batch_similarity(bank: Bank, question: Question, language: str, submissions: Sequence[Submission], *,
                     threshold: float = DEFAULT_THRESHOLD) -> SimilarityReport:
    """Every pair of submissions in the same language scored; a file's extension tells its language, else
    ``language``. A file that cannot be read as text is left out, with the reason."""
    sources: list[SourceFile] = []
    skipped: list[Skipped] = []
    for submission in submissions:
        try:
            raw = read_submission(submission.path)
        except DrillkitError as exc:
            skipped.append(Skipped(submission.candidate, exc.message))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            skipped.append(Skipped(submission.candidate, "not UTF-8 text"))
            continue
        sources.append(SourceFile(submission.candidate, language_of(submission.path, language), text))
    starters = {lang: code for lang in sorted({s.language for s in sources})
                if (code := starter_code(bank, question, lang)) is not None}
    return compare(sources, starters, threshold=threshold, skipped=skipped)


# --- reports ----------------------------------------------------------------------------------------------

CSV_COLUMNS = ("candidate", "file", "status", "passed", "failed", "total", "seconds", "message", "similar",
               "similar_to", "max_similarity")


def sanitized_candidate(result: CandidateResult) -> CandidateResult:
    """A copy for showing: the name, file, message and grading made :func:`~drillkit.safe_text.visible`.

    The candidate and the file come from a file name, the rest from the submission; the copy's path names the
    file as shown, not one to open.
    """
    return dataclasses.replace(
        result, candidate=visible(result.candidate), path=Path(visible(str(result.path))),
        status=visible(result.status), message=None if result.message is None else visible(result.message),
        grade=None if result.grade is None else sanitized(result.grade))


def sanitized_report(report: BatchReport) -> BatchReport:
    """The report with every candidate's text safe to show; each renderer below applies it itself."""
    return dataclasses.replace(report, question=visible(report.question), language=visible(report.language),
                               results=tuple(sanitized_candidate(r) for r in report.results),
                               similarity=None if report.similarity is None else
                               sanitized_similarity(report.similarity))


def similar_to_text(report: BatchReport, candidate: str) -> str:
    """``bob 0.93; carol 0.74``: whom the candidate is flagged with, and the scores."""
    if report.similarity is None:
        return ""
    return "; ".join(f"{p.b if p.a == candidate else p.a} {p.score:.2f}" for p in report.similarity.flagged
                     if candidate in (p.a, p.b))


def report_json(report: BatchReport) -> str:
    # JSON escaping would keep the raw bytes intact, but `jq -r` prints them to a terminal unescaped.
    return json.dumps(sanitized_report(report).to_json(), indent=2, ensure_ascii=False) + "\n"


def report_csv(report: BatchReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    report = sanitized_report(report)
    for r in report.results:
        nearest = report.similarity.nearest_of(r.candidate) if report.similarity is not None else None
        flag = "" if nearest is None else ("yes" if nearest.flagged else "no")
        # Numbers are ours and stay numbers; a negative one is not a formula.
        writer.writerow([csv_cell(r.candidate), csv_cell(str(r.path)), csv_cell(r.status), r.passed, r.failed,
                         r.total, f"{r.seconds:.3f}", csv_cell(r.message or ""), flag,
                         csv_cell(similar_to_text(report, r.candidate)),
                         "" if nearest is None else f"{nearest.score:.3f}"])
    return buffer.getvalue()


def report_junit(report: BatchReport) -> str:
    """JUnit XML: one suite per candidate, one case per grader test (or one case when the run never got that far)."""
    # ElementTree writes any character it is given, so every string goes through xml_text or the file is not XML.
    report = sanitized_report(report)
    root = ET.Element("testsuites", name=xml_text(f"drillkit grade {report.question}"), time=f"{report.seconds:.3f}")
    totals = Counter[str]()
    for r in report.results:
        suite = ET.SubElement(root, "testsuite", name=xml_text(r.candidate), time=f"{r.seconds:.3f}",
                              file=xml_text(str(r.path)))
        nearest = report.similarity.nearest_of(r.candidate) if report.similarity is not None else None
        if nearest is not None:  # JUnit puts properties first in a suite
            properties = ET.SubElement(suite, "properties")
            for key, value in (("similar", "yes" if nearest.flagged else "no"),
                               ("similar_to", similar_to_text(report, r.candidate)),
                               ("max_similarity", f"{nearest.score:.3f}")):
                ET.SubElement(properties, "property", name=f"drillkit.{key}", value=xml_text(value))
        classname = xml_text(f"{report.question}.{r.candidate}")
        tests = r.grade.tests if r.grade is not None and r.grade.tests else ()
        failures = errors = 0
        if tests:
            for test in tests:
                case = ET.SubElement(suite, "testcase", classname=classname, name=xml_text(test.name))
                if test.status == "fail":
                    failures += 1
                    detail = ET.SubElement(case, "failure", message=xml_text(test.message or "failed"))
                    detail.text = xml_text(test.output) or None
                elif test.status == "error":
                    errors += 1
                    ET.SubElement(case, "error", message=xml_text(test.message or "error"))
                elif test.status == "skip":
                    ET.SubElement(case, "skipped")
        else:
            case = ET.SubElement(suite, "testcase", classname=classname, name="grading", time=f"{r.seconds:.3f}")
            if not r.ok:
                errors += 1
                ET.SubElement(case, "error", type=xml_text(r.status), message=xml_text(r.message or r.status))
        count = len(tests) or 1
        suite.set("tests", str(count))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        totals.update(tests=count, failures=failures, errors=errors)
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def report_html(report: BatchReport) -> str:
    from drillkit.interviewing.batch_html import batch_html

    return batch_html(report)


RENDERERS: dict[ReportFormat, Callable[[BatchReport], str]] = {"json": report_json, "csv": report_csv,
                                                               "xml": report_junit, "html": report_html}


def write_report(report: BatchReport, path: Path) -> ReportFormat:
    fmt = report_format(path)
    try:
        path.write_text(RENDERERS[fmt](report), encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write the report {path}: {exc.strerror or exc}") from None
    return fmt
