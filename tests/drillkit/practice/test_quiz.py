"""Self-grading a written answer against its checklist: parsing the points, weighting, and the outcome."""

from __future__ import annotations

import pytest

from drillkit.bank import load_bank
from drillkit.errors import UsageError
from drillkit.model import Question
from drillkit.practice.quiz import (
    COVERED_PARTLY,
    COVERED_RIGHT,
    Coverage,
    Outcome,
    checklist,
    coverage_of,
    coverage_outcome,
    parse_covered,
)


def first(predicate: str) -> Question:
    bank = load_bank()
    if predicate == "rubric":
        return next(q for q in bank.questions if q.kind == "design" and len({i.points for i in q.rubric}) > 1)
    return next(q for q in bank.questions if q.kind == "short-answer" and len(q.key_points) >= 3 and not q.rubric)


@pytest.mark.parametrize(("typed", "expected"), [
    ("1,3", (1, 3)), ("3 1", (1, 3)), (" 1 ; 3 ", (1, 3)), ("2-4", (2, 3, 4)), ("1,2-3,3", (1, 2, 3)),
    ("all", (1, 2, 3, 4)), ("ALL", (1, 2, 3, 4)), ("none", ()), ("0", ()),
])
def test_points_typed_the_usual_ways_are_understood(typed: str, expected: tuple[int, ...]) -> None:
    assert parse_covered(typed, 4) == expected


@pytest.mark.parametrize(("typed", "complaint"), [
    ("5", "outside the points 1-4"), ("0,2", "outside"), ("3-2", "outside"), ("two", "not a point number"),
    ("1.5", "not a point number"), ("", "no points given"), (",", "no points given"),
])
def test_anything_else_is_refused_with_what_to_type(typed: str, complaint: str) -> None:
    with pytest.raises(UsageError, match=complaint):
        parse_covered(typed, 4)


def test_key_points_count_one_each() -> None:
    question = first("key points")
    items = checklist(question)
    assert [i.text for i in items] == list(question.key_points) and {i.points for i in items} == {1}
    coverage = coverage_of(question, (1,))
    assert coverage.covered == (1,) and coverage.share == pytest.approx(1 / len(items))


def test_rubric_criteria_are_weighted_by_their_points() -> None:
    question = first("rubric")
    items = checklist(question)
    assert [i.points for i in items] == [r.points for r in question.rubric]
    heaviest = max(range(len(items)), key=lambda i: items[i].points) + 1
    lightest = min(range(len(items)), key=lambda i: items[i].points) + 1
    total = sum(i.points for i in items)
    assert coverage_of(question, (heaviest,)).share == pytest.approx(items[heaviest - 1].points / total)
    assert coverage_of(question, (heaviest,)).share > coverage_of(question, (lightest,)).share
    assert coverage_of(question, tuple(range(1, len(items) + 1))).share == pytest.approx(1.0)


@pytest.mark.parametrize(("share", "hints", "seconds", "expected"), [
    (1.0, 0, 30, Outcome.RIGHT_FAST),  # within half the 10-minute budget
    (1.0, 0, 400, Outcome.RIGHT),
    (COVERED_RIGHT, 0, 400, Outcome.RIGHT),
    (COVERED_RIGHT, 1, 30, Outcome.RIGHT_AFTER_HINTS),
    (COVERED_RIGHT - 0.01, 0, 30, Outcome.RIGHT_AFTER_HINTS),  # partly: the Hard rating
    (COVERED_PARTLY, 0, 30, Outcome.RIGHT_AFTER_HINTS),
    (COVERED_PARTLY - 0.01, 0, 30, Outcome.WRONG),
    (0.0, 0, 30, Outcome.WRONG),
])
def test_the_share_covered_sets_the_outcome(share: float, hints: int, seconds: float, expected: Outcome) -> None:
    assert coverage_outcome(Coverage((1,), share), hints, seconds, minutes=10) is expected
