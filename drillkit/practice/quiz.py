"""Grading quiz answers and turning them into practice outcomes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from drillkit.errors import UsageError
from drillkit.model import Question, letter


class Outcome(StrEnum):
    """How an attempt went; it maps onto the review rating (Again, Hard, Good, Easy)."""

    WRONG = "wrong"
    RIGHT_AFTER_HINTS = "right-after-hints"
    RIGHT = "right"
    RIGHT_FAST = "right-fast"
    SKIPPED = "skipped"

    @property
    def is_right(self) -> bool:
        return self in (Outcome.RIGHT, Outcome.RIGHT_AFTER_HINTS, Outcome.RIGHT_FAST)


SELF_RATINGS: dict[int, tuple[str, Outcome]] = {
    1: ("missed it", Outcome.WRONG),
    2: ("partly, or only with hints", Outcome.RIGHT_AFTER_HINTS),
    3: ("got it", Outcome.RIGHT),
    4: ("got it easily", Outcome.RIGHT_FAST),
}

# Answering in under this share of the question's time budget counts as "right fast" (the Easy rating).
FAST_SHARE = 0.5

# Self-grading against a checklist: the share of its points an answer covered (weighted by rubric points) sets
# the outcome. At least COVERED_RIGHT is right (right fast, or right after hints, as for choice questions); at
# least COVERED_PARTLY is "partly" (the Hard rating, like the 1-4 scale's 2); less is wrong.
COVERED_RIGHT = 0.8
COVERED_PARTLY = 0.4
COVERAGE_HELP = (f"type the numbers of the points your answer covered: 1,3 or 1 3 or 1-3, all, or none. "
                 f"Covering {COVERED_RIGHT:.0%} of the points (weighted by their points) counts as right, "
                 f"{COVERED_PARTLY:.0%} as partly, less as wrong")


@dataclass(frozen=True)
class ChecklistItem:
    text: str
    points: int


@dataclass(frozen=True)
class Coverage:
    covered: tuple[int, ...]  # the checklist's item numbers, from 1
    share: float  # of the checklist's points


@dataclass(frozen=True)
class ChoiceVerdict:
    correct: bool
    picked: tuple[str, ...]
    expected: tuple[str, ...]


@dataclass(frozen=True)
class Attempt:
    question_id: str
    kind: str
    outcome: Outcome
    seconds: float
    hints_used: int
    answered_at: datetime
    self_rated: bool = False
    overran: bool = False
    verdict: str | None = None
    tests_passed: int | None = None
    tests_total: int | None = None
    coverage: Coverage | None = None


@dataclass(frozen=True)
class QuizSummary:
    answered: int
    right: int
    skipped: int
    seconds: float

    @property
    def score_percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


def parse_letters(text: str, choice_count: int) -> tuple[str, ...]:
    """Letters typed as 'a', 'A', 'a,c', 'a c' or 'ac'; anything else is a usage error the quiz re-asks."""
    cleaned = re.sub(r"[\s,;]+", "", text.strip().lower())
    if not cleaned:
        raise UsageError("no answer given")
    valid = {letter(i) for i in range(choice_count)}
    wrong = sorted(set(cleaned) - valid)
    if wrong:
        last = letter(choice_count - 1)
        raise UsageError(f"'{''.join(wrong)}' is not a choice", hint=f"answer with letters a-{last}")
    return tuple(sorted(set(cleaned)))


def grade_choice(question: Question, text: str) -> ChoiceVerdict:
    picked = parse_letters(text, len(question.choices))
    if question.kind == "single-choice" and len(picked) != 1:
        raise UsageError("pick exactly one letter for a single-choice question")
    expected = question.correct_letters
    return ChoiceVerdict(picked == expected, picked, expected)


def outcome_for(correct: bool, hints_used: int, seconds: float, minutes: int) -> Outcome:
    if not correct:
        return Outcome.WRONG
    if hints_used:
        return Outcome.RIGHT_AFTER_HINTS
    if seconds < FAST_SHARE * minutes * 60:
        return Outcome.RIGHT_FAST
    return Outcome.RIGHT


def checklist(question: Question) -> tuple[ChecklistItem, ...]:
    """What a written answer is graded against: the rubric's criteria with their points, else the key points."""
    if question.rubric:
        return tuple(ChecklistItem(item.criterion, item.points) for item in question.rubric)
    return tuple(ChecklistItem(point, 1) for point in question.key_points)


def parse_covered(text: str, count: int) -> tuple[int, ...]:
    """Item numbers typed as '1,3', '1 3', '1-3', 'all' or 'none'; anything else is a usage error re-asked."""
    cleaned = text.strip().lower()
    if cleaned == "all":
        return tuple(range(1, count + 1))
    if cleaned in {"none", "0", "-"}:
        return ()
    numbers: set[int] = set()
    for part in re.split(r"[\s,;]+", cleaned):
        if not part:
            continue
        bounds = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if bounds is None:
            raise UsageError(f"'{part}' is not a point number", hint="answer like 1,3 or 1-3, all, none, or ? for help")
        first, last = int(bounds.group(1)), int(bounds.group(2) or bounds.group(1))
        if not 1 <= first <= last <= count:
            raise UsageError(f"'{part}' is outside the points 1-{count}")
        numbers.update(range(first, last + 1))
    if not numbers:
        raise UsageError("no points given", hint="type none if your answer covered none of them")
    return tuple(sorted(numbers))


def coverage_of(question: Question, covered: tuple[int, ...]) -> Coverage:
    items = checklist(question)
    total = sum(item.points for item in items)
    got = sum(items[number - 1].points for number in covered)
    return Coverage(covered, got / total if total else 0.0)


def coverage_outcome(coverage: Coverage, hints_used: int, seconds: float, minutes: int) -> Outcome:
    if coverage.share >= COVERED_RIGHT:
        return outcome_for(True, hints_used, seconds, minutes)
    return Outcome.RIGHT_AFTER_HINTS if coverage.share >= COVERED_PARTLY else Outcome.WRONG


def self_rated_outcome(rating: int) -> Outcome:
    if rating not in SELF_RATINGS:
        raise UsageError(f"rating must be 1-4, not {rating}")
    return SELF_RATINGS[rating][1]


def make_attempt(question: Question, outcome: Outcome, *, seconds: float, hints_used: int,
                 self_rated: bool = False, timed: bool = False, now: datetime | None = None,
                 coverage: Coverage | None = None) -> Attempt:
    return Attempt(
        question_id=question.id,
        kind=question.kind,
        outcome=outcome,
        seconds=round(seconds, 3),
        hints_used=hints_used,
        answered_at=now or datetime.now(UTC),
        self_rated=self_rated,
        overran=timed and seconds > question.minutes * 60,
        coverage=coverage,
    )


def summarize(attempts: list[Attempt], seconds: float) -> QuizSummary:
    skipped = sum(1 for a in attempts if a.outcome is Outcome.SKIPPED)
    answered = len(attempts) - skipped
    right = sum(1 for a in attempts if a.outcome.is_right)
    return QuizSummary(answered, right, skipped, seconds)
