"""Interview sets: questions for a posting or named qualifications, within a time budget, in a shape.

A set has a shape (:mod:`drillkit.interviewing.shapes`): a live coding interview, a design interview or a written screen. The
shape's composition comes first; within it, a set covers the qualifications asked for (the most asked-for first
when the budget cannot cover them all) and spends the rest where the posting's weight is least served, keeping the
difficulty mix of the candidate's level. Every choice draws from one seeded generator over id-sorted lists, so the
same seed, bank and inputs give the same set. Each generated set is appended to a log under the user's data
directory, which ``exclude_used`` reads so that a candidate pool does not see a question twice.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drillkit.bank import Bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing import binding
from drillkit.interviewing.posting import PostingMatch, languages_named, match_posting
from drillkit.interviewing.shapes import (
    DEFAULT_LEVEL,
    DEFAULT_SHAPE,
    DIFFICULTY_MIX,
    LEVELS,
    SCREEN_KINDS,
    SHAPES,
    Focus,
    Placement,
    Role,
    Shape,
    check_shape,
    choose_questions,
    compose,
)
from drillkit.model import CHOICE_KINDS, Question
from drillkit.paths import data_dir

__all__ = [
    "DEFAULT_LEVEL",
    "DEFAULT_SHAPE",
    "DIFFICULTY_MIX",
    "LEVELS",
    "SHAPES",
    "USED_LOG_NAME",
    "Explanation",
    "Focus",
    "InterviewSet",
    "Placement",
    "PlannedQuestion",
    "SetRequest",
    "choose_questions",
    "explain_set",
    "interview_set",
    "ordered_languages",
    "parse_seed",
    "record_set",
    "used_log_path",
    "used_question_ids",
]

USED_LOG_NAME = "interview-sets.jsonl"


@dataclass(frozen=True)
class PlannedQuestion:
    question: Question
    start_minute: int
    role: Role = "coverage"
    reason: str = ""
    followup_minutes: int = 0

    @property
    def minutes(self) -> int:
        """The question's own minutes and its follow-up time."""
        return self.question.minutes + self.followup_minutes

    @property
    def end_minute(self) -> int:
        """When the question itself should be done; its follow-ups (if any) run from here."""
        return self.start_minute + self.question.minutes

    @property
    def move_on_minute(self) -> int:
        """When to move on to the next question, done or not."""
        return self.end_minute + self.followup_minutes


def ordered_languages(question: Question, posting_languages: tuple[str, ...]) -> tuple[str, ...]:
    """A coding question's languages, those the posting names first (in the posting's order)."""
    named = [lang for lang in posting_languages if lang in question.languages]
    return (*named, *(lang for lang in question.languages if lang not in named))


@dataclass(frozen=True)
class InterviewSet:
    source: str
    focus: tuple[Focus, ...]
    questions: tuple[Question, ...]
    budget_minutes: int
    level: str
    seed: int
    excluded_used: int = 0
    log_path: Path | None = None
    record_error: str | None = None
    shape: Shape = DEFAULT_SHAPE
    # One per question, in the same order: its role, why it was chosen, its follow-up time (default: coverage).
    placements: tuple[Placement, ...] = ()
    notes: tuple[str, ...] = ()  # where the bank could not fill the shape, and what was done instead
    posting_languages: tuple[str, ...] = ()  # language ids the posting names, in its order
    starters: tuple[tuple[str, str, str], ...] = ()  # (question id, language, starter source) for coding questions
    nonce: str = field(default="", repr=False)  # binds answers files to this set; kept to the interviewer's packet

    def __post_init__(self) -> None:
        if not self.placements:
            object.__setattr__(self, "placements", tuple(Placement(q, "coverage", "coverage") for q in self.questions))
        elif tuple(p.question for p in self.placements) != self.questions:
            # A copy with other questions (dataclasses.replace) keeps the placements of the questions it still has.
            kept = {p.question.id: p for p in self.placements}
            object.__setattr__(self, "placements", tuple(
                dataclasses.replace(kept[q.id], question=q) if q.id in kept else Placement(q, "coverage", "coverage")
                for q in self.questions))

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.placements)

    @property
    def covered(self) -> tuple[str, ...]:
        present = {q.qualification for q in self.questions}
        return tuple(f.id for f in self.focus if f.id in present)

    @property
    def uncovered(self) -> tuple[str, ...]:
        present = {q.qualification for q in self.questions}
        return tuple(f.id for f in self.focus if f.id not in present)

    def plan(self) -> tuple[PlannedQuestion, ...]:
        planned = []
        start = 0
        for placement in self.placements:
            planned.append(PlannedQuestion(placement.question, start, placement.role, placement.reason,
                                           placement.followup_minutes))
            start += placement.minutes
        return tuple(planned)

    def languages_for(self, question: Question) -> tuple[str, ...]:
        return ordered_languages(question, self.posting_languages)

    def starter(self, question_id: str, language: str) -> str | None:
        return next((text for qid, lang, text in self.starters if qid == question_id and lang == language), None)

    def fingerprint(self, question: Question) -> str:
        return binding.fingerprint(question.title, question.kind, question.minutes, question.prompt,
                                   [c.text for c in question.choices], question.languages)

    @property
    def set_id(self) -> str:
        return binding.set_id(self.nonce, self.source, self.shape, self.seed,
                              [(q.id, q.revision, self.fingerprint(q)) for q in self.questions])

    @property
    def key_digest(self) -> str:
        return binding.key_digest(self.nonce, [(q.id, q.correct_letters) for q in self.questions])

    def minutes_by_role(self) -> dict[str, int]:
        spent: dict[str, int] = {}
        for placement in self.placements:
            spent[placement.role] = spent.get(placement.role, 0) + placement.minutes
        return spent

    def minutes_by_kind(self) -> dict[str, int]:
        spent: dict[str, int] = {}
        for placement in self.placements:
            spent[placement.question.kind] = spent.get(placement.question.kind, 0) + placement.minutes
        return spent

    def meta_json(self) -> dict[str, Any]:
        by_kind = self.minutes_by_kind()
        return {
            "set_id": self.set_id,
            "shape": self.shape,
            "source": self.source,
            "level": self.level,
            "seed": self.seed,
            "budget_minutes": self.budget_minutes,
            "total_minutes": self.total_minutes,
            "composition": {
                "minutes_by_role": self.minutes_by_role(),
                "minutes_by_kind": by_kind,
                "choice_minutes": sum(m for kind, m in by_kind.items() if kind in CHOICE_KINDS),
                "questions_by_kind": {kind: sum(1 for q in self.questions if q.kind == kind) for kind in by_kind},
            },
            "qualifications": [
                {"id": f.id, "title": f.title, "weight": f.weight,
                 "questions": sum(1 for q in self.questions if q.qualification == f.id)}
                for f in self.focus
            ],
            "uncovered": list(self.uncovered),
            "notes": list(self.notes),
            "posting_languages": list(self.posting_languages),
            "excluded_used": self.excluded_used,
        }


@dataclass(frozen=True)
class SetRequest:
    minutes: int = 60
    level: str = DEFAULT_LEVEL
    seed: int | None = None
    posting: Path | None = None
    qualifications: tuple[str, ...] = ()
    exclude_used: bool = False
    shape: str = DEFAULT_SHAPE


def parse_seed(text: str | None) -> int | None:
    """``--seed`` arrives as text so that a typo is one clear line, not click's usage block."""
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise UsageError(f"--seed must be a whole number, got '{text}'",
                         hint="the same number always gives the same set") from None


# --- the log of used questions -----------------------------------------------------------------------------


def used_log_path() -> Path:
    return data_dir() / USED_LOG_NAME


def used_question_ids(log: Path) -> frozenset[str]:
    """Every question id an earlier set used; lines a crash cut short are skipped, not fatal."""
    try:
        text = log.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    except OSError as exc:
        raise UsageError(f"cannot read the log of used questions {log}: {exc.strerror}") from None
    used: set[str] = set()
    for row in text.splitlines():
        try:
            entry = json.loads(row)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("questions"), list):
            used.update(str(q) for q in entry["questions"])
    return frozenset(used)


def record_set(log: Path, interview: InterviewSet) -> None:
    entry = {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": interview.source,
        "shape": interview.shape,
        "set_id": interview.set_id,
        "level": interview.level,
        "seed": interview.seed,
        "budget_minutes": interview.budget_minutes,
        "questions": [q.id for q in interview.questions],
    }
    log.parent.mkdir(parents=True, exist_ok=True)
    # One write of one line in append mode: concurrent runs interleave whole lines, never halves.
    with log.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(entry) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


# --- choosing ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    source: str
    focus: tuple[Focus, ...]
    languages: tuple[str, ...] = ()


def _focus_for(bank: Bank, request: SetRequest) -> _Target:
    if request.posting is not None and request.qualifications:
        raise UsageError("use either --posting or --qualification, not both")
    if request.posting is not None:
        match = match_posting(request.posting, bank.qualifications)
        return _Target(f"posting {request.posting.name}", tuple(Focus(w.id, w.title, w.lines) for w in match.weights),
                       languages_named(match))
    if request.qualifications:
        named = tuple(dict.fromkeys(request.qualifications))
        return _Target(f"qualifications {', '.join(named)}",
                       tuple(Focus(q.id, q.title, 1) for q in (bank.qualification(name) for name in named)))
    raise UsageError("say what the interview is for: --posting FILE or --qualification ID",
                     hint=f"qualifications: {', '.join(q.id for q in bank.qualifications)}")


def _starters(bank: Bank, questions: tuple[Question, ...]) -> tuple[tuple[str, str, str], ...]:
    """What ``drillkit solve`` would write for each coding question and language: the starter under the prompt (and,
    for a language other than Python, the exercise's API in it). It is what the candidate begins from, never an
    answer."""
    coding = [q for q in questions if q.kind == "coding"]
    if not coding:
        return ()
    from drillkit.graders import language_api  # the sandbox package only when a set has an exercise
    from drillkit.practice.solve import starter_text

    found = []
    for question in coding:
        for language in question.languages:
            try:
                files = sorted(bank.grader_dir(question, language).glob("starter.*"))
                if files:
                    text = starter_text(question.prompt, question.title, files[0].read_text(encoding="utf-8"),
                                        language, language_api(bank, question, language))
                    found.append((question.id, language, text))
            except (OSError, UnicodeDecodeError, KeyError, NotFoundError):
                continue  # a candidate can start from the prompt's API; validate reports the missing starter
    return tuple(found)


def interview_set(bank: Bank, request: SetRequest, *, record: bool = True) -> InterviewSet:
    """Choose a set of the requested shape and record it in the log of used questions."""
    shape = check_shape(request.shape)
    target = _focus_for(bank, request)
    source, focus = target.source, target.focus
    if request.minutes < 1:
        raise UsageError(f"--minutes must be at least 1, got {request.minutes}")
    wanted = {f.id for f in focus}
    pool = [q for q in bank.questions if q.qualification in wanted]
    if shape == "screen":
        pool = [q for q in pool if q.kind in SCREEN_KINDS]
    log = used_log_path()
    excluded = 0
    if request.exclude_used:
        used = used_question_ids(log)
        fresh = [q for q in pool if q.id not in used]
        excluded = len(pool) - len(fresh)
        if not fresh:
            raise NotFoundError(f"every question for {source} was used in an earlier set",
                                hint=f"the log is {log}; delete it to start a new candidate pool")
        pool = fresh
    if not pool:
        raise NotFoundError(f"the bank has no questions for {source}")
    shortest = min(q.minutes for q in pool)
    if shortest > request.minutes:
        raise UsageError(f"a budget of {request.minutes} min fits no question: the shortest one for "
                         f"{source} takes {shortest} min", hint=f"use --minutes {shortest} or more")
    seed = request.seed if request.seed is not None else secrets.randbelow(1_000_000)
    composition = compose(pool, focus, request.minutes, request.level, seed, shape)
    questions = tuple(p.question for p in composition.placements)
    chosen = InterviewSet(source, focus, questions, request.minutes, request.level, seed, excluded,
                          shape=shape, placements=composition.placements, notes=composition.notes,
                          posting_languages=target.languages, starters=_starters(bank, questions),
                          nonce=secrets.token_hex(16))
    if not record:
        return chosen
    try:
        record_set(log, chosen)
    except OSError as exc:
        return dataclasses.replace(chosen, record_error=f"cannot record the set in {log}: {exc.strerror or exc}")
    return dataclasses.replace(chosen, log_path=log)


@dataclass(frozen=True)
class Explanation:
    """What ``--explain`` shows: how the posting was matched (when there is one) and the set with its reasons."""

    match: PostingMatch | None
    interview: InterviewSet


def explain_set(bank: Bank, request: SetRequest) -> Explanation:
    """The set the request gives, with why each question is in it; a preview, so it is not recorded as used."""
    interview = interview_set(bank, request, record=False)
    match = match_posting(request.posting, bank.qualifications) if request.posting is not None else None
    return Explanation(match, interview)
