"""drillkit's end-to-end `check` time next to a plain `docker run` of the same tests in the same image.

Both sides use the same runner image and the same limits; the baseline runs pytest directly (no harness, no
report, no staging), so the ratio is drillkit's overhead. Run: python bench/check_vs_docker_run.py [ID] [-n N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
            "docker", "run", "--rm", "--network", "none", "--read-only", "--tmpfs", f"/tmp:size={limits.tmpfs_mb}m",
            "--user", "10001:10001", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--memory", f"{limits.memory_mb}m", "--memory-swap", f"{limits.memory_mb}m", "--pids-limit",
            str(limits.pids), "--cpus", str(limits.cpus), "-v", f"{work}/grader:/grader:ro",
            "-v", f"{work}/submission:/submission:ro", "-e",
            "PYTHONPATH=/submission:/opt/drillkit/testside:/opt/drillkit", "-e",
            "PYTHONDONTWRITEBYTECODE=1", "--entrypoint", "python3", runner_tag("python"),
            "-m", "pytest", "-q", "-p", "no:cacheprovider", "/grader",
        ]
        ours = [drillkit, "check", question.id, str(reference), "--json"]
        times: dict[str, list[float]] = {"drillkit check": [], "docker run": []}
        for _ in range(args.runs):  # interleaved, so drift on the machine hits both sides alike
            for name, command in (("drillkit check", ours), ("docker run", baseline)):
                started = time.perf_counter()
                subprocess.run(command, capture_output=True, check=True)
                times[name].append(time.perf_counter() - started)
    ours_median = statistics.median(times["drillkit check"])
    base_median = statistics.median(times["docker run"])
    print(f"question {question.id}, {args.runs} runs each, median wall time")
    print(f"  drillkit check : {ours_median:.2f}s")
    print(f"  docker run     : {base_median:.2f}s")
    print(f"  ratio          : {ours_median / base_median:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
