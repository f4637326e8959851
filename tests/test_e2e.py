"""The installed `drillkit` command, driven as a user would from a shell."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_BANK


def drillkit() -> str:
    found = shutil.which("drillkit", path=str(Path(sys.executable).parent)) or shutil.which("drillkit")
    if found is None:
        pytest.fail("the drillkit command is not installed next to this Python (pip install -e .)")
    return found


def sh(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([drillkit(), *args], input=input, capture_output=True, text=True, env=env, timeout=120,
                          check=False)


def test_list_json_from_the_installed_command() -> None:
    done = sh("list", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {q["qualification"] for q in data} >= {"caching", "databases", "kubernetes", "data-pipelines"}


def test_a_piped_quiz_from_the_installed_command() -> None:
    done = sh("quiz", "--qualification", "caching", "-n", "3", "--seed", "1", "-k", "single-choice",
              input="a\nb\nc\n")
    assert done.returncode == 0, done.stderr
    assert "Score: " in done.stdout
    assert "/3 right" in done.stdout


def test_python_dash_m_drillkit_works_too() -> None:
    done = subprocess.run([sys.executable, "-m", "drillkit", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "drillkit" in done.stdout


def test_bad_input_never_shows_a_traceback() -> None:
    done = sh("--bank", str(FIXTURE_BANK), "check", "sandbox-add", "/nonexistent.py")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("drillkit: error: no such submission file")
