"""answers.lock: ids, kinds and correct answers change only deliberately."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from drillkit.bank import BankRoot, load_bank, lock
from drillkit.bank.lock import LockEntry, answer_hash
from drillkit.bank.validate import update_lock, validate
from drillkit.errors import BankError, UsageError
from drillkit.model import Choice, Question
from tests.conftest import REPO, Invoke
from tests.drillkit.bank.test_bank import GOOD, layer


def choice_question(*choices: Choice, answer: str | None = None, kind: str = "single-choice") -> Question:
    return Question(id="q", title="t", qualification="caching", kind=kind, difficulty="easy",  # type: ignore[arg-type]
                    minutes=1, prompt="p", explanation="e", references=(), path=Path("q.yaml"), choices=choices,
                    answer=answer)


RIGHT, WRONG = Choice("two", True, "why"), Choice("three", False, "why")


def test_the_shipped_bank_matches_its_lock() -> None:
    report = validate()
    lock_file = REPO / "questions" / lock.LOCK_NAME
    assert not [p for p in report.problems if "lock" in p.message or p.path == lock_file], report.problems
    locked = lock.read_lock(lock_file)
    missing = sorted(set(load_bank().ids()) - set(locked))
    assert not missing, f"not in questions/answers.lock: {missing}; run drillkit validate --update-lock"
    assert report.unlocked == ()


def test_choice_hashes_ignore_order_wrong_choices_and_wrapping() -> None:
    base = answer_hash(choice_question(RIGHT, WRONG))
    assert answer_hash(choice_question(WRONG, RIGHT)) == base
    assert answer_hash(choice_question(RIGHT, Choice("four", False, "other"))) == base
    assert answer_hash(choice_question(Choice("  two\n", True, "why"), WRONG)) == base
    assert answer_hash(choice_question(Choice("three", True, "why"), Choice("two", False, "why"))) != base


def test_short_answers_hash_the_model_answer() -> None:
    first = choice_question(answer="Use a lease.\nRenew it.", kind="short-answer")
    assert answer_hash(first) == answer_hash(dataclasses.replace(first, answer="Use a lease. Renew it."))
    assert answer_hash(first) != answer_hash(dataclasses.replace(first, answer="Use a lock."))


def test_coding_questions_hash_the_reference_file(tmp_path: Path) -> None:
    reference = tmp_path / "python" / "reference.py"
    reference.parent.mkdir()
    reference.write_text("def add(a, b):\n    return a + b\n")
    question = choice_question(kind="coding")
    before = answer_hash(question, [reference])
    reference.write_text("def add(a, b):\r\n    return a + b\r\n")
    assert answer_hash(question, [reference]) == before
    reference.write_text("def add(a, b):\n    return b + a\n")
    assert answer_hash(question, [reference]) != before


OLD = LockEntry("single-choice", 1, "aaaa")


@pytest.mark.parametrize(("current", "needle"), [
    (LockEntry("multiple-choice", 1, "aaaa"), "kind changed from single-choice to multiple-choice"),
    (LockEntry("single-choice", 1, "bbbb"), "answer changed: bump `revision:` to 2 and run drillkit validate --update-lock"),
    (LockEntry("single-choice", 2, "bbbb"), "revision 2 is not in answers.lock yet: run drillkit validate --update-lock"),
    (LockEntry("single-choice", 2, "aaaa"), "revision 2 is not in answers.lock yet"),
])
def test_check_names_what_changed_and_how_to_record_it(current: LockEntry, needle: str) -> None:
    problems = lock.check(Path("answers.lock"), {"q": OLD}, {"q": current}, {"q": Path("q.yaml")}, {"q"})
    assert [str(p) for p in problems] == [f"q.yaml: {p.message}" for p in problems]
    assert len(problems) == 1 and needle in problems[0].message, problems


def test_a_revision_may_not_go_back() -> None:
    problems = lock.check(Path("answers.lock"), {"q": LockEntry("design", 3, "a")}, {"q": LockEntry("design", 2, "a")},
                          {"q": Path("q.yaml")}, {"q"})
    assert "revision went back from 3 to 2" in problems[0].message


def test_new_ids_are_fine_and_removed_ids_are_problems_on_the_lock() -> None:
    problems = lock.check(Path("answers.lock"), {"gone": OLD}, {"new": OLD}, {"new": Path("new.yaml")}, {"new"})
    assert len(problems) == 1
    assert problems[0].path == Path("answers.lock")
    assert "gone" in problems[0].message and "retire them deliberately" in problems[0].message


def test_an_id_whose_file_is_present_but_broken_is_not_removed() -> None:
    assert lock.check(Path("answers.lock"), {"broken": OLD}, {}, {}, {"broken"}) == []


def test_updating_records_deliberate_changes_and_keeps_silent_ones_out() -> None:
    locked = {"same": OLD, "bumped": OLD, "silent": OLD, "rekinded": OLD, "gone": OLD, "broken": OLD}
    current = {"same": OLD, "bumped": LockEntry("single-choice", 2, "bbbb"), "silent": LockEntry("single-choice", 1, "cccc"),
               "rekinded": LockEntry("design", 2, "dddd"), "new": LockEntry("design", 1, "eeee")}
    entries, added, updated, removed = lock.updated_entries(locked, current, {*current, "broken"})
    assert (added, updated, removed) == (("new",), ("bumped",), ("gone",))
    assert entries["bumped"].revision == 2
    assert entries["silent"] == OLD and entries["rekinded"] == OLD and entries["broken"] == OLD
    assert "gone" not in entries


def test_the_lock_file_round_trips_one_entry_a_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.lock"
    entries = {"b-id": OLD, "a-id": LockEntry("coding", 2, "ffff")}
    lock.write_lock(path, entries)
    assert lock.read_lock(path) == entries
    lines = path.read_text().splitlines()
    assert lines.index(next(line for line in lines if '"a-id"' in line)) < lines.index(
        next(line for line in lines if '"b-id"' in line))
    assert json.loads(path.read_text())["version"] == lock.LOCK_VERSION
    lock.write_lock(path, {})
    assert lock.read_lock(path) == {}


@pytest.mark.parametrize(("text", "needle"), [
    ('{"questions": {', "malformed JSON"),
    ("[]", "expected an object with a 'questions' map"),
    ('{"questions": {"q": {"kind": "design"}}}', "entry 'q' needs kind, revision (an integer) and answer"),
])
def test_a_malformed_lock_is_a_bank_error_naming_the_file(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "answers.lock"
    path.write_text(text)
    with pytest.raises(BankError, match=r"answers\.lock") as caught:
        lock.read_lock(path)
    assert needle in str(caught.value)


# --- through validate, on a team bank with its own lock ---------------------------------------------------


def locked_layer(tmp_path: Path) -> Path:
    root = layer(tmp_path, {"caching/team-even.yaml": GOOD.format(id="team-even", qualification="caching")})
    report = validate([root], [root / "questions"], update=True)
    assert report.lock_update is not None and report.lock_update.added == ("team-even",)
    return root


def test_validate_catches_an_unbumped_answer_change_in_a_layer(tmp_path: Path) -> None:
    root = locked_layer(tmp_path)
    path = root / "questions/caching/team-even.yaml"
    path.write_text(path.read_text().replace('text: "3"\n    correct: false', 'text: "3"\n    correct: true')
                    .replace('text: "2"\n    correct: true', 'text: "2"\n    correct: false'))
    problems = [str(p) for p in validate([root], [root / "questions"]).problems]
    assert problems == [f"{path}: answer changed: bump `revision:` to 2 and run drillkit validate --update-lock "
                        "(results kept against this id were scored on the old answer)"]
    # Running the update without bumping records nothing: the problem stays.
    still = validate([root], [root / "questions"], update=True)
    assert still.lock_update is not None and still.lock_update.updated == ()
    assert len(still.problems) == 1
    path.write_text(path.read_text().replace("minutes: 2", "minutes: 2\nrevision: 2"))
    recorded = validate([root], [root / "questions"], update=True)
    assert recorded.lock_update is not None and recorded.lock_update.updated == ("team-even",)
    assert recorded.problems == ()


def test_removing_a_locked_question_is_a_problem_until_retired(tmp_path: Path) -> None:
    root = locked_layer(tmp_path)
    (root / "questions/caching/team-even.yaml").unlink()
    problems = validate([root], [root / "questions"]).problems
    assert [p.path for p in problems] == [root / "questions" / "answers.lock"]
    assert "team-even" in problems[0].message
    retired = validate([root], [root / "questions"], update=True)
    assert retired.lock_update is not None and retired.lock_update.removed == ("team-even",)
    assert retired.problems == ()


def test_a_new_question_in_a_locked_layer_is_reported_as_unlocked_not_wrong(tmp_path: Path) -> None:
    root = locked_layer(tmp_path)
    (root / "questions/caching/team-odd.yaml").write_text(
        GOOD.format(id="team-odd", qualification="caching").replace("Which number is even?", "Which number is odd here?"))
    report = validate([root], [root / "questions"])
    assert report.problems == ()
    assert report.unlocked == ("team-odd",)


def test_a_malformed_lock_is_reported_and_rebuilt_by_update(tmp_path: Path) -> None:
    root = locked_layer(tmp_path)
    (root / "questions/answers.lock").write_text("{")
    problems = [str(p) for p in validate([root], [root / "questions"]).problems]
    assert len(problems) == 1 and "malformed JSON" in problems[0] and "--update-lock" in problems[0]
    assert validate([root], [root / "questions"], update=True).problems == ()


def test_the_installed_builtin_bank_cannot_be_updated(tmp_path: Path) -> None:
    packaged = tmp_path / "_bank"
    (packaged / "questions").mkdir(parents=True)
    with pytest.raises(UsageError, match="installed read-only"):
        update_lock(load_bank(), BankRoot(packaged, builtin=True))


def test_validate_update_lock_from_the_command_line(run: Invoke, tmp_path: Path) -> None:
    root = layer(tmp_path, {"caching/team-even.yaml": GOOD.format(id="team-even", qualification="caching")})
    first = run("--bank", str(root), "validate", "--update-lock", str(root / "questions"))
    assert first.exit_code == 0, first.output
    assert "answers.lock: 1 added, 0 revision(s) recorded, 0 retired" in first.stdout
    again = run("--bank", str(root), "validate", "--update-lock", "--json", str(root / "questions"))
    data = json.loads(again.stdout)
    assert data["ok"] and data["lock_update"]["added"] == []
    (root / "questions/caching/team-even.yaml").unlink()
    gone = run("--bank", str(root), "validate")
    assert gone.exit_code == 1
    assert "team-even" in gone.stderr and "--update-lock" in gone.stderr
