"""Taking a written screen in drillkit (`quiz --set`): serve the candidate sheet, record each answer as it is given.

Nothing here shows a key or a verdict: the candidate hands back the answers file and the interviewer scores it with
`drillkit score`. The sheet's text is shown through :func:`visible`, so a sheet cannot drive the terminal.
"""

from __future__ import annotations

import shlex
import time
from pathlib import Path

from rich.text import Text

from cli import console
from drillkit.errors import UsageError
from drillkit.interviewing.screen import (
    Answers,
    ScreenAnswer,
    Sheet,
    SheetQuestion,
    choice_answer,
    coding_answer,
    load_sheet,
    open_answers,
    skipped_answer,
    write_answers,
)
from drillkit.model import SOURCE_EXTENSIONS, letter
from drillkit.practice.quiz import parse_letters
from drillkit.safe_text import visible


class StopScreen(Exception):
    """The candidate typed q, or input ended."""


def _clock(seconds: float) -> str:
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _show(question: SheetQuestion, count: int, elapsed: float, total_minutes: int) -> None:
    console.rule(Text(f"{question.number}/{count}  {visible(question.title)}"))
    console.info(f"{question.kind} · {question.minutes} min · {_clock(elapsed)} spent of about {total_minutes} min",
                 style="dim")
    console.markdown(visible(question.prompt))
    for index, choice in enumerate(question.choices):
        console.markdown(f"**{letter(index)})** {visible(choice)}")


def _ask_choice(question: SheetQuestion, started: float) -> ScreenAnswer:
    how = "one letter" if question.kind == "single-choice" else "every correct letter, e.g. a,c"
    while True:
        line = console.ask(f"Your answer ({how}; s = skip, q = stop here): ").strip()
        command = line.lower()
        if command in {"q", "quit"}:
            raise StopScreen
        if command in {"s", "skip"}:
            return skipped_answer(question, time.monotonic() - started)
        try:
            return choice_answer(question, parse_letters(line, len(question.choices)), time.monotonic() - started)
        except UsageError as exc:
            console.warn(str(exc))


def _starter_file(question: SheetQuestion, language: str, folder: Path) -> Path:
    """The file the candidate writes the solution in: the starter, written once, never over their work."""
    path = folder / f"screen_q{question.number:02d}{SOURCE_EXTENSIONS.get(language, '.' + language)}"
    starter = question.starter(language)
    if path.exists() or starter is None:
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(starter, encoding="utf-8")
    except OSError as exc:
        console.warn(f"cannot write the starter {path}: {exc.strerror or exc}; write your solution in any file")
        return path
    console.info(f"wrote the starter to {path}", style="green")
    return path


def _ask_language(question: SheetQuestion) -> str:
    if len(question.languages) == 1:
        console.info(f"Language: {visible(question.languages[0])}", style="dim")
        return question.languages[0]
    choices = ", ".join(visible(lang) for lang in question.languages)
    while True:
        line = console.ask(f"Language ({choices}; Enter = {visible(question.languages[0])}, q = stop here): ").strip()
        if line.lower() in {"q", "quit"}:
            raise StopScreen
        if not line:
            return question.languages[0]
        if line in question.languages:
            return line
        console.warn(f"'{line}' is not one of: {choices}")


def _ask_coding(question: SheetQuestion, folder: Path, started: float) -> ScreenAnswer:
    language = _ask_language(question)
    default = _starter_file(question, language, folder)
    while True:
        line = console.ask(f"When it is ready, the file with your solution (Enter = {default}; s = skip, "
                           "q = stop here): ").strip()
        command = line.lower()
        if command in {"q", "quit"}:
            raise StopScreen
        if command in {"s", "skip"}:
            return skipped_answer(question, time.monotonic() - started)
        file = Path(line).expanduser() if line else default
        try:
            answer = coding_answer(question, language, file, time.monotonic() - started)
        except UsageError as exc:
            console.warn(str(exc))
            continue
        console.info(f"recorded {file} ({len((answer.source or '').splitlines())} lines); it is graded when the "
                     "screen is scored", style="dim")
        return answer


def take_screen(sheet_path: Path, answers_path: Path, folder: Path | None) -> None:
    sheet: Sheet = load_sheet(sheet_path)
    answers: Answers
    answers, resumed = open_answers(answers_path, sheet)
    folder = folder or (answers_path.parent if str(answers_path.parent) else Path("."))
    count = len(sheet.questions)
    if resumed:
        console.note(f"continuing {answers_path}: {len(answers.answered)} of {count} already answered")
    else:
        console.info(f"A written screen: {count} questions, about {sheet.total_minutes} minutes. Every answer is saved "
                     f"to {answers_path} the moment you give it; nothing is scored here.", style="bold")
    spent = answers.seconds()
    stopped = False
    try:
        for question in sheet.questions:
            if question.number in answers.answered:
                continue
            _show(question, count, spent, sheet.total_minutes)
            started = time.monotonic()
            answer = (_ask_coding(question, folder, started) if question.kind == "coding"
                      else _ask_choice(question, started))
            answers = answers.add(answer)
            write_answers(answers_path, answers)
            spent += answer.seconds
            if answer.seconds > question.minutes * 60:
                console.warn(f"over time: {_clock(answer.seconds)} of {question.minutes}:00")
    except StopScreen:
        stopped = True
    except EOFError:
        stopped = True
    console.rule("Screen")
    done = len(answers.answered)
    if done == count:
        console.info(f"All {count} questions answered in {_clock(answers.seconds())}. Hand back {answers_path}.",
                     style="bold")
    else:
        again = f"drillkit quiz --set {shlex.quote(str(sheet_path))} --answers-out {shlex.quote(str(answers_path))}"
        console.info(f"{done} of {count} answered{' so far' if stopped else ''}; they are saved in {answers_path}. "
                     f"To go on: {again}", style="bold")
