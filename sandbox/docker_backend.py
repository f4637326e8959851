"""The Docker backend: one hardened, labelled, always-removed container per job."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

from sandbox.backend import Job
from sandbox.errors import SandboxError, SandboxUnavailable
from sandbox.image import LABEL, require_runner
from sandbox.languages import LANGUAGES
from sandbox.result import RawRun

TEST_UID = 10001
SOLUTION_UID = 10002
BUILD_TMPFS_MB = 256
GRADING_TMPFS_MB = 16
REPORT_READ_CAP = 16 * 1024 * 1024
DAEMON_FIX = "start the Docker daemon (sudo systemctl start docker, or sudo dockerd &) and check `docker info`"


def connect(timeout: float = 10.0) -> Any:
    """A docker client that has answered a ping, or SandboxUnavailable naming the fix."""
    try:
        import docker
        import docker.errors
    except ImportError as exc:  # pragma: no cover - docker is a hard dependency
        raise SandboxUnavailable("the docker Python package is missing", fix="pip install docker") from exc
    try:
        client = docker.from_env(timeout=int(timeout))
        client.ping()
    except docker.errors.DockerException as exc:
        raise SandboxUnavailable(f"cannot reach the Docker daemon: {short_error(exc)}", fix=DAEMON_FIX) from None
    except OSError as exc:
        raise SandboxUnavailable(f"cannot reach the Docker daemon: {exc}", fix=DAEMON_FIX) from None
    return client


def short_error(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) < 160 else text[:157] + "..."


def tmpfs_mounts(job: Job) -> dict[str, str]:
    limits = job.limits
    mounts = {
        "/tmp": f"rw,nosuid,nodev,noexec,size={limits.tmpfs_mb}m,mode=1777",
        # The test process's private area: the only copy of the grader in the container lives here.
        "/grading": f"rw,nosuid,nodev,noexec,size={GRADING_TMPFS_MB}m,mode=0700,uid={TEST_UID},gid={TEST_UID}",
    }
    if LANGUAGES[job.language].compiled:
        # Where the submission is compiled and run from: the solution user's, and the one place it may execute a
        # file it wrote (it runs native code anyway). Its pages count against the container's memory limit.
        mounts["/build"] = (f"rw,nosuid,nodev,exec,size={BUILD_TMPFS_MB}m,mode=0700,"
                            f"uid={SOLUTION_UID},gid={SOLUTION_UID}")
    return mounts


def owner_labels() -> dict[str, str]:
    return {LABEL: "grading", "org.drillkit.owner-pid": str(os.getpid()), "org.drillkit.owner-host": socket.gethostname()}


class DockerBackend:
    name = "docker"

    def __init__(self, client: Any | None = None, *, runtime: str | None = None,
                 while_waiting: Callable[[], None] | None = None) -> None:
        self.client = client if client is not None else connect()
        self.runtime = runtime
        self._while_waiting = while_waiting
        self._runners: dict[str, str] = {}
        # Containers of runs that were killed outright (kill -9, a crash) are cleared on the next start.
        prune(self.client)
        if runtime is not None:
            runtimes = self.client.info().get("Runtimes", {}) or {}
            if runtime not in runtimes:
                known = ", ".join(sorted(runtimes)) or "none"
                raise SandboxUnavailable(f"the Docker daemon has no runtime '{runtime}' (it has: {known})",
                                         fix=f"install and register {runtime} with the daemon, or drop --runtime")

    def runner_id(self, language: str) -> str:
        # Checked once per backend: the tag hashes the image folder and asks the daemon, and every grading
        # (twice: counting the tests, then running them) needs it.
        if language not in self._runners:
            self._runners[language] = str(require_runner(self.client, language))
        return self._runners[language]

    def _create(self, job: Job, image: str) -> Any:
        from docker.types import LogConfig, Ulimit

        limits = job.limits
        return self.client.containers.create(
            image,
            # The harness starts as root holding only the two capabilities it needs to run the test process and
            # the solution processes as two other users; everything else is dropped, and nothing can regain it.
            user="0:0",
            cap_drop=["ALL"],
            cap_add=["SETUID", "SETGID"],
            security_opt=["no-new-privileges:true"],
            network_disabled=True,
            network_mode="none",
            read_only=True,
            tmpfs=tmpfs_mounts(job),
            mem_limit=f"{limits.memory_mb}m",
            memswap_limit=f"{limits.memory_mb}m",
            pids_limit=limits.pids,
            nano_cpus=int(limits.cpus * 1e9),
            shm_size="8m",
            ulimits=[Ulimit(name="nofile", soft=256, hard=256), Ulimit(name="core", soft=0, hard=0)],
            stdin_open=True,  # with no tty this also sets StdinOnce: stdin closes when the job is written
            labels=owner_labels(),
            log_config=LogConfig(type="json-file", config={"max-size": "20m", "max-file": "1"}),
            hostname="sandbox",
            runtime=self.runtime,
            detach=True,
        )

    def run(self, job: Job) -> RawRun:
        import docker.errors
        import requests.exceptions

        image = self.runner_id(job.language)
        helper: threading.Thread | None = None
        try:
            container = self._create(job, image)
        except docker.errors.APIError as exc:
            raise SandboxError(f"cannot create the grading container: {short_error(exc)}") from None
        try:
            started = time.monotonic()
            stdin = self.client.api.attach_socket(container.id, params={"stdin": 1, "stream": 1})
            container.start()
            _send_job(stdin, job.payload)
            if self._while_waiting is not None:
                # The host only waits from here on: the caller's own work overlaps the container's instead of
                # following it. Once per backend; the thread is joined before the result is returned.
                helper = threading.Thread(target=_quietly, args=(self._while_waiting,), daemon=True)
                self._while_waiting = None
                helper.start()
            timed_out = False
            exit_code: int | None = None
            try:
                status = container.wait(timeout=job.limits.wall_seconds)
                exit_code = int(status.get("StatusCode", -1))
            except (requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError):
                timed_out = True
                _kill(container)
            duration = time.monotonic() - started
            container.reload()
            oom_killed = bool(container.attrs.get("State", {}).get("OOMKilled"))
            stdout = "" if timed_out else _read_capped(container)
            if helper is not None:
                helper.join()
            return RawRun(stdout=stdout, exit_code=exit_code, timed_out=timed_out, oom_killed=oom_killed,
                          duration_s=duration)
        except docker.errors.APIError as exc:
            # Someone removed the container under us (a `sandbox prune --all`, a daemon restart): no verdict.
            raise SandboxError(f"the grading container went away before its report was read: {short_error(exc)}") from None
        finally:
            remove_container(self.client, container.id)


def _quietly(work: Callable[[], None]) -> None:
    # Preparation only: whatever failed here fails again, and is reported, where the caller needs it.
    try:
        work()
    except Exception:
        pass


def _send_job(stdin: Any, payload: bytes) -> None:
    """Write the job to the harness's stdin and close it; a harness that died early simply never reads it."""
    raw = getattr(stdin, "_sock", stdin)
    try:
        raw.sendall(payload)
        raw.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    finally:
        try:
            stdin.close()
        except OSError:
            pass


def _read_capped(container: Any) -> str:
    chunks: list[bytes] = []
    size = 0
    for chunk in container.logs(stdout=True, stderr=False, stream=True):
        chunks.append(chunk[: REPORT_READ_CAP - size])
        size += len(chunk)
        if size >= REPORT_READ_CAP:
            break
    return b"".join(chunks).decode("utf-8", "replace")


def _kill(container: Any) -> None:
    import docker.errors

    try:
        container.kill()
    except docker.errors.APIError:
        pass  # it may have exited on its own in the meantime


def prune(client: Any, *, everything: bool = False) -> list[str]:
    """Remove drillkit's leftover containers: those whose owner process is gone.

    With ``everything`` the gradings of live processes go too (the ``sandbox prune --all`` case).
    """
    removed = []
    host = socket.gethostname()
    for summary in grading_containers(client):
        labels = summary.get("Labels") or {}
        owner_alive = labels.get("org.drillkit.owner-host") == host and pid_alive(labels.get("org.drillkit.owner-pid"))
        if owner_alive and not everything:
            continue  # its owner is still grading with it, or about to read its report
        remove_container(client, summary["Id"])
        removed.append(summary["Id"][:12])
    return removed


def grading_containers(client: Any) -> list[dict[str, Any]]:
    """Summaries of drillkit's grading containers, from one API call.

    The high-level ``containers.list`` inspects each container in turn and fails when another process removes one
    in between; the summaries carry the labels already.
    """
    return list(client.api.containers(all=True, filters={"label": f"{LABEL}=grading"}))


def remove_container(client: Any, container_id: str) -> None:
    import docker.errors
    import requests.exceptions

    for _ in range(3):
        try:
            client.api.remove_container(container_id, force=True)
            return
        except docker.errors.NotFound:
            return  # gone already: someone else cleaned it up
        except (docker.errors.APIError, requests.exceptions.RequestException):
            # "removal in progress", or a daemon too busy to answer in time: try again; what is still left is
            # removed by the next start's prune (it carries our labels).
            time.sleep(0.2)


def pid_alive(raw: str | None) -> bool:
    try:
        pid = int(raw or "")
    except ValueError:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
