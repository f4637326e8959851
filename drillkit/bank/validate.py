"""``drillkit validate``: every check on a bank, collected rather than stopping at the first."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank import Bank, BankRoot, Problem, bank_roots, lock, question_files, scan, unlisted_language_folders
from drillkit.bank.changes import BANK_WIDE_FILES, question_paths
from drillkit.bank.item_writing import ChoiceStats, choice_stats, item_warnings
from drillkit.errors import BankError, UsageError
from drillkit.model import Question

# Two prompts sharing this much of their word pairs say the same thing twice.
NEAR_DUPLICATE_THRESHOLD = 0.6
_STOPWORDS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "by", "with", "as",
    "at", "it", "its", "this", "that", "which", "what", "when", "how", "why", "does", "do", "you", "your",
    "can", "from", "than", "then", "into", "not", "no",
))


@dataclass(frozen=True)
class GraderCheck:
    """One reference or starter run in the sandbox: references must pass, starters must not."""

    question_id: str
    language: str
    role: str
    status: str
    expected: str
    detail: str

    @property
    def ok(self) -> bool:
        return (self.status == "pass") == (self.expected == "pass")


@dataclass(frozen=True)
class ValidationReport:
    checked: int
    problems: tuple[Problem, ...]
    grader_checks: tuple[GraderCheck, ...] = ()
    # New ids are welcome, but the lock only protects them once `--update-lock` records them.
    unlocked: tuple[str, ...] = ()
    lock_update: lock.LockUpdate | None = None
    # Item-writing cues (see drillkit.bank.item_writing): shown always, failing the run only when strict.
    warnings: tuple[Problem, ...] = ()
    strict: bool = False

    @property
    def ok(self) -> bool:
        return (not self.problems and all(check.ok for check in self.grader_checks)
                and not (self.strict and self.warnings))


GraderRunner = Callable[[Bank, Question], list[GraderCheck]]


def _root_of(path: Path) -> BankRoot | None:
    for parent in [path, *path.parents]:
        if (parent / "questions").is_dir() and parent != path:
            return BankRoot(parent.resolve())
        if parent.name == "questions" and parent.is_dir():
            return BankRoot(parent.parent.resolve())
    return None


def _expand(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        if path.is_dir():
            found = sorted(path.rglob("*.yaml"))
            files.extend(p for p in found if p.name != "qualifications.yaml")
        elif path.suffix == ".yaml" and path.name not in BANK_WIDE_FILES:
            files.append(path)
        else:
            # A grader file stands for its question, the schema or taxonomy for the whole bank; the lock
            # selects no question (its own checks run on every validation).
            files.extend(_expand(question_paths([path])))
    # Several grader files of one question stand for the same question file.
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values())


def _shingles(question: Question) -> frozenset[tuple[str, str]]:
    text = " ".join([question.prompt, *(c.text for c in question.choices)]).lower()
    words = [w for w in re.findall(r"[a-z0-9][a-z0-9_.+-]*", text) if w not in _STOPWORDS]
    return frozenset(itertools.pairwise(words))


def near_duplicates(questions: Sequence[Question], threshold: float = NEAR_DUPLICATE_THRESHOLD) -> list[Problem]:
    """Pairs of questions whose prompts share most of their word pairs: one idea worded twice."""
    shingled = [(q, _shingles(q)) for q in questions if q.kind != "coding"]
    # Count shared word pairs through an index, so only pairs that share something are compared.
    holders: dict[tuple[str, str], list[int]] = {}
    for index, (_, shingles) in enumerate(shingled):
        for shingle in shingles:
            holders.setdefault(shingle, []).append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for indices in holders.values():
        if len(indices) <= 50:  # a pair of words in fifty prompts is vocabulary, not a shared idea
            shared.update(itertools.combinations(indices, 2))
    problems = []
    for (i, j), common in sorted(shared.items()):
        (a, sa), (b, sb) = shingled[i], shingled[j]
        overlap = common / (len(sa) + len(sb) - common)
        if overlap >= threshold:
            problems.append(Problem(b.path, None, f"near-duplicate of {a.id} ({overlap:.0%} of the wording is shared): "
                                                  "merge them or make each ask something different"))
    return problems


def _reference_files(bank: Bank, question: Question) -> list[Path]:
    """What the lock holds a coding question's answer to: the reference beside its tests. Another language's
    reference follows the same tests, so adding or reworking one changes no answer."""
    if question.kind != "coding":
        return []
    return sorted(bank.tests_dir(question).glob("reference.*"))


def _layer_entries(bank: Bank, root: BankRoot) -> tuple[dict[str, lock.LockEntry], dict[str, Path]]:
    """The lock entries of the questions this layer supplies (not those an upper layer replaces)."""
    mine = [q for q in bank.questions if bank.origin.get(q.id) == root]
    return ({q.id: lock.entry_for(q, _reference_files(bank, q)) for q in mine}, {q.id: q.path for q in mine})


def _present_ids(root: BankRoot) -> set[str]:
    return {path.stem for path in question_files(root)}


def update_lock(bank: Bank, root: BankRoot,
                baseline: tuple[Path, Mapping[str, lock.LockEntry]] | None = None) -> lock.LockUpdate:
    """Record the layer's new ids, deliberate revisions and retired ids in its answers.lock.

    With the base branch's lock (``validate --changed --update-lock``), questions the branch adds may be
    re-recorded as they change: nobody has practised them yet.
    """
    if root.builtin and root.path.name == "_bank":
        raise UsageError("the built-in bank is installed read-only; its lock cannot be updated",
                         hint="run in a checkout of the bank, or name it with --bank PATH")
    path = lock.lock_path(root.questions_dir)
    try:
        locked = lock.read_lock(path)
    except BankError:
        locked = {}  # a malformed lock is rebuilt from the bank as it stands
    current, _ = _layer_entries(bank, root)
    unpublished: set[str] = set()
    if baseline is not None and baseline[0].resolve() == path.resolve():
        unpublished = set(current) - set(baseline[1])
    entries, added, updated, removed = lock.updated_entries(locked, current, _present_ids(root), unpublished)
    if entries != locked or not path.exists():
        lock.write_lock(path, entries)
    return lock.LockUpdate(path, added, updated, removed)


def lock_problems(bank: Bank, selected: set[Path] | None,
                  baseline: tuple[Path, Mapping[str, lock.LockEntry]] | None = None) -> tuple[list[Problem], list[str]]:
    """Each layer that has an answers.lock against it: problems, and the ids it does not hold yet.

    ``baseline`` is a layer's lock as the base branch has it (from ``validate --changed``): answers are held to
    it as well, so a lock edited by hand, or deleted, does not let a change through.
    """
    problems: list[Problem] = []
    unlocked: list[str] = []
    for root in bank.roots:
        path = lock.lock_path(root.questions_dir)
        before = baseline[1] if baseline is not None and baseline[0].resolve() == path.resolve() else None
        if not path.exists():
            if not before:
                continue  # a bank without a lock has not opted in
            problems.append(Problem(path, None, f"{lock.LOCK_NAME} is gone (the base branch has one): restore it, "
                                                f"or rebuild it with {lock.UPDATE_COMMAND}"))
        try:
            locked = lock.read_lock(path)
        except BankError as exc:
            problems.append(Problem(exc.path, exc.line, exc.message.split(": ", 1)[-1]
                                    + f" (rebuild it with {lock.UPDATE_COMMAND})"))
            continue
        current, paths = _layer_entries(bank, root)
        if selected is not None:
            current = {qid: entry for qid, entry in current.items() if paths[qid].resolve() in selected}
        problems.extend(lock.check(path, locked, current, paths, _present_ids(root), before))
        unlocked.extend(qid for qid in current if qid not in locked)
    return problems, sorted(unlocked)


def validate(extra_roots: Sequence[str | Path] = (), paths: Sequence[Path] = (), *,
             grader_runner: GraderRunner | None = None, update: bool = False,
             baseline: tuple[Path, Mapping[str, lock.LockEntry]] | None = None, strict: bool = False) -> ValidationReport:
    """Check the bank (or only the files in ``paths``, against the whole bank); with ``update``, first record the
    top layer's deliberate changes in its answers.lock; with ``baseline``, hold answers to the base branch's lock
    too."""
    roots = list(bank_roots(extra_roots))
    only: list[Path] | None = None
    if paths:
        only = _expand(paths)
        for file in only:
            root = _root_of(file.resolve())
            if root is not None and root.path not in {r.path for r in roots}:
                roots.append(root)
    bank, problems = scan(roots, only=only)
    selected = {p.resolve() for p in only} if only is not None else None
    checked = [q for q in bank.questions if selected is None or q.path.resolve() in selected]
    duplicates = [p for p in near_duplicates(bank.questions) if selected is None or p.path.resolve() in selected]
    problems.extend(duplicates)
    problems.extend(p for q in checked if q.kind == "coding" for p in unlisted_language_folders(bank, q))
    grader_checks: list[GraderCheck] = []
    if grader_runner is not None:
        for question in checked:
            if question.kind == "coding":
                grader_checks.extend(grader_runner(bank, question))
    count = len(only) if only is not None else len(checked) + len({p.path for p in problems})
    lock_update = update_lock(bank, bank.roots[-1], baseline) if update else None
    locked_problems, unlocked = lock_problems(bank, selected, baseline)
    problems.extend(locked_problems)
    warnings = tuple(warning for question in checked for warning in item_warnings(question))
    return ValidationReport(count, tuple(problems), tuple(grader_checks), tuple(unlocked), lock_update, warnings, strict)


def choice_stats_of(bank: Bank, paths: Sequence[Path] = ()) -> ChoiceStats:
    """The item-writing targets on the bank's choice questions, or on those in ``paths`` (files or folders)."""
    if not paths:
        return choice_stats(bank.questions)
    selected = {file.resolve() for file in _expand(paths)}
    return choice_stats(q for q in bank.questions if q.path.resolve() in selected)
