"""What a branch changed, from real git repositories made in a temporary folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from drillkit.bank.changes import changed_questions, question_paths
from drillkit.bank.lock import LOCK_NAME, LockEntry, read_lock, write_lock
from drillkit.bank.validate import validate
from drillkit.errors import UsageError
from tests.conftest import FIXTURE_BANK

QUESTION = Path("questions/caching/sandbox-add.yaml")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT_ENV})
    return done.stdout


def make_repo(tmp_path: Path, branch: str = "main") -> Path:
    """A bank repository (the fixture bank plus a README) with one commit on ``branch`` and a feature branch."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_BANK, repo)
    (repo / "README.md").write_text("a team bank\n")
    git(repo, "init", "-q", "-b", branch)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    git(repo, "checkout", "-q", "-b", "feature")
    return repo


def rel(repo: Path, paths: tuple[Path, ...]) -> list[str]:
    return sorted(str(p.relative_to(repo)) for p in paths)


def test_a_clean_branch_changes_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    changes = changed_questions(cwd=repo)
    assert changes.base == "main"
    assert changes.files == () and changes.questions == ()


def test_a_committed_grader_change_selects_its_question(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "graders/sandbox-add/python/test_add.py").write_text("# stronger tests\n")
    git(repo, "commit", "-q", "-am", "grader")
    changes = changed_questions(cwd=repo)
    assert rel(repo, changes.files) == ["graders/sandbox-add/python/test_add.py"]
    assert rel(repo, changes.questions) == [str(QUESTION)]


def test_uncommitted_and_untracked_files_count_too(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / QUESTION).write_text((repo / QUESTION).read_text() + "\n")
    new = repo / "questions/caching/brand-new.yaml"
    new.write_text("id: brand-new\n")
    changes = changed_questions(cwd=repo)
    assert rel(repo, changes.questions) == ["questions/caching/brand-new.yaml", str(QUESTION)]


def test_a_deleted_grader_file_still_selects_its_question(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "graders/sandbox-add/python/reference.py").unlink()
    assert rel(repo, changed_questions(cwd=repo).questions) == [str(QUESTION)]


def test_files_outside_the_bank_select_nothing(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "README.md").write_text("changed\n")
    (repo / "tests/fixtures/bank/questions/caching").mkdir(parents=True)
    (repo / "tests/fixtures/bank/questions/caching/deep.yaml").write_text("id: deep\n")
    changes = changed_questions(cwd=repo)
    assert changes.questions == ()
    assert changes.files == ()


def test_a_taxonomy_change_selects_the_whole_bank(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / "questions/qualifications.yaml").write_text("qualifications: []\n")
    (repo / QUESTION).write_text((repo / QUESTION).read_text() + "\n")
    assert rel(repo, changed_questions(cwd=repo).questions) == ["questions"]


def test_origin_main_is_preferred_over_main(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    (repo / QUESTION).write_text((repo / QUESTION).read_text() + "\n")
    git(repo, "commit", "-q", "-am", "edit")
    # origin/main already has the edit: measured from there the branch changed nothing.
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert changed_questions(cwd=repo).base == "origin/main"
    assert changed_questions(cwd=repo).questions == ()
    assert rel(repo, changed_questions("main", cwd=repo).questions) == [str(QUESTION)]


def test_changes_on_the_base_after_the_branch_point_are_not_the_branch_s(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "main")
    (repo / QUESTION).write_text((repo / QUESTION).read_text() + "\n")
    git(repo, "commit", "-q", "-am", "on main")
    git(repo, "checkout", "-q", "feature")
    assert changed_questions(cwd=repo).questions == ()


def test_outside_a_git_repository_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is not inside a git repository") as caught:
        changed_questions(cwd=tmp_path)
    assert caught.value.hint and "drillkit validate PATH" in caught.value.hint


@pytest.mark.parametrize("base", ["no-such-branch", "--output=/tmp/x"])
def test_an_unknown_base_is_a_usage_error(tmp_path: Path, base: str) -> None:
    repo = make_repo(tmp_path)
    with pytest.raises(UsageError, match=f"unknown git revision '{base}'"):
        changed_questions(base, cwd=repo)


def test_without_main_or_origin_main_the_base_must_be_named(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, branch="trunk")
    with pytest.raises(UsageError, match="found neither origin/main nor main") as caught:
        changed_questions(cwd=repo)
    assert caught.value.hint and "--changed BRANCH" in caught.value.hint
    assert changed_questions("trunk", cwd=repo).base == "trunk"


def test_question_paths_maps_grader_files_and_drops_the_rest(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, bank)
    question = bank / QUESTION
    mapped = question_paths([
        bank / "graders/sandbox-add/python/reference.py",
        question,
        bank / "graders/no-such-question/python/test_x.py",
        bank / "questions/caching/deleted.yaml",
        bank / "README.md",
    ])
    assert mapped == [question]


def test_question_paths_lets_a_whole_bank_file_cover_the_single_files(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, bank)
    mapped = question_paths([bank / QUESTION, bank / "questions/qualifications.yaml", bank / "questions/answers.lock"])
    assert mapped == [bank / "questions"]
    assert question_paths([bank / "questions/answers.lock"]) == []


def lock_repo(tmp_path: Path) -> Path:
    """A bank repository whose main branch has an answers.lock holding its questions."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE_BANK, repo)
    second = repo / "questions/caching/sandbox-sub.yaml"
    second.write_text((repo / QUESTION).read_text().replace("sandbox-add", "sandbox-sub"))
    shutil.copytree(repo / "graders/sandbox-add", repo / "graders/sandbox-sub")
    validate([], [repo / "questions"], update=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "start")
    git(repo, "checkout", "-q", "-b", "feature")
    return repo


def test_a_lock_change_selects_only_the_questions_whose_entries_changed(tmp_path: Path) -> None:
    repo = lock_repo(tmp_path)
    lock_file = repo / "questions" / LOCK_NAME
    entries = read_lock(lock_file)
    before = dict(entries)
    entries["sandbox-sub"] = LockEntry("coding", 1, "0000")
    write_lock(lock_file, entries)
    changes = changed_questions(cwd=repo)
    assert rel(repo, changes.questions) == ["questions/caching/sandbox-sub.yaml"]
    assert changes.baseline == (lock_file, before)


def test_a_lock_change_that_touches_no_question_still_selects_the_lock(tmp_path: Path) -> None:
    repo = lock_repo(tmp_path)
    lock_file = repo / "questions" / LOCK_NAME
    write_lock(lock_file, {**read_lock(lock_file), "long-gone": LockEntry("design", 1, "0000")})
    assert changed_questions(cwd=repo).questions == (lock_file,)
