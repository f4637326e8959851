"""The baseline side of the benches: a plain `docker run` with the hardening a grading container has."""

from __future__ import annotations

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
