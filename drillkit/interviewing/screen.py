"""Written screens taken in drillkit: the candidate's sheet as data, and the answers file they hand back.

``drillkit set --shape screen`` writes ``candidate.json`` (prompts, choice texts, starters, the set id and each
question's fingerprint; no answers, no keys, no question ids). ``drillkit quiz --set candidate.json --answers-out
answers.json`` serves it and records every answer the moment it is given, by writing the whole answers file to a
temporary file, syncing it, and renaming it over the old one, so Ctrl-C or a killed process leaves the file as it
was after the last answer, never half-written. Run the same command again to continue where it stopped.

The answers file (``"drillkit": "screen-answers"``, version 1)::

    {"drillkit": "screen-answers", "version": 1, "set_id": "sha256:…", "started_at": "…", "questions": 13,
     "answers": [
       {"number": 1, "kind": "single-choice", "fingerprint": "sha256:…", "picked": ["b"],
        "seconds": 41.2, "answered_at": "…", "digest": "sha256:…"},
       {"number": 2, "kind": "multiple-choice", "fingerprint": "sha256:…", "skipped": true, …},
       {"number": 13, "kind": "coding", "fingerprint": "sha256:…", "language": "python",
        "file": "screen_q13.py", "source": "class CircuitBreaker: …", …}]}

A coding answer carries its source (at most :data:`MAX_SOURCE_BYTES`), so the file alone is what the candidate
hands back; ``drillkit score`` grades it in the sandbox. How answers are bound to the set, and what that proves,
is in :mod:`drillkit.interviewing.binding`.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drillkit.errors import NotFoundError, UsageError
from drillkit.graders import MAX_SUBMISSION_BYTES, read_submission
from drillkit.interviewing import binding
from drillkit.interviewing.shapes import SCREEN_KINDS
from drillkit.model import CHOICE_KINDS, letter

ANSWERS_KIND = "screen-answers"
ANSWERS_VERSION = 1
SHEET_KIND = "candidate-sheet"
INTERVIEWER_KIND = "interviewer"
SHEET_VERSION = 1
MAX_SOURCE_BYTES = MAX_SUBMISSION_BYTES
MAX_SHEET_BYTES = 16 * 1024 * 1024
MAX_ANSWERS_BYTES = 64 * 1024 * 1024
MAX_SECONDS = 7 * 24 * 3600.0


# --- reading JSON that someone else wrote ------------------------------------------------------------------


def read_json_file(path: Path, what: str, limit: int) -> dict[str, Any]:
    """A JSON object from ``path``, or one clear line saying why it is not one."""
    if not path.exists():
        raise NotFoundError(f"no such {what}: {path}")
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not {what}", hint="pass the JSON file")
    try:
        if path.stat().st_size > limit:
            raise UsageError(f"{path} is larger than {limit // (1024 * 1024)} MB; it is not {what}")
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}", hint="check the file's permissions") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text, so it is not {what}") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{path} is not valid JSON (line {getattr(exc, 'lineno', '?')}), so it is not {what}",
                         hint="use the file drillkit wrote, unedited") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path} holds a JSON {type(data).__name__}, not {what}")
    return data


class Fields:
    """Typed access to one JSON object, each mistake one line naming the file and the place."""

    def __init__(self, data: Mapping[str, Any], path: Path, where: str, fix: str) -> None:
        self.data, self.path, self.where, self.fix = data, path, where, fix

    def fail(self, problem: str) -> UsageError:
        return UsageError(f"{self.path}: {self.where}{problem}", hint=self.fix)

    def get(self, key: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        if key not in self.data:
            if optional:
                return None
            raise self.fail(f"'{key}' is missing")
        value = self.data[key]
        if optional and value is None:
            return None
        # JSON has no separate bool: True is not a number here.
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(f"'{key}' must be {_type_name(kind)}")
        if not isinstance(value, kind):
            raise self.fail(f"'{key}' must be {_type_name(kind)}")
        return value

    def text(self, key: str, *, optional: bool = False) -> str:
        value: str | None = self.get(key, str, optional=optional)
        return "" if value is None else value

    def integer(self, key: str) -> int:
        value: int = self.get(key, int)
        return value

    def number(self, key: str) -> float:
        value = float(self.get(key, (int, float)))
        if not math.isfinite(value):
            raise self.fail(f"'{key}' must be a finite number")
        return value

    def strings(self, key: str, *, optional: bool = False) -> tuple[str, ...]:
        value = self.get(key, list, optional=optional)
        if value is None:
            return ()
        if not all(isinstance(item, str) for item in value):
            raise self.fail(f"'{key}' must be a list of strings")
        return tuple(value)


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", list: "a list", dict: "an object",
             bool: "true or false"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _now_text(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).isoformat(timespec="seconds")


# --- the candidate's sheet ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetQuestion:
    number: int
    title: str
    kind: str
    minutes: int
    prompt: str
    choices: tuple[str, ...]  # the texts, in letter order
    languages: tuple[str, ...]  # the posting's languages first
    fingerprint: str
    starters: tuple[tuple[str, str], ...] = ()  # (language, starter source)

    def starter(self, language: str) -> str | None:
        return next((text for lang, text in self.starters if lang == language), None)


@dataclass(frozen=True)
class Sheet:
    path: Path
    set_id: str
    shape: str
    total_minutes: int
    questions: tuple[SheetQuestion, ...]


SHEET_FIX = "ask the interviewer for candidate.json again, as drillkit wrote it"


def load_sheet(path: Path) -> Sheet:
    """The candidate's sheet, checked: a screen, well formed, and every question as drillkit wrote it."""
    data = read_json_file(path, "a candidate sheet", MAX_SHEET_BYTES)
    if data.get("packet") == INTERVIEWER_KIND:
        raise UsageError(f"{path} is the interviewer's packet: it holds the answers",
                         hint="take the screen with the candidate sheet, candidate.json")
    if data.get("drillkit") == ANSWERS_KIND:
        raise UsageError(f"{path} is an answers file, not a candidate sheet",
                         hint="pass candidate.json to --set and this file to --answers-out")
    if data.get("packet") != SHEET_KIND:
        raise UsageError(f"{path} is not a drillkit candidate sheet",
                         hint="write one with: drillkit set --shape screen -f json -o DIR")
    top = Fields(data, path, "", SHEET_FIX)
    if top.integer("version") > SHEET_VERSION:
        raise UsageError(f"{path} was written by a newer drillkit (sheet version {data['version']})",
                         hint="upgrade drillkit to take it")
    shape = top.text("shape")
    if shape != "screen":
        raise UsageError(f"{path} is a {shape} set; only a screen is taken in drillkit (its questions are all scored "
                         "without an interviewer)", hint="ask for a set written with: drillkit set --shape screen")
    entries = top.get("questions", list)
    if not entries:
        raise top.fail("the sheet has no questions")
    questions = []
    for index, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise top.fail(f"question {index} is not an object")
        fields = Fields(entry, path, f"question {index}: ", SHEET_FIX)
        if fields.integer("number") != index:
            raise fields.fail(f"is numbered {entry['number']}; the questions must run 1, 2, 3, ...")
        kind = fields.text("kind")
        if kind not in SCREEN_KINDS:
            raise fields.fail(f"kind '{kind}' is not scored by drillkit; a screen holds only "
                              f"{', '.join(sorted(SCREEN_KINDS))}")
        choices = []
        for choice in fields.get("choices", list):
            if not isinstance(choice, dict):
                raise fields.fail("'choices' must be a list of objects")
            choices.append(Fields(choice, path, f"question {index}: a choice's ", SHEET_FIX).text("text"))
        if (kind in CHOICE_KINDS) != bool(choices) or len(choices) > 26:
            raise fields.fail(f"a {kind} question {'needs' if kind in CHOICE_KINDS else 'has no'} choices")
        languages = fields.strings("languages")
        if kind == "coding" and not languages:
            raise fields.fail("a coding question names no language")
        starters_raw = fields.get("starters", dict, optional=True) or {}
        starters = tuple((str(lang), text) for lang, text in starters_raw.items() if isinstance(text, str))
        question = SheetQuestion(index, fields.text("title"), kind, fields.integer("minutes"), fields.text("prompt"),
                                 tuple(choices), languages, fields.text("fingerprint"), starters)
        expected = binding.fingerprint(question.title, kind, question.minutes, question.prompt, question.choices,
                                       question.languages)
        if question.fingerprint != expected:
            raise UsageError(f"{path}: question {index} was changed after drillkit wrote the sheet (its fingerprint "
                             "does not match its text)", hint=SHEET_FIX)
        questions.append(question)
    return Sheet(path, top.text("set_id"), shape, top.integer("total_minutes"), tuple(questions))


# --- answers ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScreenAnswer:
    number: int
    kind: str
    fingerprint: str
    seconds: float
    answered_at: str
    skipped: bool = False
    picked: tuple[str, ...] = ()  # choice letters, sorted
    language: str | None = None
    file: str | None = None  # the file the source was read from, as the candidate named it
    source: str | None = None
    digest: str = ""

    def fields(self) -> dict[str, Any]:
        """What the digest covers: every field but the digest, as written to the file."""
        data: dict[str, Any] = {"number": self.number, "kind": self.kind, "fingerprint": self.fingerprint,
                                "seconds": self.seconds, "answered_at": self.answered_at}
        if self.skipped:
            data["skipped"] = True
        elif self.kind == "coding":
            data.update({"language": self.language, "file": self.file, "source": self.source})
        else:
            data["picked"] = list(self.picked)
        return data

    def to_json(self) -> dict[str, Any]:
        return {**self.fields(), "digest": self.digest}


@dataclass(frozen=True)
class Answers:
    set_id: str
    started_at: str
    questions: int  # how many the sheet has
    answers: tuple[ScreenAnswer, ...] = field(default=())

    @property
    def answered(self) -> frozenset[int]:
        return frozenset(a.number for a in self.answers)

    @property
    def complete(self) -> bool:
        return len(self.answered) == self.questions

    @property
    def head(self) -> str:
        """The digest the next answer chains from."""
        return self.answers[-1].digest if self.answers else self.set_id

    def add(self, answer: ScreenAnswer) -> Answers:
        if answer.number in self.answered:
            raise UsageError(f"question {answer.number} is already answered")
        chained = dataclasses.replace(answer, digest=binding.answer_digest(self.head, answer.fields()))
        return Answers(self.set_id, self.started_at, self.questions, (*self.answers, chained))

    def seconds(self) -> float:
        return sum(a.seconds for a in self.answers)

    def to_json(self) -> dict[str, Any]:
        return {"drillkit": ANSWERS_KIND, "version": ANSWERS_VERSION, "set_id": self.set_id,
                "started_at": self.started_at, "questions": self.questions, "complete": self.complete,
                "answers": [a.to_json() for a in self.answers]}


def new_answers(sheet: Sheet, now: datetime | None = None) -> Answers:
    return Answers(sheet.set_id, _now_text(now), len(sheet.questions))


def choice_answer(question: SheetQuestion, picked: Sequence[str], seconds: float,
                  now: datetime | None = None) -> ScreenAnswer:
    letters = tuple(sorted(set(picked)))
    _check_letters(letters, question.kind, len(question.choices), lambda problem: UsageError(problem))
    return ScreenAnswer(question.number, question.kind, question.fingerprint, _seconds(seconds), _now_text(now),
                        picked=letters)


def coding_answer(question: SheetQuestion, language: str, file: Path, seconds: float,
                  now: datetime | None = None) -> ScreenAnswer:
    """A coding answer: the file's source, read now (the answers file carries it, so nothing else is handed back)."""
    if language not in question.languages:
        raise UsageError(f"'{language}' is not a language of this exercise", hint=f"use {', '.join(question.languages)}")
    data = read_submission(file)  # the same checks and limit as `drillkit check`
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{file} is not UTF-8 text", hint="save your solution as UTF-8") from None
    return ScreenAnswer(question.number, "coding", question.fingerprint, _seconds(seconds), _now_text(now),
                        language=language, file=file.name, source=source)


def skipped_answer(question: SheetQuestion, seconds: float, now: datetime | None = None) -> ScreenAnswer:
    return ScreenAnswer(question.number, question.kind, question.fingerprint, _seconds(seconds), _now_text(now),
                        skipped=True)


def _seconds(seconds: float) -> float:
    return round(min(max(seconds, 0.0), MAX_SECONDS), 3)


def _check_letters(letters: tuple[str, ...], kind: str, count: int, fail: Any) -> None:
    valid = {letter(i) for i in range(count)}
    wrong = [x for x in letters if x not in valid]
    if wrong:
        raise fail(f"picks '{', '.join(wrong)}', which is not a choice (a-{letter(count - 1)})")
    if not letters:
        raise fail("picks nothing; a skipped question is recorded as skipped")
    if kind == "single-choice" and len(letters) != 1:
        raise fail(f"picks {len(letters)} letters for a single-choice question")


def write_answers(path: Path, answers: Answers) -> None:
    """Replace ``path`` with ``answers`` in one step: temporary file, fsync, rename, fsync of the folder."""
    text = json.dumps(answers.to_json(), indent=2, ensure_ascii=False) + "\n"
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as exc:
        raise UsageError(f"cannot write the answers file {path}: {exc.strerror or exc}",
                         hint="choose a file in a folder you can write to with --answers-out") from None


# --- reading an answers file back, and what must hold for it to count --------------------------------------


ANSWERS_FIX = "ask the candidate for the answers file drillkit wrote, unedited"


@dataclass(frozen=True)
class Expected:
    """What the set says about one question, to check an answer against."""

    number: int
    kind: str
    fingerprint: str
    choices: int
    languages: tuple[str, ...]


def read_answers(path: Path) -> Answers:
    """An answers file, parsed (checked against a set, digests included, by :func:`verify`)."""
    data = read_json_file(path, "an answers file", MAX_ANSWERS_BYTES)
    if data.get("packet") in (SHEET_KIND, INTERVIEWER_KIND):
        raise UsageError(f"{path} is {'a candidate sheet' if data.get('packet') == SHEET_KIND else 'an interviewer packet'}"
                         ", not an answers file", hint="pass the answers file the candidate handed back")
    if data.get("drillkit") != ANSWERS_KIND:
        raise UsageError(f"{path} is not a drillkit answers file",
                         hint="it is written by: drillkit quiz --set candidate.json --answers-out FILE")
    top = Fields(data, path, "", ANSWERS_FIX)
    if top.integer("version") > ANSWERS_VERSION:
        raise UsageError(f"{path} was written by a newer drillkit (answers version {data['version']})",
                         hint="upgrade drillkit to score it")
    set_id = top.text("set_id")
    answers = Answers(set_id, top.text("started_at"), top.integer("questions"))
    seen: set[int] = set()
    for index, entry in enumerate(top.get("answers", list), 1):
        if not isinstance(entry, dict):
            raise top.fail(f"answer {index} is not an object")
        fields = Fields(entry, path, f"answer {index}: ", ANSWERS_FIX)
        number, kind = fields.integer("number"), fields.text("kind")
        if number in seen:
            raise fields.fail(f"question {number} is answered twice")
        seen.add(number)
        skipped = fields.get("skipped", bool, optional=True) is True
        code = kind == "coding" and not skipped
        answer = ScreenAnswer(
            number, kind, fields.text("fingerprint"), fields.number("seconds"), fields.text("answered_at"),
            skipped=skipped,
            picked=() if skipped or kind == "coding" else fields.strings("picked"),
            language=fields.text("language") if code else None,
            file=(fields.text("file", optional=True) or None) if code else None,
            source=fields.text("source") if code else None,
            digest=fields.text("digest"))
        known = set(answer.fields()) | {"digest"}
        extra = sorted(set(entry) - known)
        if extra:
            raise fields.fail(f"has fields drillkit never writes for a {kind} answer: {', '.join(extra)}")
        answers = Answers(answers.set_id, answers.started_at, answers.questions, (*answers.answers, answer))
    return answers


def check_chain(answers: Answers, path: Path) -> None:
    """Every answer's digest, recomputed from the set id through the answers before it."""
    previous = answers.set_id
    for answer in answers.answers:
        if answer.digest != binding.answer_digest(previous, answer.fields()):
            raise UsageError(f"{path}: the answer to question {answer.number} was changed after drillkit recorded it "
                             "(its digest does not match, as it never does for an answer edited, moved, reordered or "
                             "removed by hand)", hint=ANSWERS_FIX)
        previous = answer.digest


def verify(answers: Answers, path: Path, set_id: str, expected: Sequence[Expected]) -> None:
    """Refuse, in one line, an answers file that is not for this set or whose answers do not fit its questions."""
    if answers.set_id != set_id:
        raise UsageError(f"{path} answers another set (set {binding.short(answers.set_id)}, not "
                         f"{binding.short(set_id)})", hint="score it with the interviewer.json of the set it was "
                                                           "taken from, or take this set into a new answers file")
    if answers.questions != len(expected):
        raise UsageError(f"{path} says the set has {answers.questions} questions; it has {len(expected)}",
                         hint=ANSWERS_FIX)
    by_number = {e.number: e for e in expected}
    for answer in answers.answers:
        question = by_number.get(answer.number)
        if question is None:
            raise UsageError(f"{path}: an answer is for question {answer.number}, which this set does not have "
                             f"(it has 1-{len(expected)})", hint=ANSWERS_FIX)
        if answer.kind != question.kind or answer.fingerprint != question.fingerprint:
            raise UsageError(f"{path}: the answer to question {answer.number} was given to a different question "
                             "(its kind or fingerprint differs from the set's: an edited candidate sheet, or "
                             "another set)", hint=ANSWERS_FIX)
        if answer.skipped:
            continue
        if answer.kind == "coding":
            if answer.language not in question.languages:
                raise UsageError(f"{path}: the answer to question {answer.number} is in '{answer.language}', which "
                                 f"the exercise does not take ({', '.join(question.languages)})", hint=ANSWERS_FIX)
            if len((answer.source or "").encode("utf-8", "surrogatepass")) > MAX_SOURCE_BYTES:
                raise UsageError(f"{path}: the answer to question {answer.number} is larger than "
                                 f"{MAX_SOURCE_BYTES // 1024} KB", hint=ANSWERS_FIX)
            continue

        def fail(problem: str, number: int = answer.number) -> UsageError:
            return UsageError(f"{path}: the answer to question {number} {problem}", hint=ANSWERS_FIX)

        if tuple(sorted(set(answer.picked))) != answer.picked:
            raise fail("lists its letters out of order or twice")
        _check_letters(answer.picked, answer.kind, question.choices, fail)
    check_chain(answers, path)


def sheet_expectations(sheet: Sheet) -> tuple[Expected, ...]:
    return tuple(Expected(q.number, q.kind, q.fingerprint, len(q.choices), q.languages) for q in sheet.questions)


def open_answers(path: Path, sheet: Sheet, now: datetime | None = None) -> tuple[Answers, bool]:
    """The answers so far for this sheet (resumed from ``path``) or a new file; the flag says it was resumed.

    A file for another set, or one edited by hand, is refused rather than overwritten.
    """
    if path.exists():
        answers = read_answers(path)
        if answers.set_id != sheet.set_id:
            raise UsageError(f"{path} holds answers to another set", hint="choose another --answers-out file")
        verify(answers, path, sheet.set_id, sheet_expectations(sheet))
        return answers, True
    answers = new_answers(sheet, now)
    write_answers(path, answers)  # now, so an unwritable place is found before the first question
    return answers, False
