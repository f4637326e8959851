"""Shared fixtures: an isolated data directory for every test, a CLI runner, and the real Docker sandbox."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cli.main import cli

REPO = Path(__file__).resolve().parents[1]
FIXTURE_BANK = REPO / "tests" / "fixtures" / "bank"
HOSTILE = REPO / "tests" / "sandbox" / "hostile"


def docker_required() -> bool:
    return os.environ.get("DRILLKIT_REQUIRE_DOCKER") == "1" or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_cache: Path) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("DRILLKIT_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # The graders' test counts are cached by content; sharing the cache across tests saves a container each.
    monkeypatch.setenv("XDG_CACHE_HOME", str(session_cache))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("DRILLKIT_BANK", raising=False)
    monkeypatch.delenv("DRILLKIT_DEBUG", raising=False)
    return home


Invoke = Callable[..., Result]


@pytest.fixture
def run() -> Invoke:
    """Invoke the drillkit CLI in-process: run("list", "--json", input="...")."""

    def invoke(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def docker_ready() -> Iterator[None]:
    """The real sandbox. Skips only where no daemon can run; where CI requires it, fails instead."""
    from sandbox import SandboxUnavailable
    from sandbox.docker_backend import connect
    from sandbox.image import require_runner

    try:
        client = connect(timeout=5)
        require_runner(client, "python")
    except SandboxUnavailable as exc:
        if docker_required():
            pytest.fail(f"the Docker sandbox is required here but unavailable: {exc}")
        pytest.skip(f"no Docker sandbox on this machine: {exc}")
    yield
    from sandbox.docker_backend import grading_containers, pid_alive

    # Containers of other live drillkit processes (a parallel run on this machine) are theirs to remove.
    owners = [(c.get("Labels") or {}).get("org.drillkit.owner-pid") for c in grading_containers(client)]
    leftovers = [owner for owner in owners if owner == str(os.getpid()) or not pid_alive(owner)]
    assert not leftovers, f"drillkit containers left behind by processes {leftovers}"
