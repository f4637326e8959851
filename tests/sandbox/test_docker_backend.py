"""The Docker backend's own behaviour around a real grading container."""

from __future__ import annotations

import threading
import time

import pytest

from sandbox import grade
from sandbox.docker_backend import DockerBackend
from tests.conftest import FIXTURE_BANK

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]
ADD = FIXTURE_BANK / "graders" / "sandbox-add" / "python"
SOLUTION = b"def add(a, b):\n    return a + b\n"


def test_the_callers_work_runs_once_in_another_thread_while_the_first_container_runs() -> None:
    calls: list[tuple[str, float]] = []

    def prepare() -> None:
        calls.append((threading.current_thread().name, time.monotonic()))

    backend = DockerBackend(while_waiting=prepare)
    started = time.monotonic()
    first = grade(question="sandbox-add", language="python", grader_dir=ADD, source=SOLUTION, backend=backend)
    finished = time.monotonic()
    second = grade(question="sandbox-add", language="python", grader_dir=ADD, source=SOLUTION, backend=backend)
    assert (first.status, second.status) == ("pass", "pass")
    assert len(calls) == 1, f"expected the work to run once for the backend, it ran {len(calls)} times"
    name, when = calls[0]
    assert name != threading.main_thread().name and started < when < finished


def test_a_failure_in_the_callers_work_does_not_touch_the_grading() -> None:
    def broken() -> None:
        raise ImportError("no such module")

    result = grade(question="sandbox-add", language="python", grader_dir=ADD, source=SOLUTION,
                   backend=DockerBackend(while_waiting=broken))
    assert result.status == "pass"
