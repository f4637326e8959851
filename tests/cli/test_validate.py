"""drillkit validate as a pull request check: --changed, grader files as paths, and the CI and hook definitions."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.bank.lock import LOCK_NAME, entry_for, read_lock, write_lock
from drillkit.yamlio import load_yaml
from tests.conftest import REPO, Invoke
from tests.drillkit.bank.test_changes import QUESTION, git, lock_repo, make_repo


def test_changed_with_nothing_changed_says_so_and_exits_0(run: Invoke, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(make_repo(tmp_path))
    result = run("validate", "--changed")
    assert result.exit_code == 0, result.output
    assert "no changed question files since main; nothing to check" in result.stdout


def test_changed_checks_only_the_changed_questions(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path)
    monkeypatch.chdir(repo)
    broken = repo / "questions/caching/broken.yaml"
    broken.write_text("# yaml-language-server: $schema=../schema.json\nid: broken\n")
    result = run("validate", "--changed", "main", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["checked"] == 1
    assert {Path(p["path"]).name for p in data["problems"]} == {"broken.yaml"}
    assert any("missing required field 'title'" in p["message"] for p in data["problems"])


def test_changed_follows_a_grader_change_to_its_question(run: Invoke, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / "graders/sandbox-add/python/reference.py").unlink()
    git(repo, "commit", "-q", "-am", "lose the reference")
    result = run("validate", "--changed")
    assert result.exit_code == 1
    assert "grader folder has no reference file" in result.stderr
    assert "in 1 question file(s)" in result.stderr


def test_changed_without_a_value_before_another_option(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / QUESTION).write_text((repo / QUESTION).read_text() + "\n")
    result = run("validate", "--changed", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["checked"] == 1


@pytest.mark.parametrize(("args", "needle"), [
    (("--changed", "no-such-branch"), "unknown git revision 'no-such-branch'"),
    (("--changed", "main", "questions"), "pass PATHs or --changed, not both"),
])
def test_changed_bad_input_exits_2(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   args: tuple[str, ...], needle: str) -> None:
    monkeypatch.chdir(make_repo(tmp_path))
    result = run("validate", *args)
    assert result.exit_code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_changed_outside_a_repository_exits_2(run: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate", "--changed")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


REFERENCE = "graders/sandbox-add/python/reference.py"


def test_a_lock_edited_by_hand_does_not_wave_an_answer_change_through(run: Invoke, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    repo = lock_repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / REFERENCE).write_text("def add(a, b):\n    return b + a\n")
    caught = run("validate", "--changed")
    assert caught.exit_code == 1
    assert "answer changed: bump `revision:` to 2" in caught.stderr
    # Copy the new hash into the lock by hand, as if the lock were just bookkeeping.
    lock_file = repo / "questions" / LOCK_NAME
    question = load_bank([repo]).get("sandbox-add")
    write_lock(lock_file, {**read_lock(lock_file), "sandbox-add": entry_for(question, [repo / REFERENCE])})
    assert run("validate", str(repo / QUESTION)).exit_code == 0  # the working lock alone is fooled
    laundered = run("validate", "--changed")
    assert laundered.exit_code == 1
    assert "changed without it (compared with the base branch)" in laundered.stderr


def test_a_deliberate_answer_change_passes_the_changed_check(run: Invoke, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    repo = lock_repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / REFERENCE).write_text("def add(a, b):\n    return b + a\n")
    (repo / QUESTION).write_text((repo / QUESTION).read_text().replace("minutes: 5", "minutes: 5\nrevision: 2"))
    assert run("validate", "--update-lock", "questions").exit_code == 0
    assert read_lock(repo / "questions" / LOCK_NAME)["sandbox-add"].revision == 2
    result = run("validate", "--changed", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["checked"] == 1


def test_deleting_the_lock_is_caught_against_the_base_branch(run: Invoke, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    repo = lock_repo(tmp_path)
    monkeypatch.chdir(repo)
    (repo / "questions" / LOCK_NAME).unlink()
    (repo / REFERENCE).write_text("def add(a, b):\n    return b + a\n")
    result = run("validate", "--changed")
    assert result.exit_code == 1
    assert "answers.lock is gone (the base branch has one)" in result.stderr
    assert "answer changed: bump `revision:` to 2" in result.stderr


def test_grader_files_as_paths_check_their_question(run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    # What the pre-commit hook passes: repository-relative names of changed files.
    monkeypatch.chdir(REPO)
    result = run("validate", "--json", "graders/lru-cache/python/reference.py", "graders/lru-cache/python/starter.py")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["checked"] == 1


def test_the_workflow_checks_changes_on_pull_requests_and_everything_on_main() -> None:
    workflow = load_yaml(REPO / ".github/workflows/validate.yml")
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    script = "\n".join(steps)
    assert "pip install ." in script and "drillkit sandbox build" in script
    assert re.search(r"drillkit validate --run-graders --changed \"?origin/\$", script)
    assert re.search(r"drillkit validate --run-graders\s*$", script, re.MULTILINE)
    checkout = next(step for job in workflow["jobs"].values() for step in job["steps"]
                    if str(step.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the merge base with the target branch must be there


def test_the_pre_commit_hook_runs_validate_on_bank_files() -> None:
    hooks = load_yaml(REPO / ".pre-commit-hooks.yaml")
    hook = next(h for h in hooks if h["id"] == "drillkit-validate")
    assert hook["entry"] == "drillkit validate" and hook["language"] == "python" and hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert pattern.search("questions/caching/x.yaml") and pattern.search("graders/x/python/test_x.py")
    assert not pattern.search("tests/golden/x/good_a.py") and not pattern.search("README.md")


def test_a_question_new_on_the_branch_may_be_re_recorded_without_a_bump(run: Invoke, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    repo = lock_repo(tmp_path)
    monkeypatch.chdir(repo)
    shutil.copytree(repo / "graders/sandbox-add", repo / "graders/sandbox-new")
    (repo / "questions/caching/sandbox-new.yaml").write_text((repo / QUESTION).read_text().replace("sandbox-add", "sandbox-new"))
    assert run("validate", "--update-lock", "questions").exit_code == 0
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "add sandbox-new")
    (repo / "graders/sandbox-new/python/reference.py").write_text("def add(a, b):\n    return sum((a, b))\n")
    assert "answer changed" in run("validate", "--changed").stderr
    # Without the base branch's lock the update refuses, as for any published question ...
    refused = run("validate", "--update-lock", "questions")
    assert refused.exit_code == 1 and "answer changed" in refused.stderr
    # ... with it, the branch's own new question is simply recorded again.
    recorded = run("validate", "--changed", "--update-lock")
    assert recorded.exit_code == 0, recorded.output
    assert "1 revision(s) recorded" in recorded.stdout
    assert read_lock(repo / "questions" / LOCK_NAME)["sandbox-new"].revision == 1
    # A published question still needs its bump.
    (repo / REFERENCE).write_text("def add(a, b):\n    return b + a\n")
    still = run("validate", "--changed", "--update-lock")
    assert still.exit_code == 1 and "answer changed: bump `revision:` to 2" in still.stderr


TEAM_QUESTION = """\
# yaml-language-server: $schema=../schema.json
id: team-cache-aside
title: Cache-aside reads
qualification: caching
kind: single-choice
difficulty: easy
minutes: 2
prompt: |
  What does a cache-aside read do on a miss?
choices:
  - text: It fails the read.
    correct: false
    why: A miss is normal.
  - text: >-
      It reads the record from the database, writes it into the cache with a time to live, and returns it, so the
      next read of the same key is served from the cache without touching the database at all.
    correct: true
    why: That is the pattern.
  - text: It waits for a writer.
    correct: false
    why: Nobody fills the cache on a read miss but the reader.
  - text: It reads a replica.
    correct: false
    why: The cache is not a replica.
explanation: |
  On a miss the application loads the value and populates the cache.
references:
  - title: Example reference
    url: https://example.org/cache-aside
"""


def team_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "team-bank"
    (bank / "questions" / "caching").mkdir(parents=True)
    (bank / "questions" / "caching" / "team-cache-aside.yaml").write_text(TEAM_QUESTION)
    return bank


def test_a_key_far_longer_than_its_distractors_is_a_warning_with_file_and_line(run: Invoke, tmp_path: Path) -> None:
    bank = team_bank(tmp_path)
    result = run("--bank", str(bank), "validate", str(bank / "questions"))
    assert result.exit_code == 0, result.output
    line = next(row for row in result.stderr.splitlines() if "item writing" in row)
    assert re.search(r"team-cache-aside\.yaml:14: item writing: the correct choice is \d+\.\dx as long", line)
    assert line.endswith("(warning)")
    assert "1 item-writing warning(s)" in result.stdout


def test_strict_turns_item_writing_warnings_into_a_failure(run: Invoke, tmp_path: Path) -> None:
    bank = team_bank(tmp_path)
    result = run("--bank", str(bank), "validate", "--strict", "--json", str(bank / "questions"))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["problems"] == []
    assert [w["line"] for w in data["warnings"]] == [14]


def test_stats_prints_each_target_and_json_says_whether_it_is_met(run: Invoke, tmp_path: Path) -> None:
    bank = team_bank(tmp_path)
    result = run("--bank", str(bank), "validate", "--stats", "--json", str(bank / "questions"))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["single_choice"] == 1 and data["multiple_choice"] == 0
    longest = next(t for t in data["targets"] if t["name"] == "single-choice: the longest choice is the key")
    assert longest == {"name": longest["name"], "value": 1.0, "low": None, "high": 0.3, "count": 1, "out_of": 1,
                       "met": False}
    assert data["met"] is False
    strict = run("--bank", str(bank), "validate", "--stats", "--strict", str(bank / "questions"))
    assert strict.exit_code == 1
    assert "missed" in strict.stdout and "target(s) missed" in strict.stderr


def test_stats_refuses_options_that_check_files(run: Invoke) -> None:
    result = run("validate", "--stats", "--run-graders")
    assert result.exit_code == 2
    assert "--stats takes only PATHs" in result.stderr
