"""`drillkit watch`: time from a save to its verdict, next to a cold `drillkit check` of the same file.

The save is atomic, as editors do it (write a new file, rename it over the old one), and alternates between the
exercise's reference and its starter, so every save changes the verdict and the watcher cannot skip it. The clock
runs from the rename to the verdict reaching the watcher's callback. Run:
python bench/watch_save_to_verdict.py [ID ...] [-n SAVES]
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from drillkit.bank import load_bank
from drillkit.practice.watch import WatchEvent, watch_submission


def save_atomically(target: Path, content: bytes) -> None:
    fresh = target.with_name(f".{target.name}.saving")
    fresh.write_bytes(content)
    os.replace(fresh, target)


def watch_times(question_id: str, reference: bytes, starter: bytes, saves: int) -> list[float]:
    bank = load_bank()
    results: queue.Queue[WatchEvent] = queue.Queue()
    stop = threading.Event()
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "solution.py"
        file.write_bytes(starter)

        def on_event(event: WatchEvent) -> None:
            if event.kind != "grading":
                results.put(event)

        watcher = threading.Thread(target=watch_submission, args=(bank, question_id, file, "python"),
                                   kwargs={"on_event": on_event, "now": lambda: datetime.now(UTC), "stop": stop})
        watcher.start()
        results.get(timeout=120)  # the first grading, which also starts the warm runner
        times = []
        for index in range(saves):
            content = reference if index % 2 == 0 else starter
            started = time.perf_counter()
            save_atomically(file, content)
            event = results.get(timeout=60)
            times.append(time.perf_counter() - started)
            expected = "pass" if content is reference else "fail"
            if event.result is None or event.result.status != expected:
                sys.exit(f"{question_id}: save {index} gave {event.result and event.result.status}, not {expected}")
            time.sleep(0.2)  # a person does not save twice within a verdict
        stop.set()
        watcher.join(timeout=30)
    return times


def check_times(question_id: str, reference: Path, runs: int) -> list[float]:
    drillkit = shutil.which("drillkit") or sys.exit("drillkit is not on PATH")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([drillkit, "check", question_id, str(reference), "--json"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="*", default=["vector-clock", "range-assignor", "lru-cache"])
    parser.add_argument("-n", "--saves", type=int, default=10)
    args = parser.parse_args()
    bank = load_bank()
    print(f"{'question':<16} {'save to verdict (median)':>26} {'cold check (median)':>22} {'ratio':>7}")
    for question_id in args.questions:
        grader = bank.grader_dir(bank.get(question_id), "python")
        reference, starter = grader / "reference.py", grader / "starter.py"
        warm = watch_times(question_id, reference.read_bytes(), starter.read_bytes(), args.saves)
        cold = check_times(question_id, reference, max(3, args.saves // 3))
        w, c = statistics.median(warm), statistics.median(cold)
        print(f"{question_id:<16} {w:>20.3f} s ({min(warm):.2f}-{max(warm):.2f}) {c:>14.3f} s {c / w:>6.1f}x",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
