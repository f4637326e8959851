"""drillkit new's scaffold, up to a finished coding exercise graded in the real sandbox.

The end-to-end tests follow CONTRIBUTING.md: scaffold, fill in every TODO(drillkit), validate with
--run-graders; then break the reference and read what the author is told to fix.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drillkit.bank import PLACEHOLDER, load_bank
from drillkit.bank.scaffold import create, slugify
from drillkit.errors import UsageError
from tests.conftest import Invoke

QUALIFICATIONS = frozenset({"caching", "kubernetes"})


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    (tmp_path / "questions").mkdir()
    return tmp_path


def test_slugify_makes_an_id_from_a_title() -> None:
    assert slugify("Redis eviction: allkeys-LRU vs. volatile-LRU!") == "redis-eviction-allkeys-lru-vs-volatile-lru"
    assert len(slugify("word " * 40)) <= 60 and not slugify("word " * 40).endswith("-")


def test_a_coding_scaffold_has_a_grader_and_optional_golden_cases(bank: Path) -> None:
    made = create(bank, kind="coding", qualification="caching", title="Clamp", difficulty="easy", golden=True,
                  known_qualifications=QUALIFICATIONS)
    grader = bank / "graders/clamp/python"
    assert made.question_id == "clamp"
    assert made.grader_files == (grader / "test_clamp.py", grader / "reference.py", grader / "starter.py")
    golden = bank / "tests/golden/clamp"
    assert made.golden_files == (golden / "good_reference.py", golden / "bad_starter.py")
    assert (golden / "good_reference.py").read_text() == (grader / "reference.py").read_text()
    assert (golden / "bad_starter.py").read_text().startswith("# BUG: ")
    assert "revision: 1" in made.question_file.read_text()


def test_a_coding_scaffold_in_every_language_writes_each_languages_side_and_its_golden_cases(bank: Path) -> None:
    made = create(bank, kind="coding", qualification="caching", title="Clamp", difficulty="easy", golden=True,
                  languages=("cpp", "go", "java"), known_qualifications=QUALIFICATIONS)
    exercise = bank / "graders/clamp"
    assert sorted(p.relative_to(exercise).as_posix() for p in made.grader_files) == [
        "cpp/API.md", "cpp/adapter.cpp", "cpp/reference.hpp", "cpp/starter.hpp",
        "go/API.md", "go/adapter.go", "go/reference.go", "go/starter.go",
        "java/API.md", "java/Adapter.java", "java/reference.java", "java/starter.java",
        "python/reference.py", "python/starter.py", "python/test_clamp.py",
    ]
    assert "languages: [python, go, java, cpp]" in made.question_file.read_text()
    golden = bank / "tests/golden/clamp"
    assert sorted(p.name for p in made.golden_files) == sorted(
        f"{role}{suffix}" for role in ("good_reference", "bad_starter") for suffix in (".py", ".go", ".java", ".hpp"))
    for suffix, comment in ((".go", "//"), (".java", "//"), (".hpp", "//"), (".py", "#")):
        assert (golden / f"bad_starter{suffix}").read_text().startswith(f"{comment} BUG: ")
    # Each language's side offers what the Python tests import (solve) under that language's own API.
    assert 'solution.Solve(a.Int("n"))' in (exercise / "go/adapter.go").read_text()
    assert "Clamp.solve(a.i64(0))" in (exercise / "java/Adapter.java").read_text()
    assert "final class Clamp" in (exercise / "java/starter.java").read_text()
    assert 'm.function("solve", {"n"}' in (exercise / "cpp/adapter.cpp").read_text()


def test_a_java_class_name_is_the_id_in_camel_case_and_starts_with_a_letter() -> None:
    from drillkit.bank.scaffold import java_class_name

    assert java_class_name("lru-cache") == "LruCache"
    assert java_class_name("2pc-coordinator") == "Exercise2pcCoordinator"


def test_other_kinds_have_no_grader(bank: Path) -> None:
    made = create(bank, kind="short-answer", qualification="caching", title="Why TTL jitter", difficulty="easy")
    assert made.grader_files == () and not (bank / "graders").exists()


@pytest.mark.parametrize(("kwargs", "needle"), [
    ({"qualification": "astrology"}, "unknown qualification 'astrology'"),
    ({"kind": "design", "golden": True}, "--golden is for coding questions"),
    ({"title": ""}, "the title is empty"),
    ({"question_id": "taken"}, "id 'taken' is taken"),
    ({"question_id": "Not_Kebab"}, "'Not_Kebab' is not a valid id"),
    ({"languages": ("rust",)}, "unknown language 'rust'"),
    ({"kind": "design", "languages": ("go",)}, "--lang is for coding questions"),
])
def test_bad_requests_are_usage_errors_and_write_nothing(bank: Path, kwargs: dict[str, object], needle: str) -> None:
    request: dict[str, object] = {"kind": "coding", "qualification": "caching", "title": "Clamp", "difficulty": "easy"}
    request.update(kwargs)
    with pytest.raises(UsageError, match=re.escape(needle)):
        create(bank, known_qualifications=QUALIFICATIONS, existing_ids=frozenset({"taken"}), **request)  # type: ignore[arg-type]
    assert list(bank.rglob("*.*")) == []


def test_an_existing_grader_folder_is_not_overwritten(bank: Path) -> None:
    (bank / "graders/clamp/python").mkdir(parents=True)
    with pytest.raises(UsageError, match="exists already"):
        create(bank, kind="coding", qualification="caching", title="Clamp", difficulty="easy")
    assert not (bank / "questions/caching/clamp.yaml").exists()


# --- end to end, in the real sandbox -------------------------------------------------------------------------

FILLED = {
    r"TODO\(drillkit\): state the question.*": "Write `clamp(value, low, high)` that returns `value` limited to the "
                                               "closed range from `low` to `high`; raise `ValueError` when `low > high`.",
    r"TODO\(drillkit\): why the answer is right.*": "Comparing with each bound once keeps the value inside the range; "
                                                   "an empty range has no answer, so it is an error.",
    r'"TODO\(drillkit\): a gentle hint"': '"Compare with each bound separately."',
    r'"TODO\(drillkit\): a question an interviewer can ask next"': '"How would you clamp a float NaN?"',
    r'"TODO\(drillkit\): an authoritative source.*"': '"Python documentation — built-in functions min and max"',
    r"https://example.org/replace-me": "https://docs.python.org/3/library/functions.html#max",
}
GRADER = '''"""Grader for clamp-exercise: the submission is imported as the module ``solution``."""

import pytest

from solution import clamp


def test_keeps_a_value_inside_the_range():
    assert clamp(5, 0, 10) == 5, "expected clamp(5, 0, 10) == 5"


def test_raises_a_value_below_low():
    assert clamp(-3, 0, 10) == 0, "expected clamp(-3, 0, 10) == 0"


def test_caps_a_value_above_high():
    assert clamp(42, 0, 10) == 10, "expected clamp(42, 0, 10) == 10"


def test_an_empty_range_is_an_error():
    with pytest.raises(ValueError):
        clamp(1, 5, 0)
'''
REFERENCE = '''"""Reference solution for clamp-exercise."""


def clamp(value, low, high):
    if low > high:
        raise ValueError(f"empty range: {low} > {high}")
    return max(low, min(value, high))
'''
STARTER = '''"""clamp-exercise: limit a value to a closed range."""


def clamp(value, low, high):
    """Return value limited to [low, high]; raise ValueError when low > high."""
    raise NotImplementedError
'''


def scaffold_exercise(run: Invoke, bank: Path) -> Path:
    result = run("new", "--dir", str(bank), "--kind", "coding", "--qualification", "caching",
                 "--title", "Clamp exercise", "--difficulty", "easy")
    assert result.exit_code == 0, result.output
    return bank / "questions/caching/clamp-exercise.yaml"


def fill_in(question_file: Path) -> Path:
    text = question_file.read_text()
    for pattern, replacement in FILLED.items():
        text = re.sub(pattern, replacement, text)
    assert PLACEHOLDER not in text
    question_file.write_text(text)
    grader = question_file.parents[2] / "graders/clamp-exercise/python"
    (grader / "test_clamp_exercise.py").write_text(GRADER)
    (grader / "reference.py").write_text(REFERENCE)
    (grader / "starter.py").write_text(STARTER)
    return grader


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_the_scaffolded_grader_itself_is_consistent(run: Invoke, bank: Path) -> None:
    # Only the placeholders stand between an untouched scaffold and a passing bank: its grader already works.
    question_file = scaffold_exercise(run, bank)
    untouched = run("validate", "--json", str(question_file))
    assert untouched.exit_code == 1
    assert all(PLACEHOLDER in p["message"] for p in json.loads(untouched.stdout)["problems"])
    text = question_file.read_text()
    for pattern, replacement in FILLED.items():
        text = re.sub(pattern, replacement, text)
    question_file.write_text(text)
    for file in (bank / "graders/clamp-exercise/python").iterdir():
        file.write_text(file.read_text().replace(PLACEHOLDER, "NOTE"))
    result = run("validate", "--run-graders", "--json", str(question_file))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(g["role"], g["ok"]) for g in data["graders"]] == [("reference", True), ("starter", True)]
    assert data["graders"][0]["status"] == "pass" and data["graders"][1]["status"] != "pass"


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_the_scaffold_in_every_language_compiles_and_its_reference_passes_and_starter_fails(
        run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), "--kind", "coding", "--qualification", "caching",
                 "--title", "Clamp exercise", "--difficulty", "easy", "--lang", "all")
    assert result.exit_code == 0, result.output
    question_file = bank / "questions/caching/clamp-exercise.yaml"
    text = question_file.read_text()
    for pattern, replacement in FILLED.items():
        text = re.sub(pattern, replacement, text)
    question_file.write_text(text)
    for file in (bank / "graders/clamp-exercise").rglob("*.*"):
        file.write_text(file.read_text().replace(PLACEHOLDER, "NOTE"))
    checked = run("validate", "--run-graders", "--json", str(question_file))
    assert checked.exit_code == 0, checked.output
    rows = [(g["language"], g["role"], g["status"] == "pass") for g in json.loads(checked.stdout)["graders"]]
    assert sorted(rows) == sorted((language, role, role == "reference")
                                  for language in ("python", "go", "java", "cpp") for role in ("reference", "starter"))


@pytest.mark.docker
@pytest.mark.usefixtures("docker_ready")
def test_a_completed_exercise_passes_and_a_broken_reference_names_the_failing_test(run: Invoke, bank: Path) -> None:
    question_file = scaffold_exercise(run, bank)
    grader = fill_in(question_file)
    assert load_bank([bank]).get("clamp-exercise").kind == "coding"

    passed = run("validate", "--run-graders", str(question_file))
    assert passed.exit_code == 0, passed.output
    assert "✔ 1 question file(s) valid" in passed.stdout

    (grader / "reference.py").write_text(REFERENCE.replace("min(value, high)", "value"))
    broken = run("validate", "--run-graders", str(question_file))
    assert broken.exit_code == 1
    row = next(line for line in broken.stdout.splitlines() if "reference.py" in line)
    assert "FAIL" in row and "test_caps_a_value_above_high" in row
    assert "1 grader check(s) wrong" in broken.stderr
