"""``drillkit new``: a question file (and for coding questions, a grader folder) that validates from the start.

Every spot the author must fill carries the PLACEHOLDER marker, which ``drillkit validate`` reports by line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from drillkit.bank import PLACEHOLDER, bank_roots, question_files, scan
from drillkit.errors import UsageError
from drillkit.model import Qualification
from drillkit.yamlio import yaml_scalar
from sandbox.languages import LANGUAGES, TESTS_LANGUAGE

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


def _question_yaml(question_id: str, title: str, qualification: str, kind: str, difficulty: str,
                   languages: Sequence[str] = (TESTS_LANGUAGE,)) -> str:
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
        "coding": f"""languages: [{", ".join(languages)}]
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


def java_class_name(question_id: str) -> str:
    """The Java class an exercise's API is written as: the id in CamelCase (``lru-cache`` → ``LruCache``)."""
    name = "".join(word.capitalize() for word in question_id.split("-"))
    return name if name[:1].isalpha() else f"Exercise{name}"


def _language_files(question_id: str, language: str) -> dict[str, str]:
    """A language's side of the scaffolded exercise: the same ``solve(n)`` as the Python grader imports, written
    the way that language would, with an adapter that maps the tests' call onto it. Together with the Python
    scaffold, the reference passes and the starter fails from the start."""
    todo = PLACEHOLDER
    if language == "go":
        return {
            "API.md": f"""```go
package solution

// Solve returns the answer for n.
func Solve(n int) int
```

{todo}: state the semantics in Go's terms: which errors are returned (and when), what a lookup's `ok` means.
""",
            "adapter.go": f"""// The {question_id} contract (solve in the Python tests) on top of the Go API of API.md.
// {todo}: register every function and class the tests import; convert values and map errors here only.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

func main() {{
	dk.Serve(dk.Func("solve(n)", func(a *dk.Args) (any, error) {{
		return solution.Solve(a.Int("n")), nil
	}}))
}}
""",
            "reference.go": f"""// Reference solution for {question_id}: must pass every test.
package solution

// Solve returns the answer for n.
func Solve(n int) int {{
	// {todo}: replace with the reference implementation.
	return n * 2
}}
""",
            "starter.go": f"""// {question_id}: implement Solve. {todo}: describe the task in a line.
// (The question's prompt goes above this line.)
package solution

// Solve returns the answer for n.
func Solve(n int) int {{
	panic("not implemented")
}}
""",
        }
    if language == "java":
        cls = java_class_name(question_id)
        return {
            "API.md": f"""```java
// Solution.java: no package; package-private top-level classes.
final class {cls} {{
    // The answer for n.
    static long solve(long n);
}}
```

{todo}: state the semantics in Java's terms: which exceptions are thrown (and when), what may be null.
""",
            "Adapter.java": f"""// {question_id}: the tests' solve(n) on the Java API of API.md.
// {todo}: register every function and class the tests import; convert values and map exceptions here only.
import drillkit.*;

final class Adapter implements Exercise {{
    @Override
    public void register(Contract m) {{
        m.function("solve(n)", a -> {cls}.solve(a.i64(0)));
    }}
}}
""",
            "reference.java": f"""// Reference solution for {question_id}: must pass every test.
final class {cls} {{
    /** The answer for n. */
    static long solve(long n) {{
        // {todo}: replace with the reference implementation.
        return n * 2;
    }}
}}
""",
            "starter.java": f"""// {question_id}: implement {cls}.solve. {todo}: describe the task in a line.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
final class {cls} {{
    /** The answer for n. */
    static long solve(long n) {{
        throw new UnsupportedOperationException("not implemented");
    }}
}}
""",
        }
    if language == "cpp":
        return {
            "API.md": f"""```cpp
// solution.hpp, global namespace.
std::int64_t solve(std::int64_t n);
```

Define it `inline`. {todo}: state the semantics in C++'s terms: which exceptions are thrown (and when), what an
empty `std::optional` means.
""",
            "adapter.cpp": f"""// {question_id}: the Python contract's solve on top of the C++ API in API.md.
// {todo}: register every function and class the tests import; convert values and map exceptions here only.
#include "solution.hpp"

DRILLKIT_MODULE(m) {{
    m.function("solve", {{"n"}}, [](std::int64_t n) {{ return solve(n); }});
}}
""",
            "reference.hpp": f"""// Reference solution for {question_id}: must pass every test.
#pragma once

#include <cstdint>

// The answer for n.
inline std::int64_t solve(std::int64_t n) {{
    // {todo}: replace with the reference implementation.
    return n * 2;
}}
""",
            "starter.hpp": f"""// {question_id}: implement solve. {todo}: describe the task in a line.
//
// Write everything in this header, in the global namespace.
#pragma once

#include <cstdint>
#include <stdexcept>

// The answer for n.
inline std::int64_t solve(std::int64_t n) {{
    (void)n;
    throw std::logic_error("not implemented");
}}
""",
        }
    raise UsageError(f"unknown language '{language}'", hint="known: " + ", ".join(LANGUAGES))


def _golden_files(language: str, files: dict[str, str]) -> dict[str, str]:
    """The first golden cases of a language: its reference (a correct solution) and its starter (a wrong one).

    The grader tests check them against the bank; the author adds more (two good and four bad in Python, two good
    and five bad in the others, at least) as the grader grows.
    """
    known = LANGUAGES[language]
    reference = next(name for name in files if name.startswith("reference."))
    starter = next(name for name in files if name.startswith("starter."))
    suffix = PurePath(reference).suffix
    return {
        f"good_reference{suffix}": files[reference],
        f"bad_starter{suffix}": f"{known.comment} BUG: the untouched starter does not implement anything\n"
                                + files[starter],
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
           existing_ids: frozenset[str] = frozenset(), golden: bool = False,
           languages: Sequence[str] = (TESTS_LANGUAGE,)) -> Scaffold:
    """Write the question file and, for coding questions, its grader in each of ``languages`` (the Python tests
    always), and with ``golden`` the first golden cases of each."""
    languages = _languages(languages, kind)
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
    exercise_dir = bank_root / "graders" / question_id
    golden_dir = bank_root / "tests" / "golden" / question_id
    for folder, wanted in ((exercise_dir, kind == "coding"), (golden_dir, golden)):
        if wanted and folder.exists():
            raise UsageError(f"{folder} exists already", hint="choose another id")
    question_file.parent.mkdir(parents=True, exist_ok=True)
    question_file.write_text(_question_yaml(question_id, title, qualification, kind, difficulty, languages),
                             encoding="utf-8")
    written: list[Path] = []
    golden_written: list[Path] = []
    if kind == "coding":
        for language in languages:
            files = (_grader_files(question_id) if language == TESTS_LANGUAGE
                     else _language_files(question_id, language))
            written += _write(exercise_dir / language, files)
            if golden:
                golden_written += _write(golden_dir, _golden_files(language, files))
    return Scaffold(question_id, question_file, tuple(written), tuple(golden_written))


def _languages(requested: Sequence[str], kind: str) -> tuple[str, ...]:
    """The exercise's languages in the registry's order, Python first: its tests are every language's grader."""
    unknown = [name for name in requested if name not in LANGUAGES]
    if unknown:
        raise UsageError(f"unknown language '{unknown[0]}'", hint="known: " + ", ".join(LANGUAGES))
    if kind != "coding" and set(requested) - {TESTS_LANGUAGE}:
        raise UsageError("--lang is for coding questions: only they are answered in a programming language")
    return tuple(name for name in LANGUAGES if name in {TESTS_LANGUAGE, *requested})


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]
