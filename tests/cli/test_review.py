"""`drillkit review`: what FSRS says is due, most overdue first, with a daily cap on new questions."""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler

from drillkit.bank import load_bank
from drillkit.bank.select import Filter, filter_questions, pick
from drillkit.model import Question
from drillkit.practice.progress import grading_record, open_store
from tests.conftest import FIXTURE_BANK, Invoke

T0 = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
# Good for any kind: a choice question takes "a" and re-asks past the blank line and the "3"; a free-text question
# takes "a" as its answer, the blank line ends it, and "3" rates it.
ANY_ANSWER = "a\n\n3\n"


def at(moment: datetime) -> str:
    return moment.isoformat()


def answer(question: Question, right: bool) -> str:
    if question.is_choice:
        wrong = next(letter for letter in "abcdefgh" if letter not in question.correct_letters)
        return (",".join(question.correct_letters) if right else wrong) + "\n"
    return f"my answer\n\n{'all' if right else 'none'}\n"  # the points of the checklist it covered


def served(output: str) -> list[str]:
    """The ids of the questions shown, in order (each header's second line is `id  (qualification · kind ...)`)."""
    return re.findall(r"^(\S+)  \([a-z-]+ · ", output, flags=re.MULTILINE)


def quizzed(count: int, seed: int, kinds: tuple[str, ...] = ("single-choice",)) -> list[Question]:
    return list(pick(filter_questions(load_bank().questions, Filter(("caching",), kinds)), count, seed))


def test_review_with_nothing_due_says_when_the_next_comes(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    first = quizzed(1, 2)[0]
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "2", input=answer(first, True))
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(hours=1)))
    result = run("review", "--new-per-day", "0")
    assert result.exit_code == 0, result.output
    assert "Nothing is due for review; the next comes due 2030-03-" in result.stdout
    assert served(result.stdout) == []


def test_after_simulated_days_review_serves_exactly_what_fsrs_says_is_due(run: Invoke,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    questions = quizzed(4, 1)
    right = [True, False, True, False]
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    quiz = run("quiz", "-q", "caching", "-k", "single-choice", "-n", "4", "--seed", "1",
               input="".join(answer(q, ok) for q, ok in zip(questions, right, strict=True)))
    assert quiz.exit_code == 0, quiz.output
    # Answered at once, a right choice is "right fast" (Easy); a wrong one is Again.
    scheduler = Scheduler(enable_fuzzing=False)
    due = {q.id: scheduler.review_card(Card(card_id=1, due=T0), Rating.Easy if ok else Rating.Again, T0)[0].due
           for q, ok in zip(questions, right, strict=True)}
    for days in (2, 30):
        now = T0 + timedelta(days=days)
        monkeypatch.setenv("DRILLKIT_NOW", at(now))
        result = run("review", "--new-per-day", "0", input="s\n" * 4)
        assert result.exit_code == 0, result.output
        # Equal intervals keep the order of answering: the earlier answer comes due first.
        expected = [q.id for q in sorted(questions, key=lambda q: due[q.id]) if due[q.id] <= now]
        assert served(result.stdout) == expected
        assert len(expected) == (2 if days == 2 else 4)
    with open_store() as store:
        sources = [a.source for a in store.attempts()]
    assert sources == ["quiz"] * 4 + ["review"] * 6


def test_a_right_answer_in_review_pushes_the_question_out(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    question = quizzed(1, 5)[0]
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "5", input=answer(question, False))
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=1)))
    first = run("review", "--new-per-day", "0", input=answer(question, True))
    assert served(first.stdout) == [question.id]
    assert "Score: 1/1 right" in first.stdout
    again = run("review", "--new-per-day", "0")
    assert served(again.stdout) == []
    assert json.loads(run("list", "--status", "due", "--json").stdout) == []


def test_new_questions_are_capped_per_day(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    first = run("review", "-q", "caching", "--new-per-day", "2", input=ANY_ANSWER * 2)
    assert first.exit_code == 0, first.output
    assert len(served(first.stdout)) == 2
    assert "0 due of 0, 2 new (0 more new allowed today)" in first.stderr
    later = run("review", "-q", "caching", "--new-per-day", "2")
    assert served(later.stdout) == []
    assert "today's new questions are used up" in later.stderr
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=1)))
    tomorrow = run("review", "-q", "caching", "--new-per-day", "2", input="s\n" * 4)
    shown = served(tomorrow.stdout)
    assert len(set(shown) - set(served(first.stdout))) == 2
    assert ", 2 new (0 more new allowed today)" in tomorrow.stderr


def test_count_limits_the_session(run: Invoke) -> None:
    result = run("review", "-q", "caching", "-n", "1", input="s\n")
    assert result.exit_code == 0
    assert len(served(result.stdout)) == 1
    assert "1/1" in result.stdout


def test_coding_questions_due_are_named_but_not_served(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store() as store:
        store.record(grading_record("sandbox-add", "fail", 1, 3, at=T0))
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=1)))
    result = run("--bank", str(FIXTURE_BANK), "review", "--new-per-day", "0")
    assert result.exit_code == 0
    assert "1 coding question(s) due too" in result.stderr
    assert "drillkit check" in result.stderr and "sandbox-add" in result.stderr
    assert served(result.stdout) == []


@pytest.mark.parametrize(("args", "needle"), [
    (("review", "-q", "astrology"), "unknown qualification 'astrology'"),
    (("review", "-n", "0"), "Invalid value for '-n' / '--count'"),
    (("review", "--new-per-day", "-1"), "Invalid value for '--new-per-day'"),
])
def test_review_bad_input_is_a_usage_error(run: Invoke, args: tuple[str, ...], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_a_bad_simulated_clock_is_one_line_and_exit_2(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLKIT_NOW", "next tuesday")
    result = run("review")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("drillkit: error: DRILLKIT_NOW='next tuesday' is not an ISO 8601 timestamp "
                                     "(e.g. 2030-01-31T09:00:00+00:00, or unset it)")


def test_review_with_a_corrupt_database_names_the_file_and_leaves_it(run: Invoke, isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "progress.sqlite3"
    path.write_bytes(b"\x00garbage" * 512)
    result = run("review")
    assert result.exit_code == 1
    assert f"{path} is not a readable drillkit progress database" in result.stderr
    assert "move it aside" in result.stderr
    assert path.read_bytes() == b"\x00garbage" * 512


def test_a_piped_design_answer_covering_points_1_and_2_stores_them_and_the_outcome_they_give(
        run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    design = quizzed(1, 3, ("design",))[0]
    points = [item.points for item in design.rubric]
    share = (points[0] + points[1]) / sum(points)
    expected = "right-fast" if share >= 0.8 else "right-after-hints" if share >= 0.4 else "wrong"
    # A help request and an out-of-range number are answered, then asked again; nothing is recorded for them.
    result = run("quiz", "-q", "caching", "-k", "design", "-n", "1", "--seed", "3",
                 input=f"my design\n\n?\n{len(points) + 1}\n1,2\n")
    assert result.exit_code == 0, result.output
    assert re.search(rf"^ *1 {points[0]} points? — ", result.stdout, re.MULTILINE)  # numbered, with its points
    assert "weighted by their points" in result.stdout and f"outside the points 1-{len(points)}" in result.output
    assert f"Covered 2 of {len(points)} ({share:.0%} of the points): {expected}" in result.stdout

    exported = json.loads(run("progress", "export").stdout)["attempts"]
    assert [(a["question_id"], a["covered"], a["coverage"], a["outcome"]) for a in exported] == [
        (design.id, [1, 2], round(share, 4), expected)]
    stats = json.loads(run("stats", "--json").stdout)
    caching = next(q for q in stats["qualifications"] if q["id"] == "caching")
    assert caching["self_graded"] == 1 and caching["coverage"] == round(share, 4)
    assert f"{share:.0%}" in run("stats").stdout


def test_covered_points_survive_an_export_and_import_into_another_home(
        run: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    short = quizzed(1, 5, ("short-answer",))[0]
    result = run("quiz", "-q", "caching", "-k", "short-answer", "-n", "1", "--seed", "5", input="text\n\nnone\n")
    assert result.exit_code == 0, result.output
    export = tmp_path / "progress.json"
    assert run("progress", "export", "-o", str(export)).exit_code == 0
    monkeypatch.setenv("DRILLKIT_HOME", str(tmp_path / "elsewhere"))
    assert run("progress", "import", str(export)).exit_code == 0
    with open_store() as store:
        [attempt] = store.attempts()
    assert (attempt.question_id, attempt.covered, attempt.coverage, attempt.outcome.value) == (
        short.id, (), 0.0, "wrong")


def test_the_old_one_to_four_rating_stays_behind_self_rate(run: Invoke) -> None:
    result = run("quiz", "-q", "caching", "-k", "short-answer", "-n", "1", "--seed", "5", "--self-rate",
                 input="text\n\n3\n")
    assert result.exit_code == 0, result.output
    with open_store() as store:
        [attempt] = store.attempts()
    assert attempt.covered is None and attempt.coverage is None and attempt.outcome.value == "right"


def budget_served(output: str, bank_minutes: dict[str, int]) -> int:
    return sum(bank_minutes[i] for i in served(output))


@pytest.mark.parametrize("budget", [1, 4, 10, 25])
def test_review_minutes_never_serves_more_than_the_budget_due_questions_first(
        run: Invoke, monkeypatch: pytest.MonkeyPatch, budget: int) -> None:
    bank = {q.id: q for q in load_bank().questions}
    minutes = {i: q.minutes for i, q in bank.items()}
    kinds = ("single-choice", "multiple-choice", "short-answer", "design")
    questions = quizzed(8, 4, kinds)
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    quiz = run("quiz", "-q", "caching", "-n", "8", "--seed", "4",
               input="".join(answer(q, False) for q in questions))
    assert quiz.exit_code == 0, quiz.output
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=1)))  # every wrong answer is due again
    result = run("review", "-q", "caching", "--minutes", str(budget), input="s\n" * 40)
    assert result.exit_code == 0, result.output
    ids = served(result.stdout)
    assert budget_served(result.stdout, minutes) <= budget
    # Due questions come first: none is left out that would still have fitted in what remains.
    fits = budget - sum(minutes[i] for i in ids)
    assert all(q.minutes > fits for q in questions if q.id not in ids)
    if budget >= min(q.minutes for q in questions):
        assert ids, result.stdout
        assert f"of your {budget} min" in result.output
    else:
        assert "Nothing fits in" in result.output


def test_review_never_serves_two_questions_on_one_narrow_topic_back_to_back_when_it_can_avoid_it(
        run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from drillkit.practice.progress.plan import related

    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    result = run("review", "-q", "caching", "--new-per-day", "12", input="s\n" * 12)
    assert result.exit_code == 0, result.output
    bank = {q.id: q for q in load_bank().questions}
    ids = served(result.stdout)
    assert len(ids) == 12
    for before, after in itertools.pairwise(ids):
        if related(bank[before], bank[after]):
            rest = ids[ids.index(after):]
            assert all(related(bank[before], bank[i]) for i in rest), (before, after)


def test_review_timed_counts_down_and_records_overruns(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))
    result = run("review", "-q", "caching", "--new-per-day", "1", "--timed", input="s\n")
    assert result.exit_code == 0, result.output
    with open_store() as store:
        [attempt] = store.attempts()
    assert attempt.source == "review"
    assert re.search(r"\d+ min", result.stdout)
