"""The progress store under faults: bad files, newer schemas, read-only folders, two processes, kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.bank.select import Filter, filter_questions, pick
from drillkit.errors import ProgressStoreError
from drillkit.practice.progress import AttemptRecord, open_store
from drillkit.practice.progress import store as store_module
from drillkit.practice.progress.records import new_attempt_id
from drillkit.practice.quiz import Outcome
from tests.conftest import REPO

T0 = datetime(2030, 1, 7, 12, 0, tzinfo=UTC)


def attempt(question_id: str, outcome: Outcome = Outcome.RIGHT, at: datetime = T0) -> AttemptRecord:
    return AttemptRecord(id=new_attempt_id(), question_id=question_id, kind="single-choice", outcome=outcome,
                         answered_at=at, source="quiz", seconds=3.0)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def subprocess_env(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DRILLKIT_HOME": str(home), "NO_COLOR": "1", **extra}
    env.pop("DRILLKIT_NOW", None)
    return env


def test_a_file_that_is_not_a_database_is_reported_and_left_alone(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    path = isolated_home / "progress.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = snapshot(isolated_home)
    with pytest.raises(ProgressStoreError) as caught:
        open_store()
    message = str(caught.value)
    assert str(path) in message and "not a readable drillkit progress database" in message
    assert "move it aside" in message and f"{path}.bad" in message
    assert snapshot(isolated_home) == before


def test_another_programs_sqlite_database_is_refused_and_left_alone(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    path = isolated_home / "progress.sqlite3"
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE recipes (name TEXT)")
    foreign.execute("INSERT INTO recipes VALUES ('bread')")
    foreign.commit()
    foreign.close()
    before = snapshot(isolated_home)
    with pytest.raises(ProgressStoreError, match="is an SQLite database, but not drillkit's progress database") as caught:
        open_store()
    assert str(path) in str(caught.value) and "move it aside" in str(caught.value)
    assert snapshot(isolated_home) == before


def test_a_database_from_a_newer_drillkit_is_refused_not_downgraded(isolated_home: Path) -> None:
    with open_store() as store:
        store.record(attempt("a"))
        path = store.path
    newer = store_module.schema_version() + 1
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {newer}")
    connection.close()
    before = snapshot(isolated_home)
    with pytest.raises(ProgressStoreError, match="written by a newer drillkit") as caught:
        open_store()
    assert f"progress schema {newer}" in str(caught.value) and "upgrade drillkit" in str(caught.value)
    assert snapshot(isolated_home) == before


def test_a_database_damaged_inside_reports_a_store_error_not_a_crash(isolated_home: Path) -> None:
    with open_store() as store:
        store.merge([attempt(f"q{index % 40}", at=T0 + timedelta(minutes=index)) for index in range(400)])
        path = store.path
    data = bytearray(path.read_bytes())
    page = 4096
    data[page:len(data)] = b"\xff" * (len(data) - page)  # everything after the header page is garbage
    path.write_bytes(bytes(data))
    with pytest.raises(ProgressStoreError) as caught, open_store() as damaged:
        damaged.attempts()
    assert str(path) in str(caught.value)


# As root, permissions do not stop writes; a read-only bind mount in a private mount namespace does.
READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def read_only(folder: Path) -> list[str]:
    """Make ``folder`` read-only for a command; returns the prefix that runs the command that way."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return []
    prefix = ["unshare", "--mount", "sh", "-c", READ_ONLY_MOUNT, str(folder)]
    if shutil.which("unshare") is None or subprocess.run([*prefix, "true"], capture_output=True,
                                                          check=False).returncode != 0:
        pytest.skip("running as root without the right to mount: no way to make a folder read-only here")
    return prefix


def run_cli(prefix: list[str], args: list[str], home: Path, input: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([*prefix, sys.executable, "-m", "cli.main_entry", *args], input=input, capture_output=True,
                          text=True, env=subprocess_env(home), cwd=REPO, timeout=60, check=False)


def test_a_read_only_data_folder_gets_a_clear_message_and_the_database_is_untouched(isolated_home: Path) -> None:
    with open_store() as store:
        store.record(attempt("a"))
    before = snapshot(isolated_home)
    try:
        done = run_cli(read_only(isolated_home), ["stats"], isolated_home)
    finally:
        isolated_home.chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"drillkit: error: the progress folder {isolated_home} is read-only")
    assert "set DRILLKIT_HOME to a writable folder" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(isolated_home) == before


def test_a_quiz_goes_on_with_one_warning_when_progress_cannot_be_saved(isolated_home: Path) -> None:
    isolated_home.mkdir()
    try:
        done = run_cli(read_only(isolated_home), ["quiz", "-q", "caching", "-k", "single-choice", "-n", "3",
                                                  "--seed", "1"], isolated_home, input="a\na\na\n")
    finally:
        isolated_home.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("progress will not be saved") == 1
    assert f"the progress folder {isolated_home} is read-only" in done.stderr
    assert "/3 right" in done.stdout
    assert list(isolated_home.iterdir()) == []


RECORDER = textwrap.dedent("""
    import sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from drillkit.practice.progress import AttemptRecord, open_store
    from drillkit.practice.progress.records import new_attempt_id
    from drillkit.practice.quiz import Outcome

    name, count, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.005)
    start = datetime(2030, 1, 7, tzinfo=UTC)
    with open_store() as store:
        for index in range(count):
            store.record(AttemptRecord(id=new_attempt_id(), question_id=f"shared-{index % 3}",
                                       kind="single-choice", outcome=Outcome.RIGHT if index % 2 else Outcome.WRONG,
                                       answered_at=start + timedelta(minutes=index), source="quiz", seconds=1.0))
    print(name, "done")
""")


def test_two_processes_recording_at_once_lose_no_attempts(isolated_home: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = subprocess_env(isolated_home)
    count = 100
    workers = [subprocess.Popen([sys.executable, "-c", RECORDER, name, str(count), str(go)], env=env, cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("one", "two")]
    time.sleep(0.3)  # both are waiting on the same starting line, with no database yet
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert "done" in out
    with open_store() as store:
        attempts = store.attempts()
        states = store.states()
    assert len(attempts) == 2 * count
    assert len({a.id for a in attempts}) == 2 * count
    for index in range(3):
        question_id = f"shared-{index}"
        assert states[question_id].reviews == sum(1 for a in attempts if a.question_id == question_id)


@pytest.mark.parametrize("round_", range(10))
def test_several_processes_creating_the_database_at_once_lose_no_attempts(isolated_home: Path, tmp_path: Path,
                                                                         round_: int) -> None:
    # The race this guards: every process finds no database, and their journal-mode switches collide.
    go = tmp_path / "go"
    env = subprocess_env(isolated_home)
    names = [f"w{round_}-{i}" for i in range(8)]
    workers = [subprocess.Popen([sys.executable, "-c", RECORDER, name, "4", str(go)], env=env, cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in names]
    time.sleep(0.4)
    go.touch()
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        assert "done" in out and "warning" not in err.lower(), err
    with open_store() as store:
        assert len(store.attempts()) == 4 * len(names)


def recorded_ids(path: Path) -> list[str]:
    if not path.exists():
        return []
    connection = sqlite3.connect(path, timeout=5)
    try:
        return [row[0] for row in connection.execute("SELECT question_id FROM attempts ORDER BY answered_at")]
    except sqlite3.OperationalError:  # the quiz has not created the table yet
        return []
    finally:
        connection.close()


def start_quiz(home: Path, qualification: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "cli.main_entry", "quiz", "-q", qualification, "-k", "single-choice",
                             "-n", "6", "--seed", "3"], env=subprocess_env(home), cwd=REPO, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_two_quizzes_at_once_then_kill_9_and_ctrl_c_keep_every_answer_and_a_sound_file(isolated_home: Path) -> None:
    """Two drillkit processes answer into one database at the same time; one is killed, the other interrupted."""
    bank = load_bank()
    stops = {"caching": (signal.SIGKILL, -signal.SIGKILL), "databases": (signal.SIGINT, 130)}
    served = {qualification: [q.id for q in pick(filter_questions(bank.questions, Filter((qualification,),
                                                                                        ("single-choice",))), 6, 3)]
              for qualification in stops}
    quizzes = {qualification: start_quiz(isolated_home, qualification) for qualification in stops}
    path = isolated_home / "progress.sqlite3"
    try:
        for answered in range(1, 4):
            for quiz in quizzes.values():
                assert quiz.stdin is not None
                quiz.stdin.write("a\n")
                quiz.stdin.flush()
            deadline = time.monotonic() + 20
            while len(recorded_ids(path)) < 2 * answered:
                assert time.monotonic() < deadline, f"answer {answered} was never recorded"
                assert all(quiz.poll() is None for quiz in quizzes.values()), "a quiz ended early"
                time.sleep(0.02)
        for qualification, quiz in quizzes.items():
            quiz.send_signal(stops[qualification][0])
        for qualification, quiz in quizzes.items():
            assert quiz.wait(timeout=20) == stops[qualification][1]
    finally:
        for quiz in quizzes.values():
            if quiz.poll() is None:
                quiz.kill()
                quiz.wait()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    recorded = recorded_ids(path)
    for qualification, ids in served.items():
        assert [qid for qid in recorded if qid in ids] == ids[:3], qualification
    assert len(recorded) == 6
    with open_store() as store:  # and the next drillkit carries on with it
        store.record(attempt(served["caching"][3]))
        assert store.attempt_count() == 7
