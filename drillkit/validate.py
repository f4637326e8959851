"""``drillkit validate``: every check on a bank, collected rather than stopping at the first."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank import Bank, BankRoot, Problem, bank_roots, scan
from drillkit.errors import UsageError
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

    @property
    def ok(self) -> bool:
        return not self.problems and all(check.ok for check in self.grader_checks)


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
        else:
            files.append(path)
    return files


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


def validate(extra_roots: Sequence[str | Path] = (), paths: Sequence[Path] = (), *,
             grader_runner: GraderRunner | None = None) -> ValidationReport:
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
    grader_checks: list[GraderCheck] = []
    if grader_runner is not None:
        for question in checked:
            if question.kind == "coding":
                grader_checks.extend(grader_runner(bank, question))
    count = len(only) if only is not None else len(checked) + len({p.path for p in problems})
    return ValidationReport(count, tuple(problems), tuple(grader_checks))
