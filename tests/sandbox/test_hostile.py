"""Hostile and broken submissions, each graded in a real container (the fixture bank's tiny `sandbox-add`)."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURE_BANK, HOSTILE, Invoke

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

WALL_LIMIT = 8  # the fixture question's limits.wall_seconds
GRACE = 4  # container start, kill and removal on a loaded two-core machine


def check(run: Invoke, name: str) -> tuple[dict[str, Any], int, float]:
    started = time.monotonic()
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(HOSTILE / name), "--json")
    assert result.stdout.startswith("{"), f"no JSON on stdout; stderr: {result.stderr}"
    return json.loads(result.stdout), result.exit_code, time.monotonic() - started


@pytest.mark.parametrize("name", ["infinite_loop.py", "sleep_forever.py"])
def test_a_submission_that_never_finishes_times_out_within_the_limit(run: Invoke, name: str) -> None:
    data, code, elapsed = check(run, name)
    assert data["status"] == "timeout"
    assert code == 1
    assert elapsed < WALL_LIMIT + GRACE, f"took {elapsed:.1f}s for a {WALL_LIMIT}s limit"


def test_a_memory_bomb_hits_the_memory_limit(run: Invoke) -> None:
    data, code, _ = check(run, "memory_bomb.py")
    assert data["status"] == "memory"
    assert code == 1


def test_a_fork_bomb_is_contained_and_the_host_stays_responsive(run: Invoke) -> None:
    import threading

    probes: list[float] = []

    def probe() -> None:
        for _ in range(3):
            time.sleep(1.5)
            started = time.monotonic()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            probes.append(time.monotonic() - started)

    prober = threading.Thread(target=probe)
    prober.start()
    data, _, elapsed = check(run, "fork_bomb.py")
    prober.join()
    assert data["status"] in {"timeout", "error"}, data
    assert data["status"] != "pass"
    assert elapsed < WALL_LIMIT + GRACE
    assert probes and max(probes) < 3.0, f"host process start took {probes}"


def test_printing_hundreds_of_megabytes_is_cut_and_drillkit_stays_small(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "cli.main_entry", "--bank", str(FIXTURE_BANK), "check", "sandbox-add",
               str(HOSTILE / "print_flood.py"), "--json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(command, capture_output=True, text=True, check=False, env={**os.environ, "NO_COLOR": "1"})
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    data = json.loads(done.stdout)
    assert data["status"] == "pass"
    for test in data["tests"]:
        assert len(test["output"]) < 1200, "captured output must be cut to about 1 KB"
    assert "truncated" in data["tests"][0]["output"]
    assert max(peak_kb, before) < 250_000, f"drillkit peaked at {peak_kb} KB"


def test_filling_the_disk_stops_at_the_tmpfs_cap_and_nothing_else_is_writable(run: Invoke) -> None:
    data, _, _ = check(run, "disk_fill.py")
    written = int(re.search(r"WRITTEN=(\d+)", data["tests"][0]["output"]).group(1))  # type: ignore[union-attr]
    assert 0 < written <= 16 * 1024 * 1024, f"wrote {written} bytes into a 16 MB tmpfs (or outside it)"


def test_the_network_is_unreachable(run: Invoke) -> None:
    data, code, _ = check(run, "network.py")
    assert data["status"] == "pass", "the submission answers wrongly only when it reaches the network"
    assert code == 0


@pytest.mark.parametrize(("name", "needle"), [
    ("syntax_error.py", "SyntaxError"),
    ("missing_name.py", "cannot import name 'add'"),
    ("import_exception.py", "boom at import"),
])
def test_a_submission_that_does_not_load_is_an_error_with_the_reason(run: Invoke, name: str, needle: str) -> None:
    data, code, _ = check(run, name)
    assert data["status"] == "error"
    assert needle in data["message"]
    assert code == 1


@pytest.mark.parametrize("name", [
    "os_exit_at_import.py", "sys_exit_at_import.py", "os_exit_in_test.py", "sys_exit_in_test.py",
    "fake_passed_line.py", "fake_report.py", "drop_config.py", "kill_parent.py",
])
def test_tricks_that_fake_success_are_never_a_pass(run: Invoke, name: str) -> None:
    data, code, _ = check(run, name)
    assert data["status"] in {"fail", "error"}, data
    assert code == 1
    assert data["passed"] < data["total"] or data["status"] == "error"


def test_a_forged_report_is_reported_as_tampering(run: Invoke) -> None:
    data, _, _ = check(run, "fake_report.py")
    assert data["status"] == "error"
    assert "interfered" in data["message"]


def test_ctrl_c_during_a_grading_removes_the_container(tmp_path: Path) -> None:
    import docker

    command = [sys.executable, "-m", "cli.main_entry", "--bank", str(FIXTURE_BANK), "check", "sandbox-add",
               str(HOSTILE / "infinite_loop.py")]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    client = docker.from_env()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        running = client.api.containers(filters={"label": f"org.drillkit.owner-pid={child.pid}"})
        if running:
            break
        time.sleep(0.2)
    assert running, "the grading container never started"
    child.send_signal(signal.SIGINT)
    code = child.wait(timeout=15)
    assert code == 130
    left = client.api.containers(all=True, filters={"label": f"org.drillkit.owner-pid={child.pid}"})
    assert left == [], "the container must be gone after Ctrl-C"
