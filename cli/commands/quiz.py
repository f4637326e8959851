from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import click

from cli import console, render
from cli.context import app
from cli.options import filter_options
from cli.recording import attempt_recorder
from cli.screen import take_screen
from drillkit.bank.select import Filter, filter_questions, pick
from drillkit.errors import NotFoundError, UsageError
from drillkit.model import Question
from drillkit.practice.progress.records import Source
from drillkit.practice.quiz import (
    COVERAGE_HELP,
    SELF_RATINGS,
    Attempt,
    Coverage,
    Outcome,
    QuizSummary,
    checklist,
    coverage_of,
    coverage_outcome,
    grade_choice,
    make_attempt,
    outcome_for,
    parse_covered,
    self_rated_outcome,
    summarize,
)

HELP_LINE = "letters to answer, h = next hint, s = skip, q = quit"

timed_option = click.option("--timed", is_flag=True,
                            help="Count down each question's time budget and record overruns.")
self_rate_option = click.option("--self-rate", is_flag=True,
                                help="Rate written answers 1-4 instead of ticking off the points they covered.")


class QuitQuiz(Exception):
    """The candidate typed q, or input ended."""


def _ask_choice(question: Question, hints_used: list[int]) -> str:
    while True:
        line = console.ask(f"Your answer ({HELP_LINE}): ").strip()
        if line.lower() in {"q", "quit"}:
            raise QuitQuiz
        if line.lower() in {"h", "hint", "?"}:
            _show_hint(question, hints_used)
            continue
        if line.lower() in {"s", "skip"}:
            return ""
        try:
            grade_choice(question, line)
        except UsageError as exc:
            console.warn(str(exc))
            continue
        return line


def _show_hint(question: Question, hints_used: list[int]) -> None:
    if hints_used[0] >= len(question.hints):
        console.info("No more hints.", style="dim")
        return
    console.info(f"Hint {hints_used[0] + 1}/{len(question.hints)}: {question.hints[hints_used[0]]}", style="yellow")
    hints_used[0] += 1


def _ask_free_text(question: Question, hints_used: list[int]) -> str | None:
    console.info("Write your answer; an empty line ends it (h = next hint, s = skip, q = quit).", style="dim")
    lines: list[str] = []
    while True:
        line = console.ask("> ")
        command = line.strip().lower()
        if not lines and command in {"q", "quit"}:
            raise QuitQuiz
        if not lines and command in {"s", "skip"}:
            return None
        if not lines and command in {"h", "hint", "?"}:
            _show_hint(question, hints_used)
            continue
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)


def _ask_rating() -> int:
    choices = "  ".join(f"{n} = {label}" for n, (label, _) in SELF_RATINGS.items())
    while True:
        line = console.ask(f"How did you do? {choices}: ").strip()
        if line.lower() in {"q", "quit"}:
            raise QuitQuiz
        if line in {"1", "2", "3", "4"}:
            return int(line)
        console.warn("answer with a number from 1 to 4")


def _ask_covered(question: Question) -> Coverage:
    count = len(checklist(question))
    what = "rubric criteria" if question.rubric else "key points"
    while True:
        line = console.ask(f"Which of the {what} 1-{count} did your answer cover? (e.g. 1,3 · all · none · ? · q): ")
        command = line.strip().lower()
        if command in {"q", "quit"}:
            raise QuitQuiz
        if command in {"?", "h", "help"}:
            console.info(COVERAGE_HELP, style="dim")
            continue
        try:
            return coverage_of(question, parse_covered(line, count))
        except UsageError as exc:
            console.warn(str(exc) + (f" ({exc.hint})" if exc.hint else ""))


def run_question(question: Question, position: str, *, timed: bool, self_rate: bool = False) -> Attempt:
    render.header(question, position)
    render.prompt(question)
    if timed:
        console.info(f"⏱ You have {question.minutes} min; the clock is running.", style="yellow")
    started = time.monotonic()
    hints_used = [0]
    if question.is_choice:
        line = _ask_choice(question, hints_used)
        seconds = time.monotonic() - started
        if not line:
            render.answer(question)
            return make_attempt(question, Outcome.SKIPPED, seconds=seconds, hints_used=hints_used[0], timed=timed)
        verdict = grade_choice(question, line)
        if verdict.correct:
            console.info("✔ Correct", style="bold green")
        else:
            console.info(f"✘ Not quite: the answer is {', '.join(verdict.expected)}", style="bold red")
        render.answer(question)
        outcome = outcome_for(verdict.correct, hints_used[0], seconds, question.minutes)
        attempt = make_attempt(question, outcome, seconds=seconds, hints_used=hints_used[0], timed=timed)
    else:
        text = _ask_free_text(question, hints_used)
        seconds = time.monotonic() - started
        render.answer(question)
        if text is None:
            return make_attempt(question, Outcome.SKIPPED, seconds=seconds, hints_used=hints_used[0], timed=timed)
        coverage = None
        if self_rate or not checklist(question):
            outcome = self_rated_outcome(_ask_rating())
        else:
            coverage = _ask_covered(question)
            outcome = coverage_outcome(coverage, hints_used[0], seconds, question.minutes)
            console.info(f"Covered {len(coverage.covered)} of {len(checklist(question))} "
                         f"({coverage.share:.0%} of the points): {outcome.value}", style="bold")
        attempt = make_attempt(question, outcome, seconds=seconds, hints_used=hints_used[0], self_rated=True,
                               timed=timed, coverage=coverage)
    if attempt.overran:
        console.warn(f"over time: {seconds / 60:.1f} min of {question.minutes}")
    return attempt


def render_summary(summary: QuizSummary, attempts: list[Attempt]) -> None:
    console.rule("Summary")
    console.table(["question", "outcome", "time", "hints"],
                  ([a.question_id, a.outcome.value, f"{a.seconds:.0f}s", a.hints_used] for a in attempts))
    console.info(f"Score: {summary.right}/{summary.answered} right ({summary.score_percent}%)"
                 + (f", {summary.skipped} skipped" if summary.skipped else ""), style="bold")


def run_session(questions: Sequence[Question], *, timed: bool, source: Source, self_rate: bool = False) -> None:
    """Serve the questions in order, recording each attempt as it is made, and end with a summary.

    Quitting, or input ending, stops early; what was answered is already recorded and is summarized.
    """
    record = attempt_recorder(source)
    attempts: list[Attempt] = []
    started = time.monotonic()
    try:
        for index, question in enumerate(questions, 1):
            attempt = run_question(question, f"{index}/{len(questions)}", timed=timed, self_rate=self_rate)
            record(attempt)
            attempts.append(attempt)
    except QuitQuiz:
        console.note(f"{source} ended early")
    except EOFError:
        console.note(f"input ended; the {source} stops here")
    render_summary(summarize(attempts, time.monotonic() - started), attempts)


def quiz_questions(qualifications: tuple[str, ...], kinds: tuple[str, ...], difficulties: tuple[str, ...],
                   tags: tuple[str, ...], count: int, seed: int | None) -> tuple[Question, ...]:
    bank = app().bank
    for qualification in qualifications:
        bank.qualification(qualification)
    if "coding" in kinds:
        raise UsageError("coding questions are not quizzed", hint="use `drillkit solve ID` and `drillkit check`")
    flt = Filter(qualifications, kinds or ("single-choice", "multiple-choice", "short-answer", "design"),
                 difficulties, tags)
    pool = filter_questions(bank.questions, flt)
    if not pool:
        raise NotFoundError(f"no questions match {flt.describe()}", hint="loosen the filters")
    return pick(pool, count, seed)


@click.command("quiz")
@filter_options
@click.option("-n", "--count", default=5, show_default=True, type=click.IntRange(min=1), help="How many questions.")
@click.option("--seed", type=int, help="Pick the same questions in the same order every time.")
@timed_option
@self_rate_option
@click.option("--set", "sheet", type=click.Path(path_type=Path), metavar="FILE",
              help="Take a written screen: the candidate sheet (candidate.json) of a set made with --shape screen. "
                   "Needs --answers-out.")
@click.option("--answers-out", type=click.Path(path_type=Path), metavar="FILE",
              help="With --set: the answers file to hand back, saved after every answer; run again to continue.")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="With --set: where coding exercises' starter files go (default: the answers file's folder).")
def quiz_command(qualifications: tuple[str, ...], kinds: tuple[str, ...], difficulties: tuple[str, ...],
                 tags: tuple[str, ...], count: int, seed: int | None, timed: bool, self_rate: bool,
                 sheet: Path | None, answers_out: Path | None, folder: Path | None) -> None:
    """Answer questions interactively; answers may be piped on stdin.

    A written answer (short-answer, design) is then graded against the numbered key points or rubric: say which it
    covered. Covering 80 % of the points counts as right, 40 % as partly, less as wrong.

    With --set candidate.json --answers-out answers.json, take a written screen instead: every answer goes to the
    answers file as it is given, nothing is scored or shown, and the interviewer scores the file with drillkit score.
    """
    if sheet is not None or answers_out is not None or folder is not None:
        if sheet is None:
            raise UsageError("--answers-out and --dir go with --set FILE", hint="drillkit quiz --set candidate.json "
                                                                               "--answers-out answers.json")
        if answers_out is None:
            raise UsageError("--set needs --answers-out FILE: the file you hand back",
                             hint="drillkit quiz --set candidate.json --answers-out answers.json")
        if qualifications or kinds or difficulties or tags or seed is not None or self_rate:
            raise UsageError("--set serves the sheet's questions as they are",
                             hint="drop -q, -k, -d, -t, --seed and --self-rate")
        take_screen(sheet, answers_out, folder)
        return
    questions = quiz_questions(qualifications, kinds, difficulties, tags, count, seed)
    run_session(questions, timed=timed, source="quiz", self_rate=self_rate)
