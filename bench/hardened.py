"""The baseline side of the benches: a plain `docker run` with the hardening a grading container has."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from sandbox.limits import Limits


def hardened_run(image: str, limits: Limits, mounts: dict[Path, str], *, env: dict[str, str] | None = None,
                 build_tmpfs_mb: int = 0, user: str = "10001:10001", extra: tuple[str, ...] = ()) -> list[str]:
    """``docker run`` of ``image`` as the grading container is limited: no network, read-only root, a small
    /tmp, another user, no capabilities, the question's memory, pid and CPU limits; ``mounts`` read-only, and an
    executable /build tmpfs for compiled languages when ``build_tmpfs_mb`` is set."""
    command = [
        "docker", "run", "--rm", "--network", "none", "--read-only", "--tmpfs", f"/tmp:size={limits.tmpfs_mb}m",
        "--user", user, "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
        "--memory", f"{limits.memory_mb}m", "--memory-swap", f"{limits.memory_mb}m", "--pids-limit",
        str(limits.pids), "--cpus", str(limits.cpus), *extra,
    ]
    if build_tmpfs_mb:
        command += ["--tmpfs", f"/build:exec,size={build_tmpfs_mb}m,uid={user.split(':')[0]}"]
    for host, target in mounts.items():
        command += ["-v", f"{host}:{target}:ro"]
    for name, value in (env or {}).items():
        command += ["-e", f"{name}={value}"]
    return [*command, image]


def paired_medians(ours: list[str], baseline: list[str], runs: int,
                   before_each: Callable[[int], None] = lambda _: None) -> tuple[float, float]:
    """Median wall times of ``ours`` and ``baseline``, run alternately (so drift on the machine hits both sides
    alike); ``before_each(run)`` prepares every pair."""
    times: tuple[list[float], list[float]] = ([], [])
    for run in range(runs):
        before_each(run)
        for command, sink in zip((ours, baseline), times, strict=True):
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            sink.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])
