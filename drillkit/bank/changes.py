"""What a branch changed in a bank, so ``drillkit validate --changed`` checks only that.

A change to a grader file counts as a change to its question; a change to the schema or the taxonomy can affect
every question, so it selects the whole ``questions/`` folder. A change to ``questions/answers.lock`` selects the
questions whose entries it changed, and the lock as it was on the base branch comes along, so that editing the
lock by hand cannot wave an answer change through.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank.lock import LOCK_NAME, LockEntry, parse_lock, read_lock
from drillkit.errors import BankError, UsageError

DEFAULT_BASES = ("origin/main", "main")
# Files under questions/ that are not questions but shape how every question is read.
BANK_WIDE_FILES = frozenset({"schema.json", "qualifications.yaml"})


@dataclass(frozen=True)
class ChangeSet:
    """The files a branch changed in its bank, and the paths ``validate`` should check for them."""

    base: str
    files: tuple[Path, ...]
    questions: tuple[Path, ...]
    # The answers lock at the merge base, when the branch changed it: (the lock file, its entries back then).
    baseline: tuple[Path, dict[str, LockEntry]] | None = None


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("--changed needs git, which is not installed",
                         hint="install git, or name the files to check: drillkit validate PATH...") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"git {' '.join(args)} took longer than a minute") from None


def _top_level(cwd: Path) -> Path:
    done = _git(["rev-parse", "--show-toplevel"], cwd)
    if done.returncode != 0:
        raise UsageError(f"{cwd} is not inside a git repository",
                         hint="--changed compares a branch with its base; run it in a clone of the bank, "
                              "or name the files: drillkit validate PATH...")
    return Path(done.stdout.strip())


def _is_revision(name: str, top: Path) -> bool:
    return _git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], top).returncode == 0


def resolve_base(base: str | None, top: Path) -> str:
    if base:
        if _looks_like_option(base) or not _is_revision(base, top):
            raise UsageError(f"unknown git revision '{base}'",
                             hint="name a branch or commit that exists here, e.g. origin/main "
                                  "(fetch it first: git fetch origin main)")
        return base
    for candidate in DEFAULT_BASES:
        if _is_revision(candidate, top):
            return candidate
    raise UsageError("found neither origin/main nor main to compare with",
                     hint="name the base branch: drillkit validate --changed BRANCH")


def _looks_like_option(name: str) -> bool:
    # A revision that starts with '-' would reach git as an option.
    return name.startswith("-")


def _names(args: Sequence[str], top: Path) -> list[str]:
    done = _git(args, top)
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit code {done.returncode}"
        raise UsageError(f"git {' '.join(args)} failed: {message}")
    return [name for name in done.stdout.split("\0") if name]


def changed_files(base: str | None = None, cwd: Path | None = None) -> tuple[Path, str, list[Path]]:
    """The repository's top folder, the resolved base, and every file the branch touched: committed since the
    merge base, staged, unstaged or untracked (deleted ones included, so a removed grader file still selects its
    question)."""
    top = _top_level(cwd or Path.cwd())
    resolved = resolve_base(base, top)
    names = _names(["diff", "--name-only", "-z", f"{resolved}...HEAD", "--"], top)
    names += _names(["diff", "--name-only", "-z", "HEAD", "--"], top)
    names += _names(["ls-files", "--others", "--exclude-standard", "-z"], top)
    return top, resolved, [top / name for name in dict.fromkeys(names)]


def _bank_parts(path: Path) -> tuple[Path, str, tuple[str, ...]] | None:
    """Split a path into (bank folder, 'questions' or 'graders', the parts below it), for the nearest such folder."""
    parts = path.parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in ("questions", "graders"):
            return Path(*parts[:index]) if index else Path("."), parts[index], parts[index + 1:]
    return None


def question_paths(files: Iterable[Path]) -> list[Path]:
    """The question files (or whole ``questions/`` folders) that a set of changed bank files calls for.

    Question files stand for themselves; ``graders/<id>/...`` stands for the question with that id; the schema and
    taxonomy stand for their whole ``questions/`` folder. Other files (the answers lock included) select nothing.
    """
    selected: dict[Path, None] = {}
    for file in files:
        split = _bank_parts(file)
        if split is None:
            continue
        bank, area, below = split
        if area == "questions":
            if len(below) == 1 and below[0] in BANK_WIDE_FILES:
                selected[bank / "questions"] = None
            elif len(below) == 2 and below[1].endswith(".yaml") and file.is_file():
                selected[file] = None
        elif below:
            selected.update((match, None) for match in sorted((bank / "questions").glob(f"*/{below[0]}.yaml")))
    # A whole folder covers every file inside it.
    folders = [p for p in selected if p.name == "questions" and p.is_dir()]
    return [p for p in selected if p in folders or not any(folder in p.parents for folder in folders)]


def _question_files(bank: Path, ids: Iterable[str]) -> list[Path]:
    return [match for question_id in sorted(ids) for match in sorted((bank / "questions").glob(f"*/{question_id}.yaml"))]


def _lock_at(top: Path, base: str, lock_file: Path) -> dict[str, LockEntry]:
    """The lock as it was where the branch left ``base``; empty when there was none (or it was unreadable)."""
    merge_base = _git(["merge-base", base, "HEAD"], top)
    if merge_base.returncode != 0:
        return {}
    shown = _git(["show", f"{merge_base.stdout.strip()}:{lock_file.relative_to(top).as_posix()}"], top)
    if shown.returncode != 0:
        return {}
    try:
        return parse_lock(shown.stdout, lock_file)
    except BankError:
        return {}


def changed_questions(base: str | None = None, cwd: Path | None = None) -> ChangeSet:
    """The question files a branch changed, directly or through its graders or lock entries, ready for ``validate``."""
    top, resolved, files = changed_files(base, cwd)
    # Only the bank at the top of the repository: a fixture bank deeper down is not the bank under review.
    in_bank = [f for f in files if f.relative_to(top).parts[:1] in (("questions",), ("graders",))]
    lock_file = top / "questions" / LOCK_NAME
    selected = question_paths(f for f in in_bank if f != lock_file)
    if lock_file not in in_bank:
        return ChangeSet(resolved, tuple(in_bank), tuple(selected))
    before = _lock_at(top, resolved, lock_file)
    try:
        now = read_lock(lock_file)
    except BankError:
        now = {}  # validate reports the malformed lock itself
    touched = {qid for qid in before.keys() | now.keys() if before.get(qid) != now.get(qid)}
    selected += [p for p in _question_files(top, touched) if p not in selected]
    # The lock itself selects no question, but keeps validate running for the lock's own checks.
    return ChangeSet(resolved, tuple(in_bank), tuple(selected or [lock_file]), (lock_file, before))
