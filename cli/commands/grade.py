from __future__ import annotations

import os
from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import json_option, question_id_argument
from drillkit.interviewing.batch import (
    MAX_JOBS,
    BatchReport,
    CandidateResult,
    collect_submissions,
    grade_batch,
    report_format,
    sanitized_report,
    write_report,
)
from drillkit.interviewing.similarity import DEFAULT_THRESHOLD, SimilarityReport
from drillkit.safe_text import visible

DEFAULT_JOBS = max(1, min(4, os.cpu_count() or 1))


def one_line(message: str | None) -> str:
    """A message as one table line; a syntax error's caret line says nothing without its monospaced context."""
    if not message:
        return ""
    lines = [line.strip() for line in message.splitlines()]
    return " · ".join(line for line in lines if line and set(line) - set("^~ "))


def render_report(report: BatchReport) -> None:
    """Candidates and messages are hostile: pass the report through :func:`sanitized_report` first."""
    console.table(
        ["candidate", "verdict", "tests", "time", "message"],
        ([r.candidate, console.verdict(r.status), f"{r.passed}/{r.total}", f"{r.seconds:.1f}s", one_line(r.message)]
         for r in report.results),
        justify={"tests": "right", "time": "right"},
        keep=("candidate", "verdict", "tests", "time"),
    )
    counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
    console.info(f"{len(report.results)} graded in {report.seconds:.1f}s with {report.jobs} job(s): {counts}",
                 style="bold")


def _regions(pair_regions: tuple[tuple[tuple[int, int], tuple[int, int]], ...], shown: int = 3) -> str:
    def span(lines: tuple[int, int]) -> str:
        return f"{lines[0]}" if lines[0] == lines[1] else f"{lines[0]}-{lines[1]}"

    text = ", ".join(f"{span(a)} ↔ {span(b)}" for a, b in pair_regions[:shown])
    more = len(pair_regions) - shown
    return text + (f" (+{more} more)" if more > 0 else "")


def render_similarity(similarity: SimilarityReport | None) -> None:
    """The flagged pairs; names are hostile: pass the report through :func:`sanitized_report` first."""
    if similarity is None:
        return
    if similarity.flagged:
        console.table(
            ["pair", "score", "language", "matching lines"],
            ([f"{p.a} ↔ {p.b}", f"{p.score:.2f}", p.language,
              _regions(tuple((r.a_lines, r.b_lines) for r in p.regions))] for p in similarity.flagged),
            title=f"similar submissions (score {similarity.threshold:.2f} or more)",
            justify={"score": "right"}, keep=("pair", "score", "language"),
        )
        console.info(f"{len(similarity.flagged)} of {similarity.compared} pair(s) flagged. A score is a reason to "
                     "read the two files side by side (--report FILE.html), not proof of copying: independent "
                     "solutions of a short exercise can look alike.")
    else:
        console.info(f"no similar submissions: none of {similarity.compared} pair(s) scored "
                     f"{similarity.threshold:.2f} or more")
    for skipped in similarity.skipped:
        console.note(f"not compared for similarity: {skipped.candidate}: {skipped.reason}")


@click.command("grade")
@question_id_argument
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="PATH...")
@click.option("--lang", "language", default="python", show_default=True, help="The submissions' language.")
@click.option("-j", "--jobs", default=DEFAULT_JOBS, show_default=True, type=click.IntRange(1, MAX_JOBS),
              help="How many submissions to grade at once, each in its own container.")
@click.option("--report", "report_paths", type=click.Path(path_type=Path), metavar="FILE", multiple=True,
              help="Also write the results to FILE: .json, .csv, .xml (JUnit) or .html (one page with every "
                   "candidate's tests and the similar pairs side by side). Repeatable.")
@click.option("--similarity-threshold", "threshold", type=click.FloatRange(0.0, 1.0), default=DEFAULT_THRESHOLD,
              show_default=True, metavar="SCORE",
              help="Flag pairs of submissions (same language) whose similarity score is at least SCORE, 0 to 1. "
                   f"The default {DEFAULT_THRESHOLD} lies between disguised copies (0.83 and up in drillkit's test "
                   "sets) and independent solutions (up to 0.64, two OrderedDict LRU caches).")
@click.option("--runtime", help="A container runtime the daemon has, e.g. runsc for gVisor.")
@json_option
def grade_command(question_id: str, paths: tuple[Path, ...], language: str, jobs: int,
                  report_paths: tuple[Path, ...], threshold: float, runtime: str | None, as_json: bool) -> None:
    """Grade many candidates' submissions to the coding question ID in the sandbox.

    PATH is a file or a folder with one file per candidate; the candidate's name is the file name without its
    extension. After grading, every pair of submissions in the same language is compared with names, layout,
    comments, function order and the starter set aside; pairs at or above the threshold are listed with their
    score and matching lines, a reason to read both files, not proof of copying. Exit code 0 when every
    submission passes, 1 when grading completed but any did not, 2 for a usage
    error, 3 when the sandbox cannot run, 130 when interrupted (no container is left behind).
    """
    for report_path in report_paths:
        report_format(report_path)  # a bad report path fails now, not after the whole batch
    submissions = collect_submissions(paths)
    with console.progress(f"grading {question_id}", total=len(submissions)) as advance:

        def done(result: CandidateResult) -> None:
            advance(note=f"{visible(result.candidate)}: {result.status}")

        report = grade_batch(app().bank, question_id, submissions, language=language, jobs=jobs, runtime=runtime,
                             similarity_threshold=threshold, on_result=done, on_stopping=lambda: console.note(
                                 "stopping: cancelled the waiting submissions; the running ones finish first"))
    shown = sanitized_report(report)
    if as_json:
        console.print_json(shown.to_json())
    else:
        render_report(shown)
        render_similarity(shown.similarity)
    for report_path in report_paths:
        fmt = write_report(report, report_path)
        console.note(f"report ({fmt}) written to {report_path}")
    if not report.all_passed:
        raise click.exceptions.Exit(1)
