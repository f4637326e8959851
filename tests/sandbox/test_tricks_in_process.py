"""The hostile tricks are real: where the grader's tests and the submission share one process, each one passes.

tests/sandbox/test_hostile.py shows the same files failing through drillkit's boundary; this is its control.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sandbox.test_hostile import IN_PROCESS, TRICKS, trick_question

TESTSIDE = Path(__file__).resolve().parents[2] / "sandbox" / "images" / "python" / "testside"


@pytest.mark.parametrize("name", TRICKS)
def test_the_trick_passes_when_tests_and_submission_share_a_process(name: str, tmp_path: Path) -> None:
    _, grader, _ = trick_question(name)
    shutil.copy(IN_PROCESS / f"{name}.py", tmp_path / "solution.py")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{TESTSIDE}", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(grader)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"the trick no longer works in-process:\n{done.stdout[-2000:]}"
