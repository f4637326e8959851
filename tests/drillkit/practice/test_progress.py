"""The progress store and FSRS scheduling: recording, review plans, statuses, statistics, export and import."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler

from drillkit.bank import Bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.model import Qualification, Question
from drillkit.practice.progress import (
    AttemptRecord,
    ProgressStore,
    database_path,
    grading_record,
    import_progress,
    open_store,
    plan_review,
    progress_stats,
    question_ids_with_status,
    rating_for,
    record_of,
    write_export,
)
from drillkit.practice.progress import store as store_module
from drillkit.practice.progress.portable import read_export
from drillkit.practice.progress.records import new_attempt_id
from drillkit.practice.progress.stats import streak
from drillkit.practice.quiz import Attempt, Outcome

T0 = datetime(2030, 1, 7, 12, 0, tzinfo=UTC)
FSRS = Scheduler(enable_fuzzing=False)


def question(question_id: str, qualification: str = "caching", kind: str = "single-choice",
             difficulty: str = "easy") -> Question:
    return Question(id=question_id, title=question_id.replace("-", " "), qualification=qualification,
                    kind=kind, difficulty=difficulty, minutes=2, prompt="?",  # type: ignore[arg-type]
                    explanation="!", references=(), path=Path(f"{question_id}.yaml"))


def bank_of(*questions: Question) -> Bank:
    qualifications = tuple(dict.fromkeys(q.qualification for q in questions))
    return Bank(roots=(), questions=questions,
                qualifications=tuple(Qualification(q, q.title(), "", ()) for q in qualifications))


def attempt(question_id: str, outcome: Outcome, at: datetime, *, kind: str = "single-choice",
            overran: bool = False) -> AttemptRecord:
    return AttemptRecord(id=new_attempt_id(), question_id=question_id, kind=kind, outcome=outcome, answered_at=at,
                         source="quiz", seconds=12.5, hints_used=0, overran=overran)


@pytest.fixture
def store() -> Iterable[ProgressStore]:
    with open_store() as opened:
        yield opened


def fsrs_card(history: Iterable[tuple[Rating, datetime]]) -> Card:
    card = Card(card_id=1, due=T0)
    for rating, at in history:
        card, _ = FSRS.review_card(card, rating, review_datetime=at)
    return card


def test_the_database_lives_in_drillkit_home_with_the_current_schema_in_wal_mode(store: ProgressStore,
                                                                                isolated_home: Path) -> None:
    assert store.path == isolated_home / "progress.sqlite3" == database_path()
    connection = sqlite3.connect(store.path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == store_module.schema_version() >= 1
    assert connection.execute("PRAGMA application_id").fetchone()[0] == store_module.APPLICATION_ID
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_without_drillkit_home_the_database_is_in_the_platform_data_dir(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path: Path) -> None:
    monkeypatch.delenv("DRILLKIT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "platform"))
    assert database_path() == tmp_path / "platform" / "drillkit" / "progress.sqlite3"


def test_every_field_of_an_attempt_is_kept(store: ProgressStore) -> None:
    quiz = record_of(Attempt("q1", "short-answer", Outcome.RIGHT_AFTER_HINTS, 42.25, 2, T0, self_rated=True,
                             overran=True), "review")
    grading = grading_record("lru-cache", "fail", 7, 9, at=T0 + timedelta(minutes=5))
    assert store.record(quiz) and store.record(grading)
    assert store.attempts() == (quiz, grading)
    assert grading.seconds is None and grading.verdict == "fail" and grading.outcome is Outcome.WRONG
    assert (grading.tests_passed, grading.tests_total) == (7, 9)


@pytest.mark.parametrize(("status", "outcome"), [("pass", Outcome.RIGHT), ("fail", Outcome.WRONG),
                                                 ("error", Outcome.WRONG), ("timeout", Outcome.WRONG),
                                                 ("memory", Outcome.WRONG)])
def test_a_grading_is_right_only_when_every_test_passes(status: str, outcome: Outcome) -> None:
    assert grading_record("lru-cache", status, 1, 2, at=T0).outcome is outcome


def test_recording_the_same_attempt_twice_keeps_it_once(store: ProgressStore) -> None:
    first = attempt("q1", Outcome.RIGHT, T0)
    assert store.record(first)
    assert not store.record(first)
    assert store.attempt_count() == 1
    assert store.states()["q1"].reviews == 1


@pytest.mark.parametrize(("outcome", "rating"), [
    (Outcome.WRONG, Rating.Again), (Outcome.RIGHT_AFTER_HINTS, Rating.Hard), (Outcome.RIGHT, Rating.Good),
    (Outcome.RIGHT_FAST, Rating.Easy), (Outcome.SKIPPED, None)])
def test_the_rating_follows_the_outcome(outcome: Outcome, rating: Rating | None) -> None:
    assert rating_for(outcome) is rating


def test_the_schedule_is_the_one_fsrs_computes(store: ProgressStore) -> None:
    history = [(Outcome.RIGHT, Rating.Good, T0), (Outcome.RIGHT_FAST, Rating.Easy, T0 + timedelta(days=1)),
               (Outcome.WRONG, Rating.Again, T0 + timedelta(days=9)),
               (Outcome.RIGHT_AFTER_HINTS, Rating.Hard, T0 + timedelta(days=10))]
    for outcome, _, at in history:
        store.record(attempt("q1", outcome, at))
    expected = fsrs_card((rating, at) for _, rating, at in history)
    state = store.states()["q1"]
    assert (state.due, state.stability, state.difficulty, state.state) == (
        expected.due, expected.stability, expected.difficulty, int(expected.state))
    assert state.reviews == 4
    assert state.lapses == 1  # the wrong answer came while the question was in review


def test_a_skip_is_kept_but_never_moves_the_schedule(store: ProgressStore) -> None:
    store.record(attempt("q1", Outcome.SKIPPED, T0))
    assert store.attempt_count() == 1
    assert "q1" not in store.states()
    store.record(attempt("q1", Outcome.RIGHT_FAST, T0 + timedelta(hours=1)))
    store.record(attempt("q1", Outcome.SKIPPED, T0 + timedelta(hours=2)))
    assert store.states()["q1"].due == fsrs_card([(Rating.Easy, T0 + timedelta(hours=1))]).due


def test_an_attempt_arriving_late_is_replayed_in_time_order(store: ProgressStore, tmp_path: Path) -> None:
    early = attempt("q1", Outcome.WRONG, T0)
    late = attempt("q1", Outcome.RIGHT_FAST, T0 + timedelta(days=2))
    store.record(late)
    store.record(early)
    with open_store(tmp_path / "in-order.sqlite3") as in_order:
        in_order.record(early)
        in_order.record(late)
        assert store.states() == in_order.states()


def test_review_serves_the_most_overdue_first_then_new_ones(store: ProgressStore) -> None:
    bank = bank_of(question("a"), question("b"), question("c"), question("d", difficulty="hard"), question("e"))
    store.record(attempt("a", Outcome.WRONG, T0 - timedelta(days=2)))
    store.record(attempt("b", Outcome.WRONG, T0 - timedelta(days=5)))
    store.record(attempt("c", Outcome.RIGHT_FAST, T0 - timedelta(days=1)))  # due in days: not yet
    plan = plan_review(store, bank, now=T0, new_per_day=10)
    assert [q.id for q in plan.questions] == ["b", "a", "e", "d"]
    assert (plan.due, plan.new, plan.served_due) == (2, 2, 2)
    assert plan.next_due == store.states()["c"].due
    limited = plan_review(store, bank, now=T0, limit=3)
    assert [q.id for q in limited.questions] == ["b", "a", "e"]


def test_new_questions_take_turns_across_qualifications_easiest_first(store: ProgressStore) -> None:
    bank = bank_of(question("k-hard", "kafka", difficulty="hard"), question("k-easy", "kafka"),
                   question("r-medium", "redis", difficulty="medium"), question("r-easy", "redis"))
    plan = plan_review(store, bank, now=T0)
    assert [q.id for q in plan.questions] == ["k-easy", "r-easy", "k-hard", "r-medium"]


def test_the_daily_cap_counts_questions_first_answered_today(store: ProgressStore) -> None:
    bank = bank_of(*(question(f"q{i}") for i in range(6)))
    store.record(attempt("q0", Outcome.RIGHT_FAST, T0 - timedelta(days=3)))  # not today: not counted
    store.record(attempt("q1", Outcome.RIGHT_FAST, T0 - timedelta(minutes=30)))
    store.record(attempt("q2", Outcome.SKIPPED, T0 - timedelta(minutes=20)))  # a skip is no answer
    plan = plan_review(store, bank, now=T0, new_per_day=3)
    assert [q.id for q in plan.questions] == ["q2", "q3"]
    assert plan.new_left_today == 0
    tomorrow = plan_review(store, bank, now=T0 + timedelta(days=1), new_per_day=3)
    assert [q.id for q in tomorrow.questions] == ["q2", "q3", "q4"]
    assert [q.id for q in plan_review(store, bank, now=T0, new_per_day=0).questions] == []


def test_coding_questions_are_counted_as_due_but_not_served(store: ProgressStore) -> None:
    bank = bank_of(question("lru", kind="coding"), question("a"))
    store.record(grading_record("lru", "fail", 1, 5, at=T0 - timedelta(days=1)))
    plan = plan_review(store, bank, now=T0, new_per_day=0)
    assert plan.coding_due == ("lru",)
    assert plan.questions == ()


def test_a_review_plan_refuses_bad_input(store: ProgressStore) -> None:
    bank = bank_of(question("a"))
    with pytest.raises(NotFoundError, match="unknown qualification 'astrology'"):
        plan_review(store, bank, now=T0, qualifications=("astrology",))
    with pytest.raises(UsageError, match="at least 1"):
        plan_review(store, bank, now=T0, limit=0)
    with pytest.raises(UsageError, match="cannot be negative"):
        plan_review(store, bank, now=T0, new_per_day=-1)


def test_statuses_new_seen_due_and_mastered(store: ProgressStore) -> None:
    questions = [question("fresh"), question("wrong"), question("solid")]
    store.record(attempt("wrong", Outcome.WRONG, T0 - timedelta(days=1)))
    for days in (200, 190, 170, 120):
        store.record(attempt("solid", Outcome.RIGHT_FAST, T0 - timedelta(days=days)))
    assert store.states()["solid"].mastered
    by_status = {status: question_ids_with_status(store, questions, status, now=T0)
                 for status in ("new", "seen", "due", "mastered")}
    assert by_status == {"new": {"fresh"}, "seen": {"wrong", "solid"}, "due": {"wrong"}, "mastered": {"solid"}}
    with pytest.raises(UsageError, match="unknown status 'old'"):
        question_ids_with_status(store, questions, "old", now=T0)


def test_stats_per_qualification_with_retired_questions_and_overruns(store: ProgressStore) -> None:
    bank = bank_of(question("r1", "redis"), question("r2", "redis"), question("k1", "kafka"))
    store.record(attempt("r1", Outcome.RIGHT, T0 - timedelta(hours=3), overran=True))
    store.record(attempt("r1", Outcome.WRONG, T0 - timedelta(hours=2)))
    store.record(attempt("r2", Outcome.SKIPPED, T0 - timedelta(hours=1)))
    store.record(attempt("gone", Outcome.RIGHT, T0 - timedelta(hours=1)))
    stats = progress_stats(store, bank, now=T0)
    redis, kafka = stats.qualifications
    assert (redis.id, redis.questions, redis.seen, redis.attempts, redis.answered, redis.right) == (
        "redis", 2, 1, 3, 2, 1)
    assert redis.accuracy == 0.5 and redis.overran == 1 and redis.due == 1
    assert kafka.accuracy is None and kafka.seen == 0
    assert stats.attempts == 4
    assert dict(stats.outcomes) == {"wrong": 1, "right-after-hints": 0, "right": 2, "right-fast": 0, "skipped": 1}
    assert [(r.id, r.attempts) for r in stats.retired] == [("gone", 1)]
    assert stats.total.attempts == 3  # the retired question's attempt is counted in `attempts`, not per qualification
    data = stats.to_json()
    assert json.loads(json.dumps(data))["retired"][0]["id"] == "gone"


def test_stats_streak_and_thirty_days_of_activity(store: ProgressStore) -> None:
    bank = bank_of(question("a"))
    for days_ago, count in ((0, 2), (1, 1), (2, 3), (4, 1), (45, 1)):
        for _ in range(count):
            store.record(attempt("a", Outcome.RIGHT, T0 - timedelta(days=days_ago)))
    stats = progress_stats(store, bank, now=T0)
    assert stats.streak_days == 3
    assert len(stats.activity) == 30
    assert stats.activity[-1].day == T0.astimezone().date()
    assert [d.attempts for d in stats.activity[-5:]] == [1, 0, 3, 1, 2]
    assert sum(d.attempts for d in stats.activity) == 7


def test_a_streak_stays_alive_until_a_whole_day_is_missed() -> None:
    today = date(2030, 1, 10)
    days = {date(2030, 1, 9), date(2030, 1, 8), date(2030, 1, 6)}
    assert streak(days, today) == 2
    assert streak(days | {today}, today) == 3
    assert streak(days, date(2030, 1, 11)) == 0
    assert streak(set(), today) == 0


def test_export_and_import_merge_histories_without_duplicates(store: ProgressStore, tmp_path: Path) -> None:
    here = [attempt("a", Outcome.RIGHT, T0), attempt("b", Outcome.WRONG, T0 + timedelta(hours=1))]
    there = [attempt("a", Outcome.WRONG, T0 + timedelta(days=1)), attempt("c", Outcome.RIGHT_FAST, T0)]
    for record in here:
        store.record(record)
    with open_store(tmp_path / "laptop.sqlite3") as laptop:
        for record in there:
            laptop.record(record)
        exported = write_export(laptop, tmp_path / "laptop.json", now=T0)
    assert exported.attempts == 2
    first = import_progress(store, tmp_path / "laptop.json")
    assert (first.added, first.already_present, first.questions) == (2, 0, 2)
    again = import_progress(store, tmp_path / "laptop.json")
    assert (again.added, again.already_present) == (0, 2)
    assert {a.id for a in store.attempts()} == {a.id for a in here + there}
    with open_store(tmp_path / "one-machine.sqlite3") as one_machine:
        for record in sorted(here + there, key=lambda a: a.answered_at):
            one_machine.record(record)
        assert store.states() == one_machine.states()


def test_an_export_round_trips_every_field(store: ProgressStore, tmp_path: Path) -> None:
    store.record(record_of(Attempt("q1", "design", Outcome.RIGHT, 61.5, 1, T0, self_rated=True, overran=True),
                           "quiz"))
    store.record(grading_record("lru", "timeout", 0, 4, at=T0))
    write_export(store, tmp_path / "out.json", now=T0)
    assert read_export(tmp_path / "out.json") == store.attempts()


@pytest.mark.parametrize(("content", "needle"), [
    ("{not json", "out.json:1: not a drillkit progress export (malformed JSON"),
    ('{"format": "something-else", "version": 1, "attempts": []}', "is not a drillkit progress export"),
    ('{"format": "drillkit-progress", "version": 99, "attempts": []}', "exported by a newer drillkit"),
    ('{"format": "drillkit-progress", "version": 1}', 'has no "attempts" list'),
    ('{"format": "drillkit-progress", "version": 1, "attempts": [{"id": "x"}]}', "attempts[0]: missing"),
    ('{"format": "drillkit-progress", "version": 1, "attempts": [{"id": "x", "question_id": "q", "kind": "design", '
     '"outcome": "great", "answered_at": "2030-01-01T00:00:00+00:00", "source": "quiz"}]}',
     "attempts[0]: unknown outcome 'great'"),
    ('{"format": "drillkit-progress", "version": 1, "attempts": [{"id": "x", "question_id": "q", "kind": "design", '
     '"outcome": "right", "answered_at": "2030-01-01T00:00:00", "source": "quiz"}]}',
     "attempts[0]: 'answered_at' has no time zone"),
])
def test_a_bad_export_is_named_and_nothing_is_imported(store: ProgressStore, tmp_path: Path, content: str,
                                                      needle: str) -> None:
    bad = tmp_path / "out.json"
    bad.write_text(content)
    with pytest.raises(UsageError) as caught:
        import_progress(store, bad)
    assert needle in str(caught.value)
    assert str(bad) in str(caught.value)
    assert store.attempt_count() == 0


def test_importing_a_missing_file_is_not_found(store: ProgressStore, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no such export file"):
        import_progress(store, tmp_path / "nowhere.json")


def test_reset_forgets_attempts_and_schedules(store: ProgressStore) -> None:
    store.record(attempt("a", Outcome.RIGHT, T0))
    store.record(attempt("b", Outcome.SKIPPED, T0))
    assert store.reset() == 2
    assert store.attempt_count() == 0 and store.states() == {}


def test_an_older_database_is_migrated_in_place_keeping_its_attempts(monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with open_store(path) as old:
        old.record(attempt("a", Outcome.RIGHT, T0))
    extra = ("CREATE TABLE notes (question_id TEXT PRIMARY KEY, text TEXT NOT NULL)",)
    monkeypatch.setattr(store_module, "MIGRATIONS", (*store_module.MIGRATIONS, extra))
    with open_store(path) as upgraded:
        assert upgraded.attempt_count() == 1
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
    assert connection.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    connection.close()
