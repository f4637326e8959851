"""`drillkit grade --jobs 2` next to grading the same submissions one by one (`--jobs 1`).

Writes N submissions to the fixture bank's `sandbox-add` question into a temporary folder (right answers, wrong
ones, and ones that do not load), grades the folder both ways with a JSON report, checks that both reports give
every candidate the verdict its submission deserves, and prints both wall times and their ratio.
Run: python bench/grade_parallel.py [-n 30] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURE_BANK = REPO / "tests" / "fixtures" / "bank"

# (verdict the grader must give, source), cycled over the candidates.
KINDS: tuple[tuple[str, str], ...] = (
    ("pass", "def add(a, b):\n    return a + b\n"),
    ("fail", "def add(a, b):\n    return a - b\n"),
    ("pass", "def add(a, b):\n    return sum((a, b))\n"),
    ("fail", "def add(a, b):\n    return a + b if a >= 0 else 0\n"),
    ("error", "def add(a, b)\n    return a + b\n"),
)


def drillkit_command() -> list[str]:
    found = shutil.which("drillkit")
    return [found] if found else [sys.executable, "-m", "drillkit"]


def write_submissions(folder: Path, count: int) -> dict[str, str]:
    expected = {}
    for index in range(count):
        verdict, source = KINDS[index % len(KINDS)]
        name = f"candidate-{index + 1:02d}"
        (folder / f"{name}.py").write_text(source)
        expected[name] = verdict
    return expected


def grade(folder: Path, jobs: int, report: Path) -> float:
    command = [*drillkit_command(), "--bank", str(FIXTURE_BANK), "grade", "sandbox-add", str(folder),
               "--jobs", str(jobs), "--report", str(report)]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if finished.returncode not in (0, 1):
        sys.exit(f"drillkit grade --jobs {jobs} failed ({finished.returncode}): {finished.stderr.strip()}")
    return elapsed


def check_report(report: Path, expected: dict[str, str]) -> None:
    data = json.loads(report.read_text())
    got = {r["candidate"]: r["status"] for r in data["results"]}
    if got != expected:
        wrong = {name: (got.get(name), verdict) for name, verdict in expected.items() if got.get(name) != verdict}
        sys.exit(f"{report.name}: wrong verdicts (got, expected): {wrong}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", "--submissions", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drillkit-bench-") as tmp:
        work = Path(tmp)
        folder = work / "submissions"
        folder.mkdir()
        expected = write_submissions(folder, args.submissions)
        # Count the grader's tests once, so neither side pays for it.
        warm = work / "warm"
        warm.mkdir()
        (warm / "warm.py").write_text(KINDS[0][1])
        grade(warm, 1, work / "warm.json")

        serial = grade(folder, 1, work / "serial.json")
        parallel = grade(folder, args.jobs, work / "parallel.json")
        check_report(work / "serial.json", expected)
        check_report(work / "parallel.json", expected)
    tally = {v: list(expected.values()).count(v) for v in ("pass", "fail", "error")}
    print(f"{args.submissions} submissions to sandbox-add ({tally['pass']} pass, {tally['fail']} fail, "
          f"{tally['error']} error); both reports correct")
    print(f"  one by one (--jobs 1) : {serial:.2f}s")
    print(f"  parallel (--jobs {args.jobs})  : {parallel:.2f}s")
    print(f"  ratio                 : {serial / parallel:.2f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
