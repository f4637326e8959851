"""Where finished attempts go, and the one place the command line reads the clock.

Recording is best effort for the quiz flow: a failing store warns once and never loses the quiz. ``DRILLKIT_NOW``
(an ISO 8601 timestamp) moves the clock, so practice on simulated days can be tried and tested; time still passes
from that moment on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import click

from cli import console
from drillkit.errors import DrillkitError, ProgressStoreError, UsageError
from drillkit.model import Question
from drillkit.practice.progress import ProgressStore, grading_record, open_store, question_ids_with_status, record_of
from drillkit.practice.progress.records import Source
from drillkit.practice.quiz import Attempt

if TYPE_CHECKING:
    from sandbox import GradeResult

NOW_ENV = "DRILLKIT_NOW"
# The real time at which each DRILLKIT_NOW value was first read, so the simulated clock keeps ticking.
_anchors: dict[str, datetime] = {}


def clock_offset() -> timedelta:
    raw = os.environ.get(NOW_ENV, "").strip()
    if not raw:
        return timedelta()
    try:
        simulated = datetime.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"{NOW_ENV}='{raw}' is not an ISO 8601 timestamp",
                         hint="e.g. 2030-01-31T09:00:00+00:00, or unset it") from None
    if simulated.tzinfo is None:
        simulated = simulated.replace(tzinfo=UTC)
    return simulated - _anchors.setdefault(raw, datetime.now(UTC))


def now() -> datetime:
    return datetime.now(UTC) + clock_offset()


def open_progress() -> ProgressStore:
    """The progress store, closed when the command ends."""
    store = open_store()
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(store.close)
    return store


def attempt_recorder(source: Source = "quiz") -> Callable[[Attempt], None]:
    offset = clock_offset()
    try:
        store = open_progress()
    except ProgressStoreError as exc:
        console.warn(f"progress will not be saved: {exc}")
        return lambda attempt: None
    failed = False

    def record(attempt: Attempt) -> None:
        nonlocal failed
        try:
            store.record(record_of(attempt, source, at=attempt.answered_at + offset))
        except ProgressStoreError as exc:
            if not failed:
                console.warn(f"progress not saved, the quiz goes on: {exc}")
            failed = True

    return record


def record_grade(result: GradeResult) -> None:
    """A grading counts as a coding attempt; the verdict is shown whatever happens to the store."""
    try:
        with open_store() as store:
            store.record(grading_record(result.question, result.status, result.passed, result.total, at=now()))
    except DrillkitError as exc:
        console.warn(f"progress not saved: {exc}")


def ids_with_status(questions: Iterable[Question], status: str) -> frozenset[str]:
    return question_ids_with_status(open_progress(), questions, status, now=now())
