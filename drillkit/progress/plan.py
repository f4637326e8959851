"""What to practise next: the review queue, and each question's practice status."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import zip_longest
from typing import Literal

from drillkit.bank import Bank
from drillkit.errors import UsageError
from drillkit.model import DIFFICULTIES, Question
from drillkit.progress.schedule import ReviewState
from drillkit.progress.store import ProgressStore

Status = Literal["new", "due", "seen", "mastered"]
STATUSES: tuple[Status, ...] = ("new", "due", "seen", "mastered")
DEFAULT_NEW_PER_DAY = 10


def local_day(moment: datetime) -> date:
    """Days (for the new-question cap, streaks and activity) are the user's calendar days, not UTC's."""
    return moment.astimezone().date()


@dataclass(frozen=True)
class ReviewPlan:
    questions: tuple[Question, ...]
    due: int
    new: int
    new_left_today: int
    coding_due: tuple[str, ...]
    next_due: datetime | None

    @property
    def served_due(self) -> int:
        return len(self.questions) - self.new


def _by_qualification_in_turn(questions: Sequence[Question]) -> list[Question]:
    """New questions take turns across qualifications, each easiest first, so a broad review stays broad."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.qualification, []).append(question)
    ordered = [sorted(group, key=lambda q: (DIFFICULTIES.index(q.difficulty), q.id)) for group in groups.values()]
    return [q for row in zip_longest(*ordered) for q in row if q is not None]


def plan_review(store: ProgressStore, bank: Bank, *, now: datetime, qualifications: Sequence[str] = (),
                limit: int | None = None, new_per_day: int = DEFAULT_NEW_PER_DAY) -> ReviewPlan:
    """Due questions, most overdue first, then never-answered ones up to the day's cap of new questions.

    Coding questions are scheduled like the rest but practised through ``check``, so they are only counted here.
    """
    for qualification in qualifications:
        bank.qualification(qualification)
    if limit is not None and limit < 1:
        raise UsageError(f"the number of questions must be at least 1, not {limit}")
    if new_per_day < 0:
        raise UsageError(f"new questions per day cannot be negative ({new_per_day})")
    scope = [q for q in bank.questions if not qualifications or q.qualification in qualifications]
    states = store.states()
    due = sorted((q for q in scope if q.id in states and states[q.id].is_due(now)),
                 key=lambda q: (states[q.id].due, q.id))
    coding_due = tuple(q.id for q in due if q.kind == "coding")
    servable_due = [q for q in due if q.kind != "coding"]

    reviewable = {q.id for q in bank.questions if q.kind != "coding"}
    today = local_day(now)
    new_today = sum(1 for totals in store.totals().values()
                    if totals.question_id in reviewable and totals.first_answered is not None
                    and local_day(totals.first_answered) == today)
    allowance = max(0, new_per_day - new_today)
    fresh = _by_qualification_in_turn([q for q in scope if q.id not in states and q.kind != "coding"])
    queue = (servable_due + fresh[:allowance])[:limit]
    upcoming = [states[q.id].due for q in scope if q.id in states and q.kind != "coding" and not states[q.id].is_due(now)]
    new_served = sum(1 for q in queue if q.id not in states)
    return ReviewPlan(
        questions=tuple(queue),
        due=len(servable_due),
        new=new_served,
        new_left_today=allowance - new_served,
        coding_due=coding_due,
        next_due=min(upcoming, default=None),
    )


def question_ids_with_status(store: ProgressStore, questions: Iterable[Question], status: str, *,
                             now: datetime) -> frozenset[str]:
    """new: never answered; seen: answered at least once; due: FSRS says review now; mastered: stable for weeks."""
    if status not in STATUSES:
        raise UsageError(f"unknown status '{status}'", hint=f"use one of: {', '.join(STATUSES)}")
    states = store.states()
    return frozenset(q.id for q in questions if _has_status(states.get(q.id), status, now))


def _has_status(state: ReviewState | None, status: str, now: datetime) -> bool:
    if state is None:
        return status == "new"
    if status == "due":
        return state.is_due(now)
    if status == "mastered":
        return state.mastered
    return status == "seen"
