"""Grader strength, through the real sandbox: every golden correct implementation passes, every wrong one fails.

``tests/golden/<id>/good_*.py`` are different correct solutions; ``bad_*.py`` are almost-right ones whose first
line names the bug. A grader that lets a bad one pass, or rejects a good one, is a bug in the grader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.graders import connect_backend, grade_source, run_reference_and_starter
from tests.conftest import REPO

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

GOLDEN = REPO / "tests" / "golden"
CASES = sorted(GOLDEN.glob("*/good_*.py")) + sorted(GOLDEN.glob("*/bad_*.py"))


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.fixture(scope="module")
def backend() -> object:
    return connect_backend()


def test_every_coding_question_has_golden_cases() -> None:
    coding = [q.id for q in load_bank().questions if q.kind == "coding"]
    for question_id in coding:
        folder = GOLDEN / question_id
        assert len(list(folder.glob("good_*.py"))) >= 2, f"{question_id}: needs at least two good golden cases"
        assert len(list(folder.glob("bad_*.py"))) >= 4, f"{question_id}: needs at least four bad golden cases"


def test_every_bad_case_names_its_bug() -> None:
    for path in GOLDEN.glob("*/bad_*.py"):
        assert path.read_text().startswith("# BUG:"), f"{case_id(path)} must start with '# BUG: <the bug>'"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_golden_case_gets_the_expected_verdict(path: Path, backend: object) -> None:
    bank = load_bank()
    question = bank.get(path.parent.name)
    result = grade_source(bank, question, "python", path.read_bytes(), backend)  # type: ignore[arg-type]
    if path.name.startswith("good_"):
        failing = [f"{t.name}: {t.message}" for t in result.tests if t.status != "pass"]
        assert result.status == "pass", f"a correct solution was rejected ({result.message}): {failing[:3]}"
    else:
        bug = path.read_text().splitlines()[0]
        assert result.status != "pass", f"the grader let a wrong solution pass — {bug}"


def test_references_pass_and_starters_fail(backend: object) -> None:
    bank = load_bank()
    checks = [c for q in bank.questions if q.kind == "coding"
              for c in run_reference_and_starter(bank, q, backend)]  # type: ignore[arg-type]
    assert checks
    wrong = [f"{c.question_id} {c.role}: {c.status} ({c.detail})" for c in checks if not c.ok]
    assert not wrong
