"""Grader strength, through the real sandbox: every golden correct implementation passes, every wrong one fails.

``tests/golden/<id>/good_*.<ext>`` are different correct solutions; ``bad_*.<ext>`` are almost-right ones whose
first line names the bug (``# BUG:`` or ``// BUG:``). The extension says the language (``.py``, ``.go``, ``.java``,
``.hpp``): one grader judges them all. A grader that lets a bad one pass, or rejects a good one, is a bug in the
grader or in that language's adapter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.graders import connect_backend, grade_source, run_reference_and_starter
from sandbox.languages import LANGUAGES, language_of
from tests.conftest import REPO

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

GOLDEN = REPO / "tests" / "golden"
# Fewer for Python, whose cases came first; every other language brings at least five almost-right ones.
AT_LEAST = {"good": 2, "bad": 4}
AT_LEAST_OTHERS = {"good": 2, "bad": 5}


def cases(kind: str) -> list[Path]:
    return sorted(p for p in GOLDEN.glob(f"*/{kind}_*.*") if language_of(p) is not None)


CASES = cases("good") + cases("bad")


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.fixture(scope="module")
def backend() -> object:
    return connect_backend()


def test_every_coding_question_has_golden_cases_in_each_of_its_languages() -> None:
    for question in (q for q in load_bank().questions if q.kind == "coding"):
        for language in question.languages:
            needed = AT_LEAST if language == "python" else AT_LEAST_OTHERS
            for kind, count in needed.items():
                found = [p for p in (GOLDEN / question.id).glob(f"{kind}_*.*") if language_of(p) == language]
                assert len(found) >= count, f"{question.id} ({language}): needs at least {count} {kind} golden cases"


def test_every_bad_case_names_its_bug() -> None:
    for path in cases("bad"):
        mark = LANGUAGES[language_of(path) or "python"].comment
        assert path.read_text().startswith(f"{mark} BUG:"), f"{case_id(path)} must start with '{mark} BUG: <the bug>'"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_golden_case_gets_the_expected_verdict(path: Path, backend: object) -> None:
    bank = load_bank()
    question = bank.get(path.parent.name)
    language = language_of(path) or "python"
    if language not in question.languages:
        pytest.skip(f"{question.id} does not offer {language} yet")
    result = grade_source(bank, question, language, path.read_bytes(), backend)  # type: ignore[arg-type]
    if path.name.startswith("good_"):
        failing = [f"{t.name}: {t.message}" for t in result.tests if t.status != "pass"]
        assert result.status == "pass", f"a correct solution was rejected ({result.message}): {failing[:3]}"
    else:
        bug = path.read_text().splitlines()[0]
        assert result.status != "pass", f"the grader let a wrong solution pass — {bug}"


CODING = sorted(q.id for q in load_bank().questions if q.kind == "coding")


@pytest.mark.parametrize("question_id", CODING)
def test_references_pass_and_starters_fail(question_id: str, backend: object) -> None:
    """What `validate --run-graders` checks, one exercise at a time (every language it offers)."""
    bank = load_bank()
    checks = run_reference_and_starter(bank, bank.get(question_id), backend)  # type: ignore[arg-type]
    assert len(checks) == 2 * len(bank.get(question_id).languages)
    wrong = [f"{c.question_id} {c.language} {c.role}: {c.status} ({c.detail})" for c in checks if not c.ok]
    assert not wrong
