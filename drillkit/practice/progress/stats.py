"""What the history says: per-qualification progress, retired questions, the streak and recent activity."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from drillkit.bank import Bank
from drillkit.practice.progress.plan import local_day
from drillkit.practice.progress.schedule import MASTERED_STABILITY_DAYS
from drillkit.practice.progress.store import ProgressStore
from drillkit.practice.quiz import Outcome

ACTIVITY_DAYS = 30


@dataclass(frozen=True)
class QualificationStats:
    id: str
    title: str
    questions: int
    seen: int
    attempts: int
    answered: int
    right: int
    due: int
    mastered: int
    overran: int
    self_graded: int = 0
    coverage_sum: float = 0.0

    @property
    def accuracy(self) -> float | None:
        """Right answers among answered attempts (skips left out); None before the first answer."""
        return self.right / self.answered if self.answered else None

    @property
    def coverage(self) -> float | None:
        """The average share of the checklist that self-graded written answers covered; None without any."""
        return self.coverage_sum / self.self_graded if self.self_graded else None

    def to_json(self) -> dict[str, Any]:
        accuracy = self.accuracy
        return {"id": self.id, "title": self.title, "questions": self.questions, "seen": self.seen,
                "attempts": self.attempts, "answered": self.answered, "right": self.right,
                "accuracy": round(accuracy, 4) if accuracy is not None else None, "due": self.due,
                "mastered": self.mastered, "overran": self.overran, "self_graded": self.self_graded,
                "coverage": round(self.coverage, 4) if self.coverage is not None else None}


@dataclass(frozen=True)
class RetiredQuestion:
    """A question in the history that the current bank no longer has (removed, renamed, or from another bank)."""

    id: str
    attempts: int
    last_attempt: datetime


@dataclass(frozen=True)
class DayActivity:
    day: date
    attempts: int


@dataclass(frozen=True)
class ProgressStats:
    qualifications: tuple[QualificationStats, ...]
    total: QualificationStats
    retired: tuple[RetiredQuestion, ...]
    attempts: int
    outcomes: tuple[tuple[str, int], ...]
    streak_days: int
    activity: tuple[DayActivity, ...]
    database: Path
    now: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "database": str(self.database),
            "now": self.now.isoformat(),
            "attempts": self.attempts,
            "outcomes": dict(self.outcomes),
            "mastered_stability_days": MASTERED_STABILITY_DAYS,
            "qualifications": [q.to_json() for q in self.qualifications],
            "total": self.total.to_json(),
            "retired": [{"id": r.id, "attempts": r.attempts, "last_attempt": r.last_attempt.isoformat()}
                        for r in self.retired],
            "streak_days": self.streak_days,
            "activity": [{"date": d.day.isoformat(), "attempts": d.attempts} for d in self.activity],
        }


def streak(days: set[date], today: date) -> int:
    """Consecutive days with practice ending today; a streak last extended yesterday is still alive today."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def progress_stats(store: ProgressStore, bank: Bank, *, now: datetime) -> ProgressStats:
    states = store.states()
    totals = store.totals()
    rows = []
    for qualification in bank.qualifications:
        questions = [q for q in bank.questions if q.qualification == qualification.id]
        if not questions:
            continue
        mine = [totals[q.id] for q in questions if q.id in totals]
        mine_states = [states[q.id] for q in questions if q.id in states]
        rows.append(QualificationStats(
            id=qualification.id,
            title=qualification.title,
            questions=len(questions),
            seen=len(mine_states),
            attempts=sum(t.attempts for t in mine),
            answered=sum(t.answered for t in mine),
            right=sum(t.right for t in mine),
            due=sum(1 for s in mine_states if s.is_due(now)),
            mastered=sum(1 for s in mine_states if s.mastered),
            overran=sum(t.overran for t in mine),
            self_graded=sum(t.self_graded for t in mine),
            coverage_sum=sum(t.coverage_sum for t in mine),
        ))
    known = set(bank.ids())
    retired = tuple(RetiredQuestion(t.question_id, t.attempts, t.last_attempt)
                    for t in sorted(totals.values(), key=lambda t: t.question_id) if t.question_id not in known)

    today = local_day(now)
    first_day = today - timedelta(days=ACTIVITY_DAYS - 1)
    # A day early, so no local time zone can push the window's first attempts out of the query.
    since = datetime.combine(first_day - timedelta(days=1), time(), tzinfo=now.tzinfo)
    per_day = Counter(local_day(moment) for moment in store.attempt_times(since))
    activity = tuple(DayActivity(first_day + timedelta(days=i), per_day[first_day + timedelta(days=i)])
                     for i in range(ACTIVITY_DAYS))
    practice_days = {local_day(moment) for moment in store.attempt_times()}
    outcomes = store.outcome_counts()
    return ProgressStats(
        qualifications=tuple(rows),
        total=QualificationStats("all", "All qualifications", *(sum(getattr(r, name) for r in rows) for name in (
            "questions", "seen", "attempts", "answered", "right", "due", "mastered", "overran", "self_graded",
            "coverage_sum"))),
        retired=retired,
        attempts=sum(outcomes.values()),
        outcomes=tuple((o.value, outcomes.get(o.value, 0)) for o in Outcome),
        streak_days=streak(practice_days, today),
        activity=activity,
        database=store.path,
        now=now,
    )
