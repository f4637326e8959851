"""One practice attempt as the progress store keeps it, and how quiz attempts and gradings become one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from drillkit.practice.quiz import Attempt, Outcome

Source = Literal["quiz", "review", "check"]
SOURCES: tuple[Source, ...] = ("quiz", "review", "check")


@dataclass(frozen=True)
class AttemptRecord:
    """An attempt with the id that keeps it unique across machines, so merging exports never duplicates it.

    ``seconds`` is None for coding attempts: drillkit sees only the grading, not how long the work took.
    """

    id: str
    question_id: str
    kind: str
    outcome: Outcome
    answered_at: datetime
    source: Source
    seconds: float | None = None
    hints_used: int = 0
    self_rated: bool = False
    overran: bool = False
    verdict: str | None = None
    tests_passed: int | None = None
    tests_total: int | None = None
    # Self-grading against a checklist: the numbers of the points covered, and their share of its points.
    covered: tuple[int, ...] | None = None
    coverage: float | None = None

    @property
    def reviews(self) -> bool:
        """A skip is kept in the history but says nothing about memory, so it never moves the schedule."""
        return self.outcome is not Outcome.SKIPPED


def new_attempt_id() -> str:
    return uuid.uuid4().hex


def utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError(f"timestamp {moment.isoformat()} has no time zone")
    return moment.astimezone(UTC)


def record_of(attempt: Attempt, source: Source, *, at: datetime | None = None) -> AttemptRecord:
    return AttemptRecord(
        id=new_attempt_id(),
        question_id=attempt.question_id,
        kind=attempt.kind,
        outcome=attempt.outcome,
        answered_at=utc(at or attempt.answered_at),
        source=source,
        seconds=attempt.seconds,
        hints_used=attempt.hints_used,
        self_rated=attempt.self_rated,
        overran=attempt.overran,
        verdict=attempt.verdict,
        tests_passed=attempt.tests_passed,
        tests_total=attempt.tests_total,
        covered=attempt.coverage.covered if attempt.coverage else None,
        coverage=round(attempt.coverage.share, 4) if attempt.coverage else None,
    )


def grading_record(question_id: str, status: str, passed: int, total: int, *, at: datetime) -> AttemptRecord:
    """A graded coding submission: only a full pass counts as right; fail, error, timeout and memory are wrong."""
    return AttemptRecord(
        id=new_attempt_id(),
        question_id=question_id,
        kind="coding",
        outcome=Outcome.RIGHT if status == "pass" else Outcome.WRONG,
        answered_at=utc(at),
        source="check",
        verdict=status,
        tests_passed=passed,
        tests_total=total,
    )
