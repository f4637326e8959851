"""`drillkit stats`: a scripted quiz shows up exactly; overruns, retired questions, streaks and store faults."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from drillkit.practice.progress import AttemptRecord, open_store
from drillkit.practice.progress.records import new_attempt_id
from drillkit.practice.quiz import Outcome
from tests.cli.test_review import answer, at, quizzed
from tests.conftest import Invoke

T0 = datetime(2030, 5, 6, 10, 0, tzinfo=UTC)


def stats_json(run: Invoke) -> dict[str, Any]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def row(data: dict[str, Any], qualification: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in data["qualifications"] if q["id"] == qualification)
    return found


def test_stats_before_any_practice_are_all_zero(run: Invoke) -> None:
    data = stats_json(run)
    assert data["attempts"] == 0 and data["streak_days"] == 0
    assert data["total"]["seen"] == 0 and data["total"]["questions"] > 0
    assert len(data["activity"]) == 30 and all(day["attempts"] == 0 for day in data["activity"])
    table = run("stats")
    assert "caching" in table.stdout and "Streak: 0 days" in table.stdout


def test_a_scripted_quiz_then_stats_shows_exactly_the_attempts_made(run: Invoke) -> None:
    kinds = ("single-choice", "multiple-choice", "short-answer", "design")
    questions = quizzed(4, 8, kinds)
    answers = [answer(questions[0], True), answer(questions[1], False), "s\n", answer(questions[3], True)]
    quiz = run("quiz", "-q", "caching", "-n", "4", "--seed", "8", input="".join(answers))
    assert quiz.exit_code == 0, quiz.output
    data = stats_json(run)
    assert data["attempts"] == 4
    # Both right answers came well within half their time budget: the Easy rating, written answers included.
    expected = {"wrong": 1, "right-after-hints": 0, "right": 0, "right-fast": 2, "skipped": 1}
    assert data["outcomes"] == expected
    caching = row(data, "caching")
    assert (caching["attempts"], caching["answered"], caching["right"], caching["seen"]) == (4, 3, 2, 3)
    assert caching["accuracy"] == round(2 / 3, 4)
    assert all(q["attempts"] == 0 for q in data["qualifications"] if q["id"] != "caching")
    assert data["streak_days"] == 1 and data["activity"][-1]["attempts"] == 4


def test_the_table_shows_bars_streak_and_activity(run: Invoke) -> None:
    question = quizzed(1, 3)[0]
    run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "3", input=answer(question, True))
    result = run("stats")
    assert result.exit_code == 0
    caching = next(line for line in result.stdout.splitlines() if "│ caching " in line)
    assert " 1/40 " in caching or "1/" in caching
    assert "100%" in caching and "░" in caching
    assert "Streak: 1 day ·" in result.stdout
    assert "Last 30 days: ·····························█  1 attempt(s), 1 active day(s)" in result.stdout


class SlowClock:
    """Every reading is twenty minutes after the previous one, so any answer overruns its budget."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        self.now += 1200.0
        return self.now


def test_a_timed_overrun_is_stored_and_shown(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cli.commands.quiz.time", SlowClock())
    question = quizzed(1, 3)[0]
    quiz = run("quiz", "--timed", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "3",
               input=answer(question, True))
    assert "over time" in quiz.stderr
    with open_store() as store:
        (stored,) = store.attempts()
    assert stored.overran and stored.outcome is Outcome.RIGHT
    assert row(stats_json(run), "caching")["overran"] == 1
    caching = next(line for line in run("stats").stdout.splitlines() if "│ caching " in line)
    assert caching.rstrip("│ ").endswith("1")


def test_a_question_no_longer_in_the_bank_is_shown_as_retired(run: Invoke) -> None:
    with open_store() as store:
        store.record(AttemptRecord(new_attempt_id(), "question-that-was-removed", "single-choice", Outcome.RIGHT,
                                   T0, "quiz", seconds=4.0))
    data = stats_json(run)
    assert data["retired"] == [{"id": "question-that-was-removed", "attempts": 1, "last_attempt": T0.isoformat()}]
    assert data["attempts"] == 1 and data["total"]["attempts"] == 0
    table = run("stats")
    assert table.exit_code == 0
    assert "Retired: 1 question(s)" in table.stdout and "question-that-was-removed" in table.stdout


def test_a_streak_over_simulated_days(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    question = quizzed(1, 3)[0]
    for day in (0, 1):
        monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=day)))
        run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "3", input=answer(question, True))
    data = stats_json(run)
    assert data["streak_days"] == 2
    assert [day["attempts"] for day in data["activity"][-3:]] == [0, 1, 1]
    monkeypatch.setenv("DRILLKIT_NOW", at(T0 + timedelta(days=3)))
    assert stats_json(run)["streak_days"] == 0


def test_a_quiz_with_a_corrupt_database_warns_once_and_still_scores(run: Invoke, isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "progress.sqlite3"
    path.write_text("not a database at all\n" * 100)
    questions = quizzed(2, 1)
    result = run("quiz", "-q", "caching", "-k", "single-choice", "-n", "2", "--seed", "1",
                 input="".join(answer(q, True) for q in questions))
    assert result.exit_code == 0
    assert result.stderr.count("progress will not be saved") == 1
    assert str(path) in result.stderr
    assert "Score: 2/2 right" in result.stdout
    assert path.read_text() == "not a database at all\n" * 100


def test_stats_refuses_a_corrupt_database_with_its_name_and_a_way_out(run: Invoke, isolated_home: Path) -> None:
    isolated_home.mkdir()
    path = isolated_home / "progress.sqlite3"
    path.write_text("not a database at all\n" * 100)
    result = run("stats", "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"drillkit: error: {path} is not a readable drillkit progress database")
    assert f"mv {path} {path}.bad" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_stats_refuses_a_database_from_a_newer_drillkit(run: Invoke) -> None:
    with open_store() as store:
        path = store.path
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    result = run("stats")
    assert result.exit_code == 1
    assert "written by a newer drillkit (progress schema 999" in result.stderr
    assert "upgrade drillkit" in result.stderr
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 999
    check.close()
