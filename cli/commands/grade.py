from __future__ import annotations

import os
from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import json_option, question_id_argument
from drillkit.batch import (
    MAX_JOBS,
    BatchReport,
    CandidateResult,
    collect_submissions,
    grade_batch,
    report_format,
    sanitized_report,
    write_report,
)
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


@click.command("grade")
@question_id_argument
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="PATH...")
@click.option("--lang", "language", default="python", show_default=True, help="The submissions' language.")
@click.option("-j", "--jobs", default=DEFAULT_JOBS, show_default=True, type=click.IntRange(1, MAX_JOBS),
              help="How many submissions to grade at once, each in its own container.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), metavar="FILE",
              help="Also write the results to FILE: .json, .csv or .xml (JUnit).")
@click.option("--runtime", help="A container runtime the daemon has, e.g. runsc for gVisor.")
@json_option
def grade_command(question_id: str, paths: tuple[Path, ...], language: str, jobs: int, report_path: Path | None,
                  runtime: str | None, as_json: bool) -> None:
    """Grade many candidates' submissions to the coding question ID in the sandbox.

    PATH is a file or a folder with one file per candidate; the candidate's name is the file name without its
    extension. Exit code 0 when every submission passes, 1 when grading completed but any did not, 2 for a usage
    error, 3 when the sandbox cannot run, 130 when interrupted (no container is left behind).
    """
    if report_path is not None:
        report_format(report_path)  # a bad report path fails now, not after the whole batch
    submissions = collect_submissions(paths)
    with console.progress(f"grading {question_id}", total=len(submissions)) as advance:

        def done(result: CandidateResult) -> None:
            advance(note=f"{visible(result.candidate)}: {result.status}")

        report = grade_batch(app().bank, question_id, submissions, language=language, jobs=jobs, runtime=runtime,
                             on_result=done, on_stopping=lambda: console.note(
                                 "stopping: cancelled the waiting submissions; the running ones finish first"))
    shown = sanitized_report(report)
    if as_json:
        console.print_json(shown.to_json())
    else:
        render_report(shown)
    if report_path is not None:
        fmt = write_report(report, report_path)
        console.note(f"report ({fmt}) written to {report_path}")
    if not report.all_passed:
        raise click.exceptions.Exit(1)
