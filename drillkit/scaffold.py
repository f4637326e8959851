"""``drillkit new``: a question file (and for coding questions, a grader folder) that validates from the start.

Every spot the author must fill carries the PLACEHOLDER marker, which ``drillkit validate`` reports by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank import PLACEHOLDER, bank_roots, question_files, scan
from drillkit.errors import UsageError
from drillkit.model import Qualification
from drillkit.yamlio import yaml_scalar

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Scaffold:
    question_id: str
    question_file: Path
    grader_files: tuple[Path, ...]
    golden_files: tuple[Path, ...] = ()


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:60].rstrip("-")


def _q(text: str) -> str:
    return yaml_scalar(text)


def _question_yaml(question_id: str, title: str, qualification: str, kind: str, difficulty: str) -> str:
    todo = PLACEHOLDER
    minutes = {"single-choice": 2, "multiple-choice": 3, "short-answer": 5, "design": 20, "coding": 30}[kind]
    head = f"""# yaml-language-server: $schema=../schema.json
id: {question_id}
title: {_q(title)}
qualification: {qualification}
kind: {kind}
difficulty: {difficulty}
minutes: {minutes}
revision: 1  # bump when the correct answer changes, then run: drillkit validate --update-lock
tags: []
prompt: |
  {todo}: state the question in Markdown. Give the context a candidate needs and nothing that gives the answer away.
"""
    body = {
        "single-choice": f"""choices:
  - text: "{todo}: the correct choice"
    correct: true
    why: "{todo}: why this is right"
  - text: "{todo}: a plausible wrong choice"
    correct: false
    why: "{todo}: the misconception behind it"
  - text: "{todo}: another plausible wrong choice"
    correct: false
    why: "{todo}: the misconception behind it"
""",
        "multiple-choice": f"""choices:
  - text: "{todo}: a correct choice"
    correct: true
    why: "{todo}: why this is right"
  - text: "{todo}: another correct choice"
    correct: true
    why: "{todo}: why this is right"
  - text: "{todo}: a plausible wrong choice"
    correct: false
    why: "{todo}: the misconception behind it"
""",
        "short-answer": f"""answer: |
  {todo}: the model answer, in Markdown.
key_points:
  - "{todo}: a point a good answer makes"
""",
        "design": f"""answer: |
  - {todo}: the outline of a strong answer, one bullet per part.
rubric:
  - points: 2
    criterion: "{todo}: what earns these points"
""",
        "coding": """languages: [python]
""",
    }[kind]
    tail = f"""explanation: |
  {todo}: why the answer is right, and the mechanism underneath it.
hints:
  - "{todo}: a gentle hint"
follow_ups:
  - "{todo}: a question an interviewer can ask next"
references:
  - title: "{todo}: an authoritative source (official documentation, paper, book)"
    url: https://example.org/replace-me
"""
    return head + body + tail


def _grader_files(question_id: str) -> dict[str, str]:
    module = question_id.replace("-", "_")
    todo = PLACEHOLDER
    return {
        f"test_{module}.py": f'''"""Grader for {question_id}: the submission is imported as the module ``solution``."""

from solution import solve


def test_solve_returns_the_documented_result_for_a_simple_case():
    # {todo}: replace with tests of the whole contract: normal cases, boundaries, every error case.
    assert solve(2) == 4, "expected solve(2) == 4"


def test_solve_handles_zero():
    assert solve(0) == 0, "expected solve(0) == 0"
''',
        "reference.py": f'''"""Reference solution for {question_id}: must pass every test."""


def solve(n: int) -> int:
    # {todo}: replace with the reference implementation.
    return n * 2
''',
        "starter.py": f'''"""{question_id}: implement the functions below. {todo}: describe the task."""


def solve(n: int) -> int:
    """Return the answer for n."""
    raise NotImplementedError
''',
    }


def _golden_files(grader: dict[str, str]) -> dict[str, str]:
    """The first golden cases: the reference (a correct solution) and the starter (a wrong one).

    The grader tests check them against the bank; the author adds more (two good, four bad at least) as the
    grader grows.
    """
    return {
        "good_reference.py": grader["reference.py"],
        "bad_starter.py": "# BUG: the untouched starter raises NotImplementedError\n" + grader["starter.py"],
    }


@dataclass(frozen=True)
class ScaffoldContext:
    """What a new question must fit: the known qualifications and the ids already taken."""

    qualifications: tuple[Qualification, ...]
    existing_ids: frozenset[str]


def scaffold_context(bank_root: Path, extra_roots: Sequence[str | Path] = ()) -> ScaffoldContext:
    """The layers plus the bank being added to, read without stopping at problems: a half-written question
    elsewhere in the bank must not keep anyone from starting the next one."""
    require_bank(bank_root)
    roots = bank_roots([*extra_roots, bank_root])
    bank, _ = scan(roots)
    taken = {path.stem for root in roots for path in question_files(root)}
    return ScaffoldContext(bank.qualifications, frozenset(taken))


def require_bank(bank_root: Path) -> Path:
    """The bank's questions/ folder; checked before asking anything, so nobody answers prompts in vain."""
    questions_dir = bank_root / "questions"
    if not questions_dir.is_dir():
        raise UsageError(f"{bank_root} holds no questions/ folder",
                         hint="run inside a bank checkout or pass --dir to one")
    return questions_dir


def create(bank_root: Path, *, kind: str, qualification: str, title: str, difficulty: str,
           question_id: str | None = None, known_qualifications: frozenset[str] = frozenset(),
           existing_ids: frozenset[str] = frozenset(), golden: bool = False) -> Scaffold:
    """Write the question file and, for coding questions, its grader (and with ``golden`` its first golden cases)."""
    if not title.strip():
        raise UsageError("the title is empty", hint="give a short title, e.g. --title \"Redis eviction under memory pressure\"")
    if golden and kind != "coding":
        raise UsageError("--golden is for coding questions: golden cases are solutions run against a grader")
    questions_dir = require_bank(bank_root)
    if known_qualifications and qualification not in known_qualifications:
        raise UsageError(f"unknown qualification '{qualification}'",
                         hint="known: " + ", ".join(sorted(known_qualifications)))
    question_id = question_id or slugify(title)
    if not _ID.match(question_id):
        raise UsageError(f"'{question_id}' is not a valid id", hint="use lowercase words joined by hyphens")
    if question_id in existing_ids:
        raise UsageError(f"id '{question_id}' is taken", hint="choose another title or pass --id")
    question_file = questions_dir / qualification / f"{question_id}.yaml"
    if question_file.exists():
        raise UsageError(f"{question_file} exists already", hint="choose another id")
    grader_dir = bank_root / "graders" / question_id / "python"
    golden_dir = bank_root / "tests" / "golden" / question_id
    for folder, wanted in ((grader_dir, kind == "coding"), (golden_dir, golden)):
        if wanted and folder.exists():
            raise UsageError(f"{folder} exists already", hint="choose another id")
    question_file.parent.mkdir(parents=True, exist_ok=True)
    question_file.write_text(_question_yaml(question_id, title, qualification, kind, difficulty), encoding="utf-8")
    written: list[Path] = []
    golden_written: list[Path] = []
    if kind == "coding":
        grader = _grader_files(question_id)
        grader_dir.mkdir(parents=True)
        for name, text in grader.items():
            (grader_dir / name).write_text(text, encoding="utf-8")
            written.append(grader_dir / name)
        if golden:
            golden_dir.mkdir(parents=True)
            for name, text in _golden_files(grader).items():
                (golden_dir / name).write_text(text, encoding="utf-8")
                golden_written.append(golden_dir / name)
    return Scaffold(question_id, question_file, tuple(written), tuple(golden_written))
