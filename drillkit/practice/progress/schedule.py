"""Review scheduling with FSRS: how an attempt's outcome becomes a rating, and a question's next due time."""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from fsrs import Card, Rating, Scheduler, State

from drillkit.practice.progress.records import AttemptRecord
from drillkit.practice.quiz import Outcome

# Fuzzing draws from the global random generator; without it, replaying a merged history reproduces the same
# schedule on every machine, and a bank of a few hundred questions has no review pile-ups to spread out.
SCHEDULER = Scheduler(enable_fuzzing=False)

RATINGS: dict[Outcome, Rating] = {
    Outcome.WRONG: Rating.Again,
    Outcome.RIGHT_AFTER_HINTS: Rating.Hard,
    Outcome.RIGHT: Rating.Good,
    Outcome.RIGHT_FAST: Rating.Easy,
}

# A question FSRS expects to be remembered for three weeks or more counts as mastered.
MASTERED_STABILITY_DAYS = 21.0


@dataclass(frozen=True)
class ReviewState:
    """A question's FSRS card, plus counters the stats show."""

    question_id: str
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int = 0
    lapses: int = 0

    @property
    def mastered(self) -> bool:
        return self.stability is not None and self.stability >= MASTERED_STABILITY_DAYS

    def is_due(self, now: datetime) -> bool:
        return self.due <= now


def rating_for(outcome: Outcome) -> Rating | None:
    return RATINGS.get(outcome)


def _card(question_id: str, state: ReviewState | None, at: datetime) -> Card:
    card_id = zlib.crc32(question_id.encode())
    if state is None:
        return Card(card_id=card_id, due=at)
    return Card(card_id=card_id, state=State(state.state), step=state.step, stability=state.stability,
                difficulty=state.difficulty, due=state.due, last_review=state.last_review)


def review(state: ReviewState | None, attempt: AttemptRecord) -> ReviewState:
    """The state after one attempt; a state is None for a question never reviewed before."""
    rating = rating_for(attempt.outcome)
    if rating is None:
        raise ValueError(f"a {attempt.outcome.value} attempt is not a review")
    at = attempt.answered_at.astimezone(UTC)
    before = _card(attempt.question_id, state, at)
    lapsed = before.state is State.Review and rating is Rating.Again
    duration_ms = round(attempt.seconds * 1000) if attempt.seconds is not None else None
    card, _ = SCHEDULER.review_card(before, rating, review_datetime=at, review_duration=duration_ms)
    return ReviewState(
        question_id=attempt.question_id,
        state=int(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reviews=(state.reviews if state else 0) + 1,
        lapses=(state.lapses if state else 0) + int(lapsed),
    )


def replay(attempts: Iterable[AttemptRecord]) -> ReviewState | None:
    """A question's state from its whole history, oldest first; used when attempts arrive out of order."""
    state: ReviewState | None = None
    for attempt in sorted(attempts, key=lambda a: (a.answered_at, a.id)):
        if attempt.reviews:
            state = review(state, attempt)
    return state
