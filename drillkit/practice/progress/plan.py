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
from drillkit.practice.progress.schedule import ReviewState
from drillkit.practice.progress.store import ProgressStore

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
    minutes_budget: int | None = None
    # With a budget: the shortest due (or new) question that was left out for lack of time, if any.
    shortest_left_out: int | None = None

    @property
    def served_due(self) -> int:
        return len(self.questions) - self.new

    @property
    def minutes(self) -> int:
        return sum(q.minutes for q in self.questions)


def related(first: Question, second: Question) -> bool:
    """Two questions on one narrow topic: two tags in common, or ids that start with the same two words
    (``redis-cluster-hash-tags`` and ``redis-cluster-moved-ask``)."""
    if len(set(first.tags) & set(second.tags)) >= 2:
        return True
    return first.id.split("-")[:2] == second.id.split("-")[:2] and first.id.count("-") >= 1


def spaced(questions: Sequence[Question]) -> list[Question]:
    """The questions in their order, except that one is never followed by a related one while an unrelated one
    is left: each next question is the first remaining that is unrelated to the one before."""
    left = list(questions)
    ordered: list[Question] = []
    while left:
        pick_at = next((i for i, q in enumerate(left) if not ordered or not related(ordered[-1], q)), 0)
        ordered.append(left.pop(pick_at))
    return ordered


def _fit(questions: Sequence[Question], budget: int) -> tuple[list[Question], int, int | None]:
    """In order, each question whose minutes still fit; what is left of the budget; the shortest left out."""
    chosen: list[Question] = []
    left_out: list[int] = []
    for question in questions:
        if question.minutes <= budget:
            chosen.append(question)
            budget -= question.minutes
        else:
            left_out.append(question.minutes)
    return chosen, budget, min(left_out, default=None)


def _by_qualification_in_turn(questions: Sequence[Question]) -> list[Question]:
    """New questions take turns across qualifications, each easiest first, so a broad review stays broad."""
    groups: dict[str, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.qualification, []).append(question)
    ordered = [sorted(group, key=lambda q: (DIFFICULTIES.index(q.difficulty), q.id)) for group in groups.values()]
    return [q for row in zip_longest(*ordered) for q in row if q is not None]


def plan_review(store: ProgressStore, bank: Bank, *, now: datetime, qualifications: Sequence[str] = (),
                limit: int | None = None, new_per_day: int = DEFAULT_NEW_PER_DAY,
                minutes: int | None = None) -> ReviewPlan:
    """Due questions, most overdue first, then never-answered ones up to the day's cap of new questions; with
    ``minutes``, only those that fit in that many minutes by their time budgets, due ones first. Questions on one
    narrow topic are not served back to back.

    Coding questions are scheduled like the rest but practised through ``check``, so they are only counted here.
    """
    for qualification in qualifications:
        bank.qualification(qualification)
    if limit is not None and limit < 1:
        raise UsageError(f"the number of questions must be at least 1, not {limit}")
    if new_per_day < 0:
        raise UsageError(f"new questions per day cannot be negative ({new_per_day})")
    if minutes is not None and minutes < 1:
        raise UsageError(f"the time budget must be at least 1 minute, not {minutes}")
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
    shortest_left_out = None
    if minutes is None:
        queue = (servable_due + fresh[:allowance])[:limit]
    else:
        chosen_due, left, shortest_due = _fit(servable_due[:limit], minutes)
        room = None if limit is None else limit - len(chosen_due)
        chosen_new, _, shortest_new = _fit(fresh[:allowance][:room], left)
        queue = chosen_due + chosen_new
        shortest_left_out = min((m for m in (shortest_due, shortest_new) if m is not None), default=None)
    queue = spaced(queue)
    upcoming = [states[q.id].due for q in scope if q.id in states and q.kind != "coding" and not states[q.id].is_due(now)]
    new_served = sum(1 for q in queue if q.id not in states)
    return ReviewPlan(
        questions=tuple(queue),
        due=len(servable_due),
        new=new_served,
        new_left_today=allowance - new_served,
        coding_due=coding_due,
        next_due=min(upcoming, default=None),
        minutes_budget=minutes,
        shortest_left_out=shortest_left_out,
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
