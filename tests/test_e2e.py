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


class Terminal:
    """The installed command on a real pseudo-terminal, read as a person watching the screen would see it."""

    def __init__(self, *args: str, cwd: Path, env: dict[str, str]) -> None:
        import pty

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: become the command
            os.chdir(cwd)
            os.execve(drillkit(), [drillkit(), *args], env)
        self.screen = ""

    def wait_for(self, text: str, timeout: float = 60.0, after: int = 0) -> int:
        """Read until ``text`` appears after position ``after``; returns where it ends."""
        import select
        import time

        deadline = time.monotonic() + timeout
        while (found := self.screen.find(text, after)) < 0:
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{text!r} did not appear within {timeout} s; the screen showed:\n{self.screen[-3000:]}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    pytest.fail(f"the command ended before {text!r} appeared:\n{self.screen[-3000:]}")
                self.screen += chunk.decode("utf-8", "replace")
        return found + len(text)

    def interrupt(self) -> int:
        """Ctrl-C typed at the terminal; the exit code."""
        import time

        os.write(self.fd, b"\x03")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                os.read(self.fd, 65536)
            except OSError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, 9)
        pytest.fail("the watcher did not stop on Ctrl-C within 30 s")


def test_watch_on_a_terminal_regrades_an_atomic_save_and_stops_on_ctrl_c_leaving_no_container(
        docker_ready: None, tmp_path: Path) -> None:
    from sandbox.docker_backend import connect, grading_containers

    grader = FIXTURE_BANK / "graders" / "sandbox-add" / "python"
    answer = tmp_path / "answer.py"
    answer.write_bytes((grader / "starter.py").read_bytes())
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "120", "DRILLKIT_HOME": str(tmp_path / "home")}
    terminal = Terminal("--bank", str(FIXTURE_BANK), "watch", "sandbox-add", str(answer), cwd=tmp_path, env=env)
    seen = terminal.wait_for("FAIL", timeout=120)
    terminal.wait_for("tests passed", after=seen)

    # An editor's atomic save: a new file renamed over the old one.
    fresh = tmp_path / ".answer.py.swp"
    fresh.write_bytes((grader / "reference.py").read_bytes())
    os.replace(fresh, answer)
    seen = terminal.wait_for("PASS", after=seen)
    terminal.wait_for("tests passed", after=seen)

    assert terminal.interrupt() in (0, 130)
    assert "Traceback" not in terminal.screen
    mine = [c for c in grading_containers(connect()) if (c.get("Labels") or {}).get("org.drillkit.owner-pid")
            == str(terminal.pid)]
    assert mine == []
    # Each grading was recorded, as `check` records it.
    history = subprocess.run([drillkit(), "progress", "export"], capture_output=True, text=True, check=True,
                             env=env)
    verdicts = [a["verdict"] for a in json.loads(history.stdout)["attempts"]]
    assert verdicts == ["fail", "pass"]
