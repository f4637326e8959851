"""`drillkit progress export|import|reset`, recording from quiz and check, and `list --status`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cli.recording import record_grade
from drillkit.bank import load_bank
from drillkit.practice.progress import AttemptRecord, open_store
from drillkit.practice.progress.records import new_attempt_id
from drillkit.practice.quiz import Outcome
from sandbox import GradeResult
from tests.cli.test_review import answer, at, quizzed
from tests.conftest import Invoke

T0 = datetime(2030, 2, 1, 8, 0, tzinfo=UTC)


def practise(run: Invoke, count: int = 2, seed: int = 1) -> list[str]:
    questions = quizzed(count, seed)
    result = run("quiz", "-q", "caching", "-k", "single-choice", "-n", str(count), "--seed", str(seed),
                 input="".join(answer(q, True) for q in questions))
    assert result.exit_code == 0, result.output
    return [q.id for q in questions]


def seed_history(count: int) -> None:
    """History made directly in the store, for tests about what commands do with it."""
    with open_store() as store:
        for index in range(count):
            store.record(AttemptRecord(new_attempt_id(), f"q{index}", "single-choice", Outcome.RIGHT,
                                       T0 + timedelta(minutes=index), "quiz", seconds=5.0))


def test_a_quiz_records_each_attempt_as_it_is_answered(run: Invoke) -> None:
    ids = practise(run, 3)
    with open_store() as store:
        attempts = store.attempts()
    assert [a.question_id for a in attempts] == ids
    assert all(a.source == "quiz" and a.outcome is Outcome.RIGHT_FAST and a.seconds is not None for a in attempts)


def test_export_to_stdout_then_import_elsewhere_merges_without_duplicates(
        run: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ids = practise(run, 2)
    exported = run("progress", "export")
    assert exported.exit_code == 0
    data = json.loads(exported.stdout)
    assert data["format"] == "drillkit-progress" and [a["question_id"] for a in data["attempts"]] == ids
    export_file = tmp_path / "desktop.json"
    export_file.write_text(exported.stdout)

    monkeypatch.setenv("DRILLKIT_HOME", str(tmp_path / "laptop"))
    laptop_ids = practise(run, 1, seed=9)
    first = run("progress", "import", str(export_file))
    assert first.exit_code == 0, first.output
    assert f"imported 2 new attempt(s) from {export_file} (0 already present" in first.stdout
    again = run("progress", "import", str(export_file))
    assert "imported 0 new attempt(s)" in again.stdout and "(2 already present" in again.stdout
    with open_store() as store:
        merged = store.attempts()
    assert sorted(a.question_id for a in merged) == sorted(ids + laptop_ids)
    assert len({a.id for a in merged}) == 3


def test_export_to_a_file(run: Invoke, tmp_path: Path) -> None:
    seed_history(2)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "progress.json"
    result = run("progress", "export", "-o", str(target))
    assert result.exit_code == 0
    assert f"exported 2 attempt(s) to {target}" in result.stdout
    assert len(json.loads(target.read_text())["attempts"]) == 2
    assert [p.name for p in target.parent.iterdir()] == ["progress.json"]  # no temporary file left behind


def test_export_into_a_missing_folder_is_a_usage_error(run: Invoke, tmp_path: Path) -> None:
    result = run("progress", "export", "-o", str(tmp_path / "no" / "such" / "out.json"))
    assert result.exit_code == 2
    assert f"no such folder: {tmp_path / 'no' / 'such'}" in result.stderr


@pytest.mark.parametrize(("content", "needle"), [
    ("[1, 2", "not a drillkit progress export (malformed JSON"),
    ('{"format": "drillkit-progress", "version": 7, "attempts": []}', "exported by a newer drillkit"),
    ('{"hello": "world"}', "is not a drillkit progress export"),
])
def test_importing_a_bad_file_names_it_and_changes_nothing(run: Invoke, tmp_path: Path, content: str,
                                                           needle: str) -> None:
    seed_history(1)
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = run("progress", "import", str(bad))
    assert result.exit_code == 2
    assert needle in result.stderr and str(bad) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with open_store() as store:
        assert store.attempt_count() == 1


def test_importing_a_missing_file_is_a_usage_error(run: Invoke, tmp_path: Path) -> None:
    result = run("progress", "import", str(tmp_path / "nowhere.json"))
    assert result.exit_code == 2
    assert f"no such export file: {tmp_path / 'nowhere.json'}" in result.stderr


@pytest.mark.parametrize("reply", ["n\n", "\n", ""])
def test_reset_asks_first_and_keeps_everything_unless_confirmed(run: Invoke, reply: str) -> None:
    seed_history(2)
    result = run("progress", "reset", input=reply)
    assert result.exit_code == 1
    assert "This deletes all 2 attempt(s)" in result.stdout
    assert "nothing deleted" in result.stderr
    with open_store() as store:
        assert store.attempt_count() == 2


@pytest.mark.parametrize(("args", "reply"), [((), "y\n"), (("--yes",), None)])
def test_reset_deletes_when_confirmed(run: Invoke, args: tuple[str, ...], reply: str | None) -> None:
    seed_history(2)
    result = run("progress", "reset", *args, input=reply)
    assert result.exit_code == 0
    assert "deleted 2 attempt(s)" in result.stdout
    with open_store() as store:
        assert store.attempt_count() == 0 and store.states() == {}


@pytest.mark.parametrize(("status", "outcome"), [("pass", Outcome.RIGHT), ("fail", Outcome.WRONG),
                                                 ("timeout", Outcome.WRONG)])
def test_a_grading_is_recorded_with_its_verdict(status: str, outcome: Outcome) -> None:
    record_grade(GradeResult("lru-cache", "python", status, 3, 6, 9, 0.8))  # type: ignore[arg-type]
    with open_store() as store:
        (stored,) = store.attempts()
    assert (stored.question_id, stored.kind, stored.source, stored.outcome) == ("lru-cache", "coding", "check", outcome)
    assert (stored.verdict, stored.tests_passed, stored.tests_total) == (status, 3, 9)


def test_a_grading_with_a_broken_store_only_warns(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    isolated_home.mkdir()
    (isolated_home / "progress.sqlite3").write_text("garbage")
    record_grade(GradeResult("lru-cache", "python", "pass", 9, 0, 9, 0.8))
    assert "progress not saved" in capsys.readouterr().err


def test_list_by_practice_status(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store() as store:
        for days in (300, 290, 270, 220):
            store.record(AttemptRecord(new_attempt_id(), "redis-eviction-allkeys-lru", "single-choice",
                                       Outcome.RIGHT_FAST, T0 - timedelta(days=days), "quiz", seconds=5.0))
        store.record(AttemptRecord(new_attempt_id(), "cache-negative-caching", "single-choice", Outcome.WRONG,
                                   T0 - timedelta(days=1), "quiz", seconds=5.0))
    monkeypatch.setenv("DRILLKIT_NOW", at(T0))

    def listed(*args: str) -> list[str]:
        result = run("list", "-q", "caching", *args, "--json")
        assert result.exit_code == 0, result.output
        return [q["id"] for q in json.loads(result.stdout)]

    assert listed("--status", "seen") == ["cache-negative-caching", "redis-eviction-allkeys-lru"]
    assert listed("--status", "due") == ["cache-negative-caching"]
    assert listed("--status", "mastered") == ["redis-eviction-allkeys-lru"]
    new = listed("--status", "new")
    caching = [q.id for q in load_bank().questions if q.qualification == "caching"]
    assert sorted(new) == sorted(set(caching) - {"cache-negative-caching", "redis-eviction-allkeys-lru"})
    assert listed("-k", "design", "--status", "seen") == []  # an empty status list is an answer, not an error
    table = run("list", "-q", "caching", "--status", "due")
    assert "cache-negative-caching" in table.stdout and "1 question(s) with status due" in table.stderr


def test_list_with_an_unknown_status_is_a_usage_error(run: Invoke) -> None:
    result = run("list", "--status", "forgotten")
    assert result.exit_code == 2
    assert "Invalid value for '--status'" in result.stderr
