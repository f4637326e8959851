"""Start-up tricks in every compiled language never read `pass`: exiting before the tests run, printing what
looks like a passing report, writing to every inherited file descriptor (real containers).

Each file in ``tests/sandbox/hostile/<language>/`` is a whole candidate file for lru-cache in that language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from sandbox.languages import LANGUAGES, language_of
from tests.conftest import HOSTILE, Invoke

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

TRICKS = sorted(p for name in LANGUAGES if name != "python" for p in (HOSTILE / name).glob("*.*")
                if language_of(p) == name)


def test_every_language_the_bank_offers_brings_its_start_up_tricks() -> None:
    offered = {lang for q in load_bank().questions if q.kind == "coding" for lang in q.languages} - {"python"}
    for name in offered:
        assert [p for p in TRICKS if language_of(p) == name], f"no start-up tricks in tests/sandbox/hostile/{name}/"


@pytest.mark.parametrize("path", TRICKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_start_up_trick_never_passes(run: Invoke, path: Path) -> None:
    language = language_of(path)
    if language not in load_bank().get("lru-cache").languages:
        pytest.skip(f"lru-cache does not offer {language} yet")
    result = run("check", "lru-cache", str(path), "--json")
    data = json.loads(result.stdout)
    assert data["status"] != "pass" and result.exit_code == 1, data
    assert data["passed"] < data["total"]
