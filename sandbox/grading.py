"""Grading one submission: build the harness's job, count the grader's tests once, run, and judge the report."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from pathlib import Path

from sandbox.backend import Backend, Job, Mode
from sandbox.errors import SandboxError
from sandbox.languages import LANGUAGES, PRIVATE_FILE_STEMS, TESTS_LANGUAGE
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.result import GradeResult, collected_ids, find_report, verdict

# Files of a grader folder that never reach the container: the candidate must not import the answer.
PRIVATE_GRADER_FILES = PRIVATE_FILE_STEMS
SUBMISSION_NAME = {name: lang.submission for name, lang in LANGUAGES.items()}
# After a call has hung once, later calls of the same function or method get this long before they too count
# as hung: one endless loop costs one full test limit, not one per test that reaches it.
RETRY_SECONDS = 0.25


def grader_hash(grader_dir: Path) -> str:
    digest = hashlib.sha256()
    for file in grader_files(grader_dir):
        digest.update(file.relative_to(grader_dir).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def grader_files(grader_dir: Path) -> list[Path]:
    return sorted(
        p for p in grader_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(PRIVATE_GRADER_FILES)
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def solution_files(language: str, source: bytes, language_dir: Path | None) -> dict[str, bytes]:
    """What the solution side gets: the candidate's file under its sandbox name and, for a language other than the
    tests', the exercise's adapter files from ``graders/<id>/<language>/`` (never its reference or starter)."""
    files = {SUBMISSION_NAME[language]: source}
    if language != TESTS_LANGUAGE and language_dir is not None:
        for file in grader_files(language_dir):
            if file.parent == language_dir:
                files.setdefault(file.name, file.read_bytes())
    return files


def job_payload(grader_dir: Path, language: str, source: bytes | None, limits: Limits, nonce: str,
                mode: Mode, hidden: bool = False, language_dir: Path | None = None) -> bytes:
    """What the harness reads on stdin: it alone splits it between the test process and the solution.

    ``grader_dir`` holds the tests (always Python); ``language_dir`` the submission language's adapter files.
    """
    load_seconds = LANGUAGES[language].load_seconds
    policy = {"test_seconds": limits.test_seconds, "hang_seconds": limits.hang_seconds,
              "load_seconds": load_seconds, "compile_seconds": load_seconds, "retry_seconds": RETRY_SECONDS,
              "output_cap": limits.output_kb * 1024, "memory_mb": limits.memory_mb}
    submission = {} if source is None else solution_files(language, source, language_dir)
    job = {
        "nonce": nonce, "mode": mode, "language": language, "hidden": hidden, "policy": policy,
        "grader": {f.relative_to(grader_dir).as_posix(): _b64(f.read_bytes()) for f in grader_files(grader_dir)},
        "submission": {name: _b64(data) for name, data in submission.items()},
    }
    body = json.dumps(job).encode()
    return f"{len(body)}\n".encode() + body


class ExpectedTests:
    """The grader's test ids, counted once without any submission and cached by grader and runner content."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"expected-{key}.json" if self.cache_dir else None

    def get(self, backend: Backend, grader_dir: Path, language: str, limits: Limits) -> list[str]:
        # The tests are the same whatever the submission's language: they are counted by the tests' own runner.
        language = TESTS_LANGUAGE
        key = hashlib.sha256(f"{grader_hash(grader_dir)}:{backend.runner_id(language)}".encode()).hexdigest()[:24]
        path = self._path(key)
        if path is not None and path.is_file():
            try:
                cached = json.loads(path.read_text())
                if isinstance(cached, list) and all(isinstance(i, str) for i in cached):
                    return cached
            except (OSError, ValueError):
                pass
        ids = self._collect(backend, grader_dir, language, limits)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps(ids))
                os.replace(tmp, path)
            except OSError:
                pass  # a read-only cache only costs a recount next time
        return ids

    @staticmethod
    def _collect(backend: Backend, grader_dir: Path, language: str, limits: Limits) -> list[str]:
        nonce = secrets.token_hex(16)
        payload = job_payload(grader_dir, language, None, limits, nonce, "collect")
        raw = backend.run(Job(language, payload, limits, mode="collect"))
        report = find_report(raw.stdout, nonce)
        phase = report.get("run") if report else None
        ids = collected_ids(phase) if isinstance(phase, dict) else None
        if not ids:
            errors = [e.get("message") for e in (phase or {}).get("events", []) if e.get("event") == "collect_error"]
            detail = errors[0] if errors else f"exit code {raw.exit_code}"
            raise SandboxError(f"the grader in {grader_dir} collects no tests: {detail}")
        return ids


def grade(*, question: str, language: str, grader_dir: Path, source: bytes, backend: Backend,
          limits: Limits = DEFAULT_LIMITS, cache_dir: Path | None = None, hidden: bool = False,
          language_dir: Path | None = None) -> GradeResult:
    """Grade ``source`` (written in ``language``) against the tests in ``grader_dir``; ``language_dir`` holds the
    language's adapter files when it is not Python."""
    if language not in SUBMISSION_NAME:
        raise SandboxError(f"no runner for language '{language}'")
    expected = ExpectedTests(cache_dir).get(backend, grader_dir, language, limits)
    nonce = secrets.token_hex(16)
    payload = job_payload(grader_dir, language, source, limits, nonce, "run", hidden, language_dir)
    raw = backend.run(Job(language, payload, limits))
    return verdict(question, language, raw, nonce, expected)
