"""Hostile and broken submissions, each graded in a real container (mostly the fixture bank's tiny `sandbox-add`).

The in-process tricks in ``hostile/in_process/`` are each shown to work where tests and submission share a
process (plain pytest), and then shown to fail through drillkit's boundary.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURE_BANK, HOSTILE, REPO, Invoke

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

WALL_LIMIT = 8  # the fixture question's limits.wall_seconds
GRACE = 4  # container start, kill and removal on a loaded two-core machine
VERDICT_LIMIT = 12  # a submission that loops from the start gets its verdict within this
IN_PROCESS = HOSTILE / "in_process"
TRICKS = sorted(p.stem for p in IN_PROCESS.glob("*.py"))
LRU_GRADER = REPO / "graders" / "lru-cache" / "python"
ADD_GRADER = FIXTURE_BANK / "graders" / "sandbox-add" / "python"


def trick_question(name: str) -> tuple[str, Path, tuple[str, ...]]:
    """The question a trick attacks, its grader, and the bank options for `drillkit check`."""
    if name == "replace_pytest_raises":
        return "lru-cache", LRU_GRADER, ()
    return "sandbox-add", ADD_GRADER, ("--bank", str(FIXTURE_BANK))


def check(run: Invoke, name: str, question: str = "sandbox-add",
          bank: tuple[str, ...] = ("--bank", str(FIXTURE_BANK))) -> tuple[dict[str, Any], int, float]:
    started = time.monotonic()
    result = run(*bank, "check", question, str(HOSTILE / name), "--json")
    assert result.stdout.startswith("{"), f"no JSON on stdout; stderr: {result.stderr}"
    return json.loads(result.stdout), result.exit_code, time.monotonic() - started


@pytest.mark.parametrize("name", ["infinite_loop.py", "sleep_forever.py"])
def test_a_submission_that_never_finishes_times_out_within_the_limit(run: Invoke, name: str) -> None:
    data, code, elapsed = check(run, name)
    assert data["status"] == "timeout"
    assert code == 1
    assert elapsed < VERDICT_LIMIT, f"took {elapsed:.1f}s; the verdict is due within {VERDICT_LIMIT}s"
    if name == "sleep_forever.py":  # it hangs in every call, not at import: each test says which call hung
        assert all(t["status"] == "timeout" for t in data["tests"])
        assert "add did not return" in data["tests"][0]["message"]


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
    data, code, elapsed = check(run, name)
    assert data["status"] in {"fail", "error"}, data
    assert code == 1
    assert data["passed"] < data["total"] or data["status"] == "error"
    if name.endswith("_in_test.py"):  # the process ends mid-call: said at once, not after a time limit
        assert all("must not exit" in t["message"] for t in data["tests"]), data["tests"]
        assert elapsed < VERDICT_LIMIT


def test_a_forged_report_from_the_submission_is_never_read(run: Invoke) -> None:
    data, _, _ = check(run, "fake_report.py")
    assert data["status"] == "error"
    assert "does not load" in data["message"]


@pytest.mark.parametrize("name", TRICKS)
def test_in_process_tricks_never_pass_through_the_boundary(run: Invoke, name: str) -> None:
    question, _, bank = trick_question(name)
    data, code, _ = check(run, f"in_process/{name}.py", question, bank)
    assert data["status"] != "pass", data
    assert code == 1
    assert data["passed"] < data["total"]


def test_the_submission_cannot_read_the_grader(run: Invoke) -> None:
    data, _, _ = check(run, "in_process/read_the_grader.py")
    assert data["status"] == "fail"
    # It passes wherever it can read the tests (see test_tricks_in_process); here it found nothing anywhere.
    assert all("GRADER-NOT-FOUND" in t["output"] for t in data["tests"]), data["tests"]


def test_an_object_equal_to_everything_cannot_cross(run: Invoke) -> None:
    data, _, _ = check(run, "in_process/always_equal.py")
    assert data["status"] == "fail" and data["passed"] == 0


def test_abusing_the_protocol_socket_fails_those_tests_and_nothing_else(run: Invoke) -> None:
    data, code, elapsed = check(run, "protocol_abuse.py")
    assert code == 1 and data["status"] == "fail"
    assert [t["status"] for t in data["tests"]] == ["error", "error", "error"], data["tests"]
    messages = " | ".join(t["message"] for t in data["tests"])
    assert "not asked" in messages and "not JSON" in messages and "longer than" in messages, messages
    assert elapsed < VERDICT_LIMIT


def test_escape_sequences_from_a_submission_never_reach_the_terminal(run: Invoke) -> None:
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(HOSTILE / "escape_sequences.py"))
    shown = result.stdout + result.stderr
    assert result.exit_code == 1
    for raw in ("\x1b", "\x9b", "\x07", "\x08", "\r"):
        assert raw not in shown, f"{raw!r} reached the terminal"
    assert "\\x1b[2J" in shown and "\\x9b" in shown, shown
    assert "[bold red]markup[/]" in shown, "rich markup from a submission must be shown as text"


def test_one_endless_method_fails_only_the_tests_that_call_it(run: Invoke) -> None:
    data, code, elapsed = check(run, "loop_in_one_method_lru.py", "lru-cache", ())
    assert code == 1 and data["status"] == "fail"
    source = (LRU_GRADER / "test_lru_cache.py").read_text()
    uses_in = {name for name in (t["name"].split("[")[0] for t in data["tests"])
               if " in cache" in source.split(f"def {name}(")[1].split("\ndef ")[0]}
    for test in data["tests"]:
        expected = "timeout" if test["name"].split("[")[0] in uses_in else "pass"
        assert test["status"] == expected, (test["name"], test["status"], test["message"])
    hung = [t for t in data["tests"] if t["status"] == "timeout"]
    assert hung and "LRUCache.__contains__ did not return" in hung[0]["message"]
    assert elapsed < 20, f"took {elapsed:.1f}s"


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


def test_a_hidden_grader_shows_test_names_and_verdicts_only(run: Invoke, tmp_path: Path) -> None:
    submission = tmp_path / "solution.py"
    submission.write_text('def add(a, b):\n    print("inputs", a, b)\n    return a * b\n')
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add-hidden", str(submission), "--json")
    data = json.loads(result.stdout)
    assert data["status"] == "fail"
    assert [t["name"] for t in data["tests"]] == ["test_adds_small_numbers", "test_adds_negative_numbers",
                                                   "test_adds_zero"]
    assert all(t["message"] == "the test failed" and t["output"] == "" for t in data["tests"] if t["status"] != "pass")
    grader = (FIXTURE_BANK / "graders" / "sandbox-add-hidden" / "python" / "test_add.py").read_text()
    for line in grader.splitlines():
        if "expected" in line:
            expected_text = line.split('"')[1]
            assert expected_text not in result.stdout, f"the hidden grader's message leaked: {expected_text}"
    assert "inputs" not in result.stdout, "the tests' inputs must not come back through printed output"


def test_module_state_does_not_leak_from_one_test_into_the_next(run: Invoke, tmp_path: Path) -> None:
    data, code, _ = check(run, "module_state.py")
    assert (data["status"], code) == ("pass", 0), data["tests"]
    # The control: in one process the second and third tests see the first one's state and fail.
    shutil.copy(HOSTILE / "module_state.py", tmp_path / "solution.py")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(ADD_GRADER)],
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path)}, capture_output=True,
                          text=True, check=False)
    assert "2 failed, 1 passed" in done.stdout, done.stdout[-500:]


def test_a_submission_that_loops_everywhere_gets_its_verdict_within_twelve_seconds(run: Invoke, tmp_path: Path) -> None:
    submission = tmp_path / "loops.py"
    submission.write_text("class LRUCache:\n    def __init__(self, capacity):\n        while True:\n            pass\n")
    started = time.monotonic()
    result = run("check", "lru-cache", str(submission), "--json")
    elapsed = time.monotonic() - started
    data = json.loads(result.stdout)
    assert data["status"] == "timeout" and data["passed"] == 0
    assert any(t["message"].startswith("not run") for t in data["tests"]), "the hang budget must cut the run short"
    assert elapsed < VERDICT_LIMIT, f"took {elapsed:.1f}s"
