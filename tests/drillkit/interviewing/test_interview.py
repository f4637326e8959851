"""Choosing interview sets: the budget, coverage, weights, levels, seeds and the log of used questions."""

from __future__ import annotations

import itertools
import json
from collections import Counter
from pathlib import Path

import pytest

from drillkit.bank import Bank, load_bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing.interview import (
    Focus,
    SetRequest,
    choose_questions,
    interview_set,
    parse_seed,
    used_log_path,
    used_question_ids,
)
from tests.conftest import REPO

POSTINGS = REPO / "tests" / "fixtures" / "postings"
PLATFORM = POSTINGS / "platform-engineer.txt"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def focus(bank: Bank, *weighted: tuple[str, int]) -> tuple[Focus, ...]:
    return tuple(Focus(qid, bank.qualification(qid).title, weight) for qid, weight in weighted)


@pytest.mark.parametrize("minutes", [3, 7, 15, 30, 45, 60, 90, 120])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_set_fits_the_budget(bank: Bank, minutes: int, seed: int) -> None:
    chosen = interview_set(bank, SetRequest(minutes=minutes, seed=seed, posting=PLATFORM), record=False)
    assert chosen.questions
    assert chosen.total_minutes <= minutes
    assert len({q.id for q in chosen.questions}) == len(chosen.questions)


def test_a_set_leaves_no_room_for_another_question(bank: Bank) -> None:
    chosen = interview_set(bank, SetRequest(minutes=60, seed=5, posting=PLATFORM), record=False)
    wanted = {f.id for f in chosen.focus}
    unused = [q for q in bank.questions if q.qualification in wanted and q not in chosen.questions]
    spare = chosen.budget_minutes - chosen.total_minutes
    assert all(q.minutes > spare for q in unused)


def test_the_same_seed_gives_the_same_set_and_another_seed_another(bank: Bank) -> None:
    def ids(seed: int) -> list[str]:
        return [q.id for q in interview_set(bank, SetRequest(minutes=60, seed=seed, posting=PLATFORM),
                                             record=False).questions]

    assert ids(7) == ids(7)
    assert len({tuple(ids(seed)) for seed in range(5)}) > 1


def test_every_matched_qualification_is_covered_when_the_budget_allows(bank: Bank) -> None:
    chosen = interview_set(bank, SetRequest(minutes=60, seed=11, posting=PLATFORM, shape="screen"), record=False)
    assert len(chosen.focus) >= 8
    assert chosen.uncovered == ()


def test_a_small_budget_covers_the_most_asked_for_first(bank: Bank) -> None:
    weighted = focus(bank, ("caching", 5), ("kubernetes", 3), ("databases", 1), ("observability", 1))
    for seed in range(5):
        questions = choose_questions(bank.questions, weighted, 5, "mid", seed)
        assert sum(q.minutes for q in questions) <= 5
        # Two-minute questions exist everywhere, so 5 minutes cover the two most weighted and no more.
        assert {q.qualification for q in questions} == {"caching", "kubernetes"}


def test_weight_buys_time(bank: Bank) -> None:
    weighted = focus(bank, ("databases", 6), ("caching", 1))
    spent: Counter[str] = Counter()
    for seed in range(10):
        for question in choose_questions(bank.questions, weighted, 60, "mid", seed):
            spent[question.qualification] += question.minutes
    assert spent["databases"] > 2 * spent["caching"] > 0


def test_the_level_shifts_the_difficulty_mix(bank: Bank) -> None:
    weighted = focus(bank, ("databases", 1), ("distributed-systems", 1), ("caching", 1))

    def mix(level: str) -> Counter[str]:
        counts: Counter[str] = Counter()
        for seed in range(8):
            counts.update(q.difficulty for q in choose_questions(bank.questions, weighted, 60, level, seed))
        return counts

    junior, senior = mix("junior"), mix("senior")
    assert senior["hard"] > junior["hard"]
    assert junior["easy"] > senior["easy"]


def test_choice_questions_run_from_easy_to_hard(bank: Bank) -> None:
    rank = {"easy": 0, "medium": 1, "hard": 2}
    for shape, role in (("screen", "coverage"), ("live", "warm-up")):
        chosen = interview_set(bank, SetRequest(minutes=90, seed=2, posting=PLATFORM, shape=shape), record=False)
        levels = [rank[p.question.difficulty] for p in chosen.placements if p.role == role]
        assert len(levels) > 1 and levels == sorted(levels)


def test_the_plan_gives_start_times(bank: Bank) -> None:
    chosen = interview_set(bank, SetRequest(minutes=30, seed=2, qualifications=("caching",)), record=False)
    plan = chosen.plan()
    assert plan[0].start_minute == 0
    for earlier, later in itertools.pairwise(plan):
        assert later.start_minute == earlier.start_minute + earlier.question.minutes


def test_named_qualifications_weigh_the_same(bank: Bank) -> None:
    chosen = interview_set(bank, SetRequest(minutes=40, seed=1, qualifications=("kubernetes", "caching")),
                           record=False)
    assert [(f.id, f.weight) for f in chosen.focus] == [("kubernetes", 1), ("caching", 1)]
    assert {q.qualification for q in chosen.questions} == {"kubernetes", "caching"}
    assert chosen.source == "qualifications kubernetes, caching"


def test_without_a_seed_one_is_drawn_and_reported(bank: Bank) -> None:
    chosen = interview_set(bank, SetRequest(minutes=20, qualifications=("caching",)), record=False)
    again = interview_set(bank, SetRequest(minutes=20, seed=chosen.seed, qualifications=("caching",)), record=False)
    assert chosen.questions == again.questions


def test_every_set_is_recorded_and_exclude_used_avoids_its_questions(bank: Bank, isolated_home: Path) -> None:
    request = SetRequest(minutes=30, seed=4, qualifications=("caching",))
    first = interview_set(bank, request)
    assert first.log_path == isolated_home / "interview-sets.jsonl" == used_log_path()
    second = interview_set(bank, SetRequest(minutes=30, seed=4, qualifications=("caching",), exclude_used=True))
    assert not {q.id for q in first.questions} & {q.id for q in second.questions}
    assert second.excluded_used == len(first.questions)
    entries = [json.loads(row) for row in used_log_path().read_text().splitlines()]
    assert [e["questions"] for e in entries] == [[q.id for q in first.questions], [q.id for q in second.questions]]
    assert entries[0]["seed"] == 4 and entries[0]["source"] == "qualifications caching"


def test_a_damaged_log_line_is_skipped(isolated_home: Path) -> None:
    log = isolated_home / "interview-sets.jsonl"
    log.parent.mkdir(parents=True)
    log.write_text('{"questions": ["a", "b"]}\n{"questions": ["c"\n[1, 2]\n')
    assert used_question_ids(log) == {"a", "b"}


def test_an_exhausted_pool_says_where_the_log_is(bank: Bank, isolated_home: Path) -> None:
    log = isolated_home / "interview-sets.jsonl"
    log.parent.mkdir(parents=True)
    everything = [q.id for q in bank.questions if q.qualification == "caching"]
    log.write_text(json.dumps({"questions": everything}) + "\n")
    with pytest.raises(NotFoundError, match="was used in an earlier set") as caught:
        interview_set(bank, SetRequest(minutes=30, qualifications=("caching",), exclude_used=True))
    assert str(log) in str(caught.value)


def test_a_log_that_cannot_be_written_is_reported_not_fatal(bank: Bank, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DRILLKIT_HOME", str(blocker / "home"))
    chosen = interview_set(bank, SetRequest(minutes=10, seed=1, qualifications=("caching",)))
    assert chosen.questions
    assert chosen.log_path is None
    assert chosen.record_error is not None and "cannot record the set" in chosen.record_error


def test_a_budget_too_small_for_any_question_names_the_shortest(bank: Bank) -> None:
    shortest = min(q.minutes for q in bank.questions if q.qualification == "caching")
    with pytest.raises(UsageError, match=f"a budget of 1 min fits no question.*takes {shortest} min"):
        interview_set(bank, SetRequest(minutes=1, qualifications=("caching",)), record=False)


def test_a_zero_budget_is_refused(bank: Bank) -> None:
    with pytest.raises(UsageError, match="--minutes must be at least 1"):
        interview_set(bank, SetRequest(minutes=0, qualifications=("caching",)), record=False)


def test_posting_or_qualifications_but_not_both_nor_neither(bank: Bank) -> None:
    with pytest.raises(UsageError, match="either --posting or --qualification"):
        interview_set(bank, SetRequest(posting=PLATFORM, qualifications=("caching",)), record=False)
    with pytest.raises(UsageError, match="say what the interview is for"):
        interview_set(bank, SetRequest(), record=False)


def test_an_unknown_qualification_is_named(bank: Bank) -> None:
    with pytest.raises(NotFoundError, match="unknown qualification 'astrology'"):
        interview_set(bank, SetRequest(qualifications=("astrology",)), record=False)


@pytest.mark.parametrize(("text", "seed"), [("7", 7), (" 42 ", 42), ("-3", -3), (None, None)])
def test_a_seed_is_a_whole_number(text: str | None, seed: int | None) -> None:
    assert parse_seed(text) == seed


@pytest.mark.parametrize("text", ["abc", "1.5", "", "7x"])
def test_a_seed_that_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match="--seed must be a whole number"):
        parse_seed(text)
