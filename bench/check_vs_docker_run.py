"""drillkit's end-to-end `check` time next to a plain `docker run` of the same tests in the same image.

Both sides use the same runner image and the same limits; the baseline runs pytest directly (no harness, no
report, no staging), so the ratio is drillkit's overhead. Run: python bench/check_vs_docker_run.py [ID] [-n N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hardened import hardened_run, paired_medians  # bench/hardened.py: this script's folder is on sys.path

from drillkit.bank import load_bank
from drillkit.graders import limits_for
from sandbox.image import runner_tag


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("question", nargs="?", default="lru-cache")
    parser.add_argument("-n", "--runs", type=int, default=5)
    args = parser.parse_args()
    bank = load_bank()
    question = bank.get(args.question)
    grader = bank.grader_dir(question, "python")
    reference = grader / "reference.py"
    limits = limits_for(question)
    drillkit = shutil.which("drillkit") or sys.exit("drillkit is not on PATH")
    subprocess.run([drillkit, "check", question.id, str(reference), "--json"], capture_output=True, check=True)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "grader").mkdir()
        (work / "submission").mkdir()
        for test in grader.glob("test_*.py"):
            shutil.copy(test, work / "grader")
        shutil.copy(reference, work / "submission" / "solution.py")
        work.chmod(0o755)
        baseline = [
            *hardened_run(runner_tag("python"), limits, {work / "grader": "/grader", work / "submission": "/submission"},
                          env={"PYTHONPATH": "/submission:/opt/drillkit/testside:/opt/drillkit",
                               "PYTHONDONTWRITEBYTECODE": "1"}, extra=("--entrypoint", "python3")),
            "-m", "pytest", "-q", "-p", "no:cacheprovider", "/grader",
        ]
        ours = [drillkit, "check", question.id, str(reference), "--json"]
        ours_median, base_median = paired_medians(ours, baseline, args.runs)
    print(f"question {question.id}, {args.runs} runs each, median wall time")
    print(f"  drillkit check : {ours_median:.2f}s")
    print(f"  docker run     : {base_median:.2f}s")
    print(f"  ratio          : {ours_median / base_median:.2f}x")
    print("where drillkit's time goes (one run, in this process):")
    for name, seconds in breakdown(question.id, reference.read_bytes()):
        print(f"  {name:<46}: {seconds:.2f}s")
    return 0


def breakdown(question_id: str, source: bytes) -> list[tuple[str, float]]:
    """The phases of one `check`: the command's imports, the bank, the daemon, the container, and inside it the
    harness's own timeline (from the report's timings)."""
    import json
    import secrets

    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import cli.main, drillkit.graders, sandbox.docker_backend, docker"],
                   check=True)
    imports = time.perf_counter() - started
    started = time.perf_counter()
    bank = load_bank()
    loaded = time.perf_counter() - started
    from sandbox.backend import Job
    from sandbox.docker_backend import DockerBackend
    from sandbox.grading import job_payload

    started = time.perf_counter()
    backend = DockerBackend()
    backend.runner_id("python")
    connected = time.perf_counter() - started
    question = bank.get(question_id)
    limits = limits_for(question)
    nonce = secrets.token_hex(8)
    payload = job_payload(bank.grader_dir(question, "python"), "python", source, limits, nonce, "run")
    started = time.perf_counter()
    raw = backend.run(Job("python", payload, limits))
    ran = time.perf_counter() - started
    line = next(line for line in raw.stdout.splitlines() if line.startswith(f"DRILLKIT-REPORT {nonce} "))
    report = json.loads(line.split(" ", 2)[2])
    timings = report.get("timings", {})
    first_test = float(timings.get("first_test", 0))
    done = float(timings.get("done", 0))
    tests = sorted((e for e in report.get("run", {}).get("events", []) if e.get("event") == "test"),
                   key=lambda e: -float(e.get("seconds", 0)))
    slowest = [(f"    {e['nodeid'].split('::')[-1][:42]}", float(e.get("seconds", 0))) for e in tests[:3]]
    return [("interpreter start and imports", imports), ("loading the bank", loaded),
            ("connecting to the daemon, checking the image", connected),
            ("the container, start to removal", ran),
            ("  harness start to the first test", first_test),
            ("  the tests", done - first_test),
            *slowest,
            ("  container start, stop and removal", ran - done)]


if __name__ == "__main__":
    raise SystemExit(main())
