"""The warm runner behind `drillkit watch`: many runs in one container, none inheriting another's state.

Real containers, on the fixture bank's tiny `sandbox-add` question.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from drillkit.bank import load_bank
from drillkit.graders import limits_for
from sandbox.docker_backend import DockerBackend, grading_containers
from sandbox.warm import Superseded, WarmGrader
from tests.conftest import FIXTURE_BANK

pytestmark = [pytest.mark.docker, pytest.mark.usefixtures("docker_ready")]

RIGHT = b"def add(a, b):\n    return a + b\n"
WRONG = b"def add(a, b):\n    return a - b\n"


@pytest.fixture
def warm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WarmGrader]:
    bank = load_bank([FIXTURE_BANK])
    question = bank.get("sandbox-add")
    grader = WarmGrader(question=question.id, language="python", grader_dir=bank.grader_dir(question, "python"),
                        backend=DockerBackend(), limits=limits_for(question),
                        cache_dir=tmp_path_factory.mktemp("cache"))
    yield grader
    grader.close()
    assert not [c for c in grading_containers(grader.backend.client)
                if (c.get("Labels") or {}).get("org.drillkit.owner-pid") == str(__import__("os").getpid())]


def statuses(grader: WarmGrader, *sources: bytes) -> list[str]:
    return [grader.grade(source).status for source in sources]


def test_successive_versions_get_their_own_verdicts_in_one_container(warm: WarmGrader) -> None:
    assert statuses(warm, WRONG, RIGHT, RIGHT, WRONG, RIGHT) == ["fail", "pass", "pass", "fail", "pass"]
    assert len(grading_containers(warm.backend.client)) >= 1  # kept warm between runs


# The first version leaves a file in each scratch area and a process that would plant one later; the second
# passes only if it finds neither: every run starts with empty scratch areas and no process of an earlier one.
LEAVES_TRACES = b'''
import os, time
for folder in ("/tmp", "/dev/shm"):
    with open(os.path.join(folder, "left-behind"), "w") as sink:
        sink.write("x")
if os.fork() == 0:
    time.sleep(1.5)
    open("/tmp/planted-later", "w").close()
    os._exit(0)
def add(a, b):
    return a + b
'''
FINDS_NO_TRACES = b'''
import os, time
time.sleep(1.8)
TRACES = [p for p in ("/tmp/left-behind", "/dev/shm/left-behind", "/tmp/planted-later") if os.path.exists(p)]
def add(a, b):
    return a + b if not TRACES else 0
'''


def test_a_run_starts_with_clean_scratch_areas_and_no_process_of_the_run_before(warm: WarmGrader) -> None:
    assert statuses(warm, LEAVES_TRACES) == ["pass"]
    assert statuses(warm, FINDS_NO_TRACES) == ["pass"]
    # The control: within one run the traces are visible, so the check above could have failed.
    both = LEAVES_TRACES.replace(b"def add", b"def _unused") + FINDS_NO_TRACES
    assert statuses(warm, both) == ["fail"]


def test_module_state_of_one_run_is_gone_in_the_next(warm: WarmGrader) -> None:
    sets_a_global = b"import builtins\nbuiltins.LEFT_OVER = 1\ndef add(a, b):\n    return a + b\n"
    reads_it = b"import builtins\ndef add(a, b):\n    return 0 if hasattr(builtins, 'LEFT_OVER') else a + b\n"
    assert statuses(warm, sets_a_global, reads_it) == ["pass", "pass"]


def test_a_run_that_hangs_gets_its_verdict_and_the_next_run_still_works(warm: WarmGrader) -> None:
    loops = b"def add(a, b):\n    while True:\n        pass\n"
    assert statuses(warm, loops, RIGHT) == ["timeout", "pass"]


def test_an_abandoned_run_raises_superseded_and_the_next_one_starts_afresh(warm: WarmGrader) -> None:
    warm.warm_up()
    slow = b"import time\ntime.sleep(4)\ndef add(a, b):\n    return a + b\n"
    outcome: list[object] = []

    def grade_slowly() -> None:
        try:
            outcome.append(warm.grade(slow))
        except Superseded as exc:
            outcome.append(exc)

    worker = threading.Thread(target=grade_slowly)
    started = time.monotonic()
    worker.start()
    time.sleep(0.8)
    warm.abandon()
    worker.join(timeout=10)
    assert isinstance(outcome[0], Superseded) and time.monotonic() - started < 3.5
    assert statuses(warm, RIGHT) == ["pass"]
