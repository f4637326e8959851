"""A warm runner for repeated gradings of one candidate's answer to one question (``drillkit watch``).

One hardened container serves many runs: the harness keeps its test process warm (pytest imported, the grader
written) and, for each run, forks a fresh test process, starts a fresh solution process and empties the scratch
area. The sandbox rules are those of a cold grading; only the start-up is shared. A run that hits the wall-clock
limit, a container that dies, or a run abandoned for a newer one costs the container: the next run starts a new
one.
"""

from __future__ import annotations

import base64
import json
import secrets
import socket
import struct
import threading
import time
from pathlib import Path
from typing import Any

from sandbox.backend import Job
from sandbox.docker_backend import REPORT_READ_CAP, DockerBackend, remove_container, short_error
from sandbox.errors import SandboxError
from sandbox.grading import SUBMISSION_NAME, ExpectedTests, job_payload, solution_files
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.result import REPORT_PREFIX, GradeResult, RawRun, verdict

_STDOUT = 1


class Superseded(Exception):
    """The run was abandoned because a newer one was asked for."""


class _Container:
    """One warm container and the attached socket that carries jobs in and reports out."""

    def __init__(self, backend: DockerBackend, job: Job) -> None:
        import docker.errors

        self.backend = backend
        try:
            self.container = backend._create(job, backend.runner_id(job.language))
        except docker.errors.APIError as exc:
            raise SandboxError(f"cannot create the grading container: {short_error(exc)}") from None
        try:
            attached = backend.client.api.attach_socket(self.container.id,
                                                        params={"stdin": 1, "stdout": 1, "stream": 1})
            self.sock: socket.socket = getattr(attached, "_sock", attached)
            self.container.start()
            self.sock.sendall(job.payload)
        except (docker.errors.APIError, OSError) as exc:
            self.remove()
            raise SandboxError(f"cannot start the grading container: {short_error(exc)}") from None
        self.pending = b""  # stdout bytes after the last complete line

    def send(self, frame: bytes) -> None:
        self.sock.sendall(frame)

    def _read_frame(self, deadline: float) -> bytes:
        """The next chunk of the container's stdout (the attach stream is multiplexed: 8-byte headers)."""
        header = self._read_exactly(8, deadline)
        stream, size = header[0], struct.unpack(">I", header[4:])[0]
        payload = self._read_exactly(size, deadline)
        return payload if stream == _STDOUT else b""

    def _read_exactly(self, count: int, deadline: float) -> bytes:
        data = bytearray()
        while len(data) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            self.sock.settimeout(left)
            chunk = self.sock.recv(min(count - len(data), 1 << 16))
            if not chunk:
                raise EOFError
            data += chunk
        return bytes(data)

    def report(self, nonce: str, seq: int, deadline: float) -> tuple[str, bool]:
        """The report line of run ``seq`` (older runs' reports are skipped); (line, False), or ("", True) when the
        container ended first. TimeoutError past the deadline."""
        marker = f"{REPORT_PREFIX} {nonce} "
        read = 0
        while True:
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                text = line.decode("utf-8", "replace")
                if text.startswith(marker):
                    try:
                        if json.loads(text[len(marker):]).get("seq") == seq:
                            return text, False
                    except (ValueError, AttributeError):
                        return text, False  # judged malformed by the verdict
            try:
                chunk = self._read_frame(deadline)
            except EOFError:
                return "", True
            read += len(chunk)
            if read > REPORT_READ_CAP:
                return "", True
            self.pending += chunk

    def state(self) -> tuple[int | None, bool]:
        try:
            self.container.reload()
            state = self.container.attrs.get("State", {})
            return state.get("ExitCode"), bool(state.get("OOMKilled"))
        except Exception:  # the container may be gone already; the run is an error either way
            return None, False

    def remove(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes a grade() waiting on this socket in another thread
        except (OSError, AttributeError):
            pass
        try:
            self.sock.close()
        except (OSError, AttributeError):
            pass
        remove_container(self.backend.client, self.container.id)


class WarmGrader:
    """Grades successive versions of one submission, keeping the runner warm between them.

    ``grade`` may be called from a worker thread while another thread calls ``abandon`` (a newer save arrived):
    the run in progress then raises :class:`Superseded` and its container is replaced.
    """

    def __init__(self, *, question: str, language: str, grader_dir: Path, backend: DockerBackend,
                 limits: Limits = DEFAULT_LIMITS, cache_dir: Path | None = None, hidden: bool = False,
                 language_dir: Path | None = None) -> None:
        if language not in SUBMISSION_NAME:
            raise SandboxError(f"no runner for language '{language}'")
        self.question, self.language, self.grader_dir = question, language, grader_dir
        self.language_dir = language_dir
        self.backend, self.limits, self.hidden = backend, limits, hidden
        self.expected = ExpectedTests(cache_dir).get(backend, grader_dir, language, limits)
        self._container: _Container | None = None
        self._nonce = ""
        self._seq = 0
        self._lock = threading.Lock()
        self._abandoned = False

    def warm_up(self) -> None:
        """Start the container now, so the first grading does not wait for it."""
        with self._lock:
            self._ensure()

    def _ensure(self) -> _Container:
        if self._container is None:
            self._nonce = secrets.token_hex(16)
            payload = job_payload(self.grader_dir, self.language, None, self.limits, self._nonce, "serve",
                                  self.hidden)
            self._container = _Container(self.backend, Job(self.language, payload, self.limits, mode="run"))
        return self._container

    def _drop(self) -> None:
        container, self._container = self._container, None
        if container is not None:
            container.remove()

    def grade(self, source: bytes) -> GradeResult:
        with self._lock:
            self._abandoned = False
            container = self._ensure()
            self._seq += 1
            seq, nonce = self._seq, self._nonce
            files = solution_files(self.language, source, self.language_dir)
            body = json.dumps({"seq": seq, "submission": {
                name: base64.b64encode(data).decode("ascii") for name, data in files.items()}}).encode()
            started = time.monotonic()
            try:
                container.send(f"{len(body)}\n".encode() + body)
            except OSError:
                self._drop()  # it died between runs: this run starts a new one
                container = self._ensure()
                container.send(f"{len(body)}\n".encode() + body)
        timed_out = ended = False
        line = ""
        try:
            line, ended = container.report(nonce, seq, started + self.limits.wall_seconds)
        except TimeoutError:
            timed_out = True
        except OSError:
            ended = True
        with self._lock:
            abandoned = self._abandoned
            exit_code, oom = (None, False)
            if timed_out or ended or abandoned:
                if ended and not abandoned:
                    exit_code, oom = container.state()
                if self._container is container:
                    self._drop()
        if abandoned:
            raise Superseded
        raw = RawRun(stdout=line, exit_code=0 if line else exit_code, timed_out=timed_out, oom_killed=oom,
                     duration_s=time.monotonic() - started)
        return verdict(self.question, self.language, raw, nonce, self.expected)

    def abandon(self) -> None:
        """Stop the run in progress, if any (its ``grade`` raises Superseded); the next run starts afresh."""
        with self._lock:
            self._abandoned = True
            container, self._container = self._container, None
        if container is not None:
            container.remove()  # closing its socket wakes the waiting grade()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> WarmGrader:
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()
