"""The progress database: one SQLite file holding every attempt and each question's review state.

Each attempt is committed in its own transaction the moment it is recorded, in WAL mode with a busy timeout, so a
crash, Ctrl-C or ``kill -9`` keeps every answer given so far and two drillkit processes can write at once. The
file is checked before anything is written to it: a corrupt or foreign file, or one from a newer drillkit, is
reported and left exactly as it was.
"""

from __future__ import annotations

import fcntl
import os
import shlex
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from drillkit.errors import ProgressStoreError
from drillkit.paths import HOME_ENV, data_dir
from drillkit.practice.progress.records import AttemptRecord, Source, utc
from drillkit.practice.progress.schedule import ReviewState, replay, review
from drillkit.practice.quiz import Outcome

DATABASE_NAME = "progress.sqlite3"
# Marks the file as ours, so any other SQLite database found at the path is refused instead of altered.
APPLICATION_ID = 0x64726B74  # "drkt"
BUSY_TIMEOUT_MS = 15_000
WRITABLE_HINT = f"make it writable, or set {HOME_ENV} to a writable folder"

# Migration N brings a database from schema version N-1 to N (PRAGMA user_version). Append, never edit.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE attempts (
            id TEXT PRIMARY KEY,
            question_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            outcome TEXT NOT NULL,
            answered_at TEXT NOT NULL,
            source TEXT NOT NULL,
            seconds REAL,
            hints_used INTEGER NOT NULL DEFAULT 0,
            self_rated INTEGER NOT NULL DEFAULT 0,
            overran INTEGER NOT NULL DEFAULT 0,
            verdict TEXT,
            tests_passed INTEGER,
            tests_total INTEGER
        )""",
        "CREATE INDEX attempts_by_question ON attempts (question_id, answered_at)",
        "CREATE INDEX attempts_by_time ON attempts (answered_at)",
        """CREATE TABLE review_states (
            question_id TEXT PRIMARY KEY,
            state INTEGER NOT NULL,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT,
            reviews INTEGER NOT NULL,
            lapses INTEGER NOT NULL
        )""",
        "CREATE INDEX review_states_by_due ON review_states (due)",
    ),
    (
        # Checklist self-grading: the covered point numbers ("1,3", "" for none) and their weighted share.
        "ALTER TABLE attempts ADD COLUMN covered TEXT",
        "ALTER TABLE attempts ADD COLUMN coverage REAL",
    ),
)

RIGHT_OUTCOMES = tuple(o.value for o in Outcome if o.is_right)
_ATTEMPT_COLUMNS = ("id", "question_id", "kind", "outcome", "answered_at", "source", "seconds", "hints_used",
                    "self_rated", "overran", "verdict", "tests_passed", "tests_total", "covered", "coverage")


def schema_version() -> int:
    return len(MIGRATIONS)


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def timestamp(moment: datetime) -> str:
    # One fixed format in UTC, so text order in SQL is time order.
    return utc(moment).isoformat(timespec="microseconds")


def _moment(text: str) -> datetime:
    return utc(datetime.fromisoformat(text))


def _move_aside_hint(path: Path) -> str:
    quoted = shlex.quote(str(path))
    return f"move it aside (mv {quoted} {quoted}.bad) and drillkit starts a fresh one"


def store_error(path: Path, exc: sqlite3.Error) -> ProgressStoreError:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return ProgressStoreError(f"cannot write the progress database {path}: it or its folder is read-only",
                                  hint=WRITABLE_HINT)
    if "locked" in text or "busy" in text:
        return ProgressStoreError(f"the progress database {path} stayed locked by another drillkit for "
                                  f"{BUSY_TIMEOUT_MS // 1000} s", hint="let the other drillkit finish, then try again")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ProgressStoreError(f"{path} is not a readable drillkit progress database ({exc})",
                                  hint=_move_aside_hint(path))
    if "disk" in text and "full" in text:
        return ProgressStoreError(f"cannot write the progress database {path}: the disk is full")
    if "unable to open" in text:
        return ProgressStoreError(f"cannot open the progress database {path}", hint=WRITABLE_HINT)
    return ProgressStoreError(f"the progress database {path} failed: {exc}")


@contextmanager
def _transaction(connection: sqlite3.Connection, mode: str = "IMMEDIATE") -> Iterator[None]:
    """IMMEDIATE takes the write lock before reading, so a read-modify-write never races another process."""
    connection.execute(f"BEGIN {mode}")
    try:
        yield
    except BaseException:
        with suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@dataclass(frozen=True)
class QuestionTotals:
    question_id: str
    attempts: int
    answered: int
    right: int
    overran: int
    first_answered: datetime | None
    last_attempt: datetime
    self_graded: int = 0  # attempts graded against a checklist
    coverage_sum: float = 0.0  # their shares of the checklist covered, added up


@dataclass(frozen=True)
class MergeResult:
    added: int
    already_present: int
    questions: int


class ProgressStore:
    """An open progress database. Use ``open_store()``; close it (or use ``with``) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def _guarded(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from None

    # -- writing

    def record(self, attempt: AttemptRecord) -> bool:
        """Commit one attempt and move its question's schedule; False when an attempt with this id is already kept."""
        with self._guarded(), _transaction(self._connection):
            if not self._insert(attempt):
                return False
            if attempt.reviews:
                state = self._state(attempt.question_id)
                if state is not None and state.last_review is not None and attempt.answered_at < state.last_review:
                    # An older attempt arriving late (another machine, a skewed clock): replay keeps FSRS exact.
                    self._rebuild(attempt.question_id)
                else:
                    self._save_state(review(state, attempt))
            return True

    def merge(self, attempts: Sequence[AttemptRecord]) -> MergeResult:
        """Add the attempts not kept yet (by id), all or none, and reschedule the questions they touch."""
        added = 0
        touched: set[str] = set()
        with self._guarded(), _transaction(self._connection):
            for attempt in attempts:
                if self._insert(attempt):
                    added += 1
                    touched.add(attempt.question_id)
            for question_id in sorted(touched):
                self._rebuild(question_id)
        return MergeResult(added=added, already_present=len(attempts) - added, questions=len(touched))

    def reset(self) -> int:
        """Forget every attempt and review state; returns how many attempts were deleted."""
        with self._guarded(), _transaction(self._connection):
            deleted = self._connection.execute("DELETE FROM attempts").rowcount
            self._connection.execute("DELETE FROM review_states")
        return int(deleted)

    def _insert(self, attempt: AttemptRecord) -> bool:
        cursor = self._connection.execute(
            f"INSERT OR IGNORE INTO attempts ({', '.join(_ATTEMPT_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_ATTEMPT_COLUMNS))})",
            (attempt.id, attempt.question_id, attempt.kind, attempt.outcome.value, timestamp(attempt.answered_at),
             attempt.source, attempt.seconds, attempt.hints_used, int(attempt.self_rated), int(attempt.overran),
             attempt.verdict, attempt.tests_passed, attempt.tests_total,
             None if attempt.covered is None else ",".join(map(str, attempt.covered)), attempt.coverage),
        )
        return cursor.rowcount == 1

    def _rebuild(self, question_id: str) -> None:
        state = replay(self._history(question_id))
        if state is None:
            self._connection.execute("DELETE FROM review_states WHERE question_id = ?", (question_id,))
        else:
            self._save_state(state)

    def _save_state(self, state: ReviewState) -> None:
        self._connection.execute(
            "INSERT OR REPLACE INTO review_states (question_id, state, step, stability, difficulty, due, last_review, "
            "reviews, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (state.question_id, state.state, state.step, state.stability, state.difficulty, timestamp(state.due),
             timestamp(state.last_review) if state.last_review else None, state.reviews, state.lapses),
        )

    # -- reading

    def _history(self, question_id: str) -> list[AttemptRecord]:
        rows = self._connection.execute(
            f"SELECT {', '.join(_ATTEMPT_COLUMNS)} FROM attempts WHERE question_id = ? ORDER BY answered_at, id",
            (question_id,))
        return [_attempt_from_row(row) for row in rows]

    def _state(self, question_id: str) -> ReviewState | None:
        row = self._connection.execute(
            "SELECT question_id, state, step, stability, difficulty, due, last_review, reviews, lapses "
            "FROM review_states WHERE question_id = ?", (question_id,)).fetchone()
        return _state_from_row(row) if row else None

    def attempts(self, question_id: str | None = None) -> tuple[AttemptRecord, ...]:
        """Attempts oldest first: all of them, or one question's."""
        with self._guarded():
            if question_id is not None:
                return tuple(self._history(question_id))
            rows = self._connection.execute(
                f"SELECT {', '.join(_ATTEMPT_COLUMNS)} FROM attempts ORDER BY answered_at, id")
            return tuple(_attempt_from_row(row) for row in rows)

    def attempt_count(self) -> int:
        with self._guarded():
            return int(self._connection.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])

    def states(self) -> dict[str, ReviewState]:
        with self._guarded():
            rows = self._connection.execute(
                "SELECT question_id, state, step, stability, difficulty, due, last_review, reviews, lapses "
                "FROM review_states")
            return {row[0]: _state_from_row(row) for row in rows}

    def totals(self) -> dict[str, QuestionTotals]:
        """Per question: attempts, answered (not skipped), right, overran, first answer, last attempt, and the
        checklist coverage of its self-graded attempts."""
        marks = ", ".join("?" * len(RIGHT_OUTCOMES))
        with self._guarded():
            rows = self._connection.execute(
                f"""SELECT question_id, COUNT(*), SUM(outcome != 'skipped'), SUM(outcome IN ({marks})), SUM(overran),
                           MIN(CASE WHEN outcome != 'skipped' THEN answered_at END), MAX(answered_at),
                           COUNT(coverage), TOTAL(coverage)
                    FROM attempts GROUP BY question_id""", RIGHT_OUTCOMES)
            return {row[0]: QuestionTotals(row[0], int(row[1]), int(row[2]), int(row[3]), int(row[4]),
                                           _moment(row[5]) if row[5] else None, _moment(row[6]), int(row[7]),
                                           float(row[8])) for row in rows}

    def outcome_counts(self) -> dict[str, int]:
        with self._guarded():
            rows = self._connection.execute("SELECT outcome, COUNT(*) FROM attempts GROUP BY outcome")
            return {row[0]: int(row[1]) for row in rows}

    def attempt_times(self, since: datetime | None = None) -> tuple[datetime, ...]:
        """When attempts were made, newest first."""
        with self._guarded():
            if since is None:
                rows = self._connection.execute("SELECT answered_at FROM attempts ORDER BY answered_at DESC")
            else:
                rows = self._connection.execute(
                    "SELECT answered_at FROM attempts WHERE answered_at >= ? ORDER BY answered_at DESC",
                    (timestamp(since),))
            return tuple(_moment(row[0]) for row in rows)


def _attempt_from_row(row: Sequence[Any]) -> AttemptRecord:
    source: Source = row[5]
    return AttemptRecord(
        id=row[0], question_id=row[1], kind=row[2], outcome=Outcome(row[3]), answered_at=_moment(row[4]),
        source=source, seconds=row[6], hints_used=int(row[7]), self_rated=bool(row[8]), overran=bool(row[9]),
        verdict=row[10], tests_passed=row[11], tests_total=row[12],
        covered=None if row[13] is None else tuple(int(n) for n in row[13].split(",") if n), coverage=row[14],
    )


def _state_from_row(row: Sequence[Any]) -> ReviewState:
    return ReviewState(question_id=row[0], state=int(row[1]), step=row[2], stability=row[3], difficulty=row[4],
                       due=_moment(row[5]), last_review=_moment(row[6]) if row[6] else None, reviews=int(row[7]),
                       lapses=int(row[8]))


def open_store(path: Path | None = None) -> ProgressStore:
    """Open (creating or upgrading when needed) the progress database; raises ProgressStoreError when unusable."""
    path = path or database_path()
    _check_writable(path)
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise store_error(path, exc) from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # SQLite answers a journal-mode switch that races another process's with "database is locked" at once,
        # without waiting: so the setup of a fresh file (identity, WAL, schema) runs under a lock of our own.
        with _setup_lock(path):
            version = _check_identity(connection, path)
            # Only once the file is known to be ours (or empty) may anything be written to it.
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            if version < schema_version():
                _migrate(connection, path)
    except ProgressStoreError:
        connection.close()
        raise
    except sqlite3.Error as exc:
        connection.close()
        raise store_error(path, exc) from None
    return ProgressStore(path, connection)


@contextmanager
def _setup_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on the database's folder (no file is added), held while one process sets the database up;
    waits up to the busy timeout."""
    try:
        handle = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise ProgressStoreError(f"cannot open the progress folder {path.parent}: {exc.strerror or exc}",
                                 hint=WRITABLE_HINT) from None
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ProgressStoreError(
                        f"the progress database {path} stayed locked by another drillkit for "
                        f"{BUSY_TIMEOUT_MS // 1000} s", hint="let the other drillkit finish, then try again") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _check_writable(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProgressStoreError(f"cannot create the progress folder {folder}: {exc.strerror or exc}",
                                 hint=WRITABLE_HINT) from None
    # SQLite needs to create its -wal and -shm files beside the database, so the folder must be writable too.
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ProgressStoreError(f"the progress folder {folder} is read-only", hint=WRITABLE_HINT)
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise ProgressStoreError(f"the progress database {path} is read-only", hint=WRITABLE_HINT)


def _check_identity(connection: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; refuses a foreign database and one written by a newer drillkit."""
    application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    objects = int(connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0])
    fresh = application_id == 0 and version == 0 and objects == 0
    if application_id != APPLICATION_ID and not fresh:
        raise ProgressStoreError(f"{path} is an SQLite database, but not drillkit's progress database",
                                 hint=_move_aside_hint(path))
    if version > schema_version():
        raise ProgressStoreError(
            f"{path} was written by a newer drillkit (progress schema {version}; this drillkit knows up to "
            f"{schema_version()}) and is left as it is", hint="upgrade drillkit to use it")
    return version


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    with _transaction(connection):
        # Another process may have migrated while this one waited for the lock.
        version = _check_identity(connection, path)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {schema_version()}")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
