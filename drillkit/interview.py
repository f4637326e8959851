"""Interview sets: questions for a posting or named qualifications, within a time budget.

A set covers the qualifications asked for (the most asked-for first when the budget cannot cover them all),
then spends the rest of the budget where the posting's weight is least served, keeping the difficulty mix of
the candidate's level. Every choice draws from one seeded generator over id-sorted lists, so the same seed, bank
and inputs give the same set. Each generated set is appended to a log under the user's data directory, which
``exclude_used`` reads so that a candidate pool does not see a question twice.
"""

from __future__ import annotations

import json
import os
import random
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drillkit.bank import Bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.model import DIFFICULTIES, Question
from drillkit.paths import data_dir
from drillkit.posting import match_posting

USED_LOG_NAME = "interview-sets.jsonl"
LEVELS = ("junior", "mid", "senior")
DEFAULT_LEVEL = "mid"

# The share of questions at each difficulty a level aims for.
DIFFICULTY_MIX: dict[str, dict[str, float]] = {
    "junior": {"easy": 0.45, "medium": 0.45, "hard": 0.10},
    "mid": {"easy": 0.20, "medium": 0.55, "hard": 0.25},
    "senior": {"easy": 0.10, "medium": 0.40, "hard": 0.50},
}


@dataclass(frozen=True)
class Focus:
    """A qualification the set is for, and how much it weighs (posting lines that named it, or 1)."""

    id: str
    title: str
    weight: int


@dataclass(frozen=True)
class PlannedQuestion:
    question: Question
    start_minute: int


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

    @property
    def total_minutes(self) -> int:
        return sum(q.minutes for q in self.questions)

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
        for question in self.questions:
            planned.append(PlannedQuestion(question, start))
            start += question.minutes
        return tuple(planned)

    def meta_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "level": self.level,
            "seed": self.seed,
            "budget_minutes": self.budget_minutes,
            "total_minutes": self.total_minutes,
            "qualifications": [
                {"id": f.id, "title": f.title, "weight": f.weight,
                 "questions": sum(1 for q in self.questions if q.qualification == f.id)}
                for f in self.focus
            ],
            "uncovered": list(self.uncovered),
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


def _by_id(questions: Sequence[Question]) -> list[Question]:
    return sorted(questions, key=lambda q: q.id)


class _Chooser:
    def __init__(self, pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str,
                 rng: random.Random) -> None:
        self.focus = list(focus)
        self.rng = rng
        self.mix = DIFFICULTY_MIX[level]
        self.budget = minutes
        self.remaining = minutes
        self.total_weight = sum(f.weight for f in focus) or 1
        self.chosen: list[Question] = []
        self.available: dict[str, list[Question]] = {
            f.id: _by_id([q for q in pool if q.qualification == f.id and q.minutes <= minutes]) for f in self.focus
        }

    def _fitting(self, qualification: str, cap: int) -> list[Question]:
        return [q for q in self.available[qualification] if q.minutes <= cap]

    def _difficulty_order(self) -> list[str]:
        """Difficulties by how far the set is below the level's mix, the most missing first."""
        counts: Counter[str] = Counter(q.difficulty for q in self.chosen)
        total = len(self.chosen) + 1
        return sorted(DIFFICULTIES, key=lambda d: (counts[d] - self.mix[d] * total, -self.mix[d]))

    def _pick(self, candidates: list[Question]) -> Question | None:
        if not candidates:
            return None
        kinds_used = Counter(q.kind for q in self.chosen)
        for difficulty in self._difficulty_order():
            level_fit = [q for q in candidates if q.difficulty == difficulty]
            if level_fit:
                # Among equals, a kind the set has least of keeps a mix of quick checks, discussion and design.
                fewest = min(kinds_used[q.kind] for q in level_fit)
                return self.rng.choice([q for q in level_fit if kinds_used[q.kind] == fewest])
        return None

    def _take(self, question: Question) -> None:
        self.chosen.append(question)
        self.remaining -= question.minutes
        self.available[question.qualification].remove(question)

    def _entitlement(self, focus: Focus) -> float:
        """The minutes this qualification deserves by its weight, less what it already has."""
        spent = sum(q.minutes for q in self.chosen if q.qualification == focus.id)
        return self.budget * focus.weight / self.total_weight - spent

    def cover(self) -> None:
        """One question for each qualification, the most weighted first, as far as the budget reaches."""
        shortest = {f.id: min((q.minutes for q in self.available[f.id]), default=None) for f in self.focus}
        coverable: list[Focus] = []
        reserved = 0
        for focus in self.focus:
            need = shortest[focus.id]
            if need is not None and reserved + need <= self.remaining:
                coverable.append(focus)
                reserved += need
        for position, focus in enumerate(coverable):
            # Leave room for the qualifications still to cover, and take no more than the weight earns, so a
            # lightly weighted qualification does not get a long design question just for being covered.
            hard_cap = self.remaining - sum(shortest[f.id] or 0 for f in coverable[position + 1:])
            soft_cap = min(hard_cap, max(int(self._entitlement(focus)), shortest[focus.id] or 0))
            question = (self._pick(self._fitting(focus.id, soft_cap))
                        or self._pick(self._fitting(focus.id, hard_cap)))
            if question is not None:
                self._take(question)

    def fill(self) -> None:
        """Spend what is left on the qualification furthest below its share, until no question fits."""
        order = {f.id: i for i, f in enumerate(self.focus)}
        while True:
            open_focus = [f for f in self.focus if self._fitting(f.id, self.remaining)]
            if not open_focus:
                return
            target = max(open_focus, key=lambda f: (self._entitlement(f), -order[f.id]))
            fitting = self._fitting(target.id, self.remaining)
            within_share = [q for q in fitting if q.minutes <= self._entitlement(target)]
            if not within_share:
                # Beyond every share now: add the shortest questions, spreading the last minutes thinly.
                shortest = min(q.minutes for q in fitting)
                within_share = [q for q in fitting if q.minutes == shortest]
            question = self._pick(within_share)
            if question is None:  # pragma: no cover - the list is never empty, so _pick always finds one
                return
            self._take(question)

    def ordered(self) -> tuple[Question, ...]:
        """Warm up with easy questions and end with the hard ones; within a difficulty, by the posting's weight."""
        order = {f.id: i for i, f in enumerate(self.focus)}
        rank = {d: i for i, d in enumerate(DIFFICULTIES)}
        return tuple(sorted(self.chosen, key=lambda q: (rank[q.difficulty], order[q.qualification], q.id)))


def choose_questions(pool: Sequence[Question], focus: Sequence[Focus], minutes: int, level: str,
                     seed: int) -> tuple[Question, ...]:
    """The selection itself, pure: the same arguments always give the same questions in the same order."""
    if level not in DIFFICULTY_MIX:
        raise UsageError(f"unknown level '{level}'", hint=f"use one of: {', '.join(LEVELS)}")
    chooser = _Chooser(pool, focus, minutes, level, random.Random(seed))
    chooser.cover()
    chooser.fill()
    return chooser.ordered()


def _focus_for(bank: Bank, request: SetRequest) -> tuple[str, tuple[Focus, ...]]:
    if request.posting is not None and request.qualifications:
        raise UsageError("use either --posting or --qualification, not both")
    if request.posting is not None:
        match = match_posting(request.posting, bank.qualifications)
        return (f"posting {request.posting.name}",
                tuple(Focus(w.id, w.title, w.lines) for w in match.weights))
    if request.qualifications:
        named = tuple(dict.fromkeys(request.qualifications))
        return (f"qualifications {', '.join(named)}",
                tuple(Focus(q.id, q.title, 1) for q in (bank.qualification(name) for name in named)))
    raise UsageError("say what the interview is for: --posting FILE or --qualification ID",
                     hint=f"qualifications: {', '.join(q.id for q in bank.qualifications)}")


def interview_set(bank: Bank, request: SetRequest, *, record: bool = True) -> InterviewSet:
    """Choose a set for the request and record it in the log of used questions."""
    source, focus = _focus_for(bank, request)
    if request.minutes < 1:
        raise UsageError(f"--minutes must be at least 1, got {request.minutes}")
    wanted = {f.id for f in focus}
    pool = [q for q in bank.questions if q.qualification in wanted]
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
    questions = choose_questions(pool, focus, request.minutes, request.level, seed)
    chosen = InterviewSet(source, focus, questions, request.minutes, request.level, seed, excluded)
    if not record:
        return chosen
    try:
        record_set(log, chosen)
    except OSError as exc:
        return InterviewSet(source, focus, questions, request.minutes, request.level, seed, excluded, None,
                            f"cannot record the set in {log}: {exc.strerror or exc}")
    return InterviewSet(source, focus, questions, request.minutes, request.level, seed, excluded, log)
