"""Grading one submission: stage the files, count the grader's tests once, run, and judge the report."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sandbox.backend import Backend, Job
from sandbox.errors import SandboxError
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.result import GradeResult, collected_ids, find_report, verdict

# Files of a grader folder that never reach the container: the candidate must not import the answer.
PRIVATE_GRADER_FILES = ("reference.", "starter.")
SUBMISSION_NAME = {"python": "solution.py"}


def grader_hash(grader_dir: Path) -> str:
    digest = hashlib.sha256()
    for file in _grader_files(grader_dir):
        digest.update(file.relative_to(grader_dir).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def _grader_files(grader_dir: Path) -> list[Path]:
    return sorted(
        p for p in grader_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(PRIVATE_GRADER_FILES)
    )


@contextmanager
def staged(grader_dir: Path, language: str, source: bytes | None) -> Iterator[Path]:
    """A private copy of the grader and the submission, world-readable so the runner's user can read them."""
    workspace = Path(tempfile.mkdtemp(prefix="drillkit-grade-"))
    try:
        os.chmod(workspace, 0o755)
        grader = workspace / "grader"
        submission = workspace / "submission"
        grader.mkdir(mode=0o755)
        submission.mkdir(mode=0o755)
        for file in _grader_files(grader_dir):
            target = grader / file.relative_to(grader_dir)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
            shutil.copyfile(file, target)
            os.chmod(target, 0o644)
        if source is not None:
            path = submission / SUBMISSION_NAME[language]
            path.write_bytes(source)
            os.chmod(path, 0o644)
        yield workspace
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


class ExpectedTests:
    """The grader's test ids, counted once with a stub submission and cached by grader and runner content."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / f"expected-{key}.json" if self.cache_dir else None

    def get(self, backend: Backend, grader_dir: Path, language: str, limits: Limits) -> list[str]:
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
        with staged(grader_dir, language, None) as workspace:
            raw = backend.run(Job(language, workspace, limits, nonce, mode="collect"))
        report = find_report(raw.stdout, nonce)
        phase = report.get("run") if report else None
        ids = collected_ids(phase) if isinstance(phase, dict) else None
        if not ids:
            errors = [e.get("message") for e in (phase or {}).get("events", []) if e.get("event") == "collect_error"]
            detail = errors[0] if errors else f"exit code {raw.exit_code}"
            raise SandboxError(f"the grader in {grader_dir} collects no tests: {detail}")
        return ids


def grade(*, question: str, language: str, grader_dir: Path, source: bytes, backend: Backend,
          limits: Limits = DEFAULT_LIMITS, cache_dir: Path | None = None) -> GradeResult:
    if language not in SUBMISSION_NAME:
        raise SandboxError(f"no runner for language '{language}'")
    expected = ExpectedTests(cache_dir).get(backend, grader_dir, language, limits)
    nonce = secrets.token_hex(16)
    with staged(grader_dir, language, source) as workspace:
        raw = backend.run(Job(language, workspace, limits, nonce))
    return verdict(question, language, raw, nonce, expected)
