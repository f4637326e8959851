"""Grading through the sandbox: the domain's view of ``sandbox`` (checks, graders, image and doctor).

Sandbox exceptions become drillkit's own here, so the command line maps one hierarchy to exit codes.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drillkit.bank import Bank
from drillkit.errors import DrillkitError, NotFoundError, SandboxUnavailableError, UsageError
from drillkit.model import Question
from drillkit.paths import cache_dir
from drillkit.safe_text import sanitized
from sandbox import DEFAULT_LIMITS, GradeResult, Limits, SandboxError, SandboxUnavailable, grade
from sandbox.backend import Backend
from sandbox.languages import LANGUAGES, language_of

if TYPE_CHECKING:  # validate's module (item-writing checks, the lock) is not needed to grade one file
    from drillkit.bank.validate import GraderCheck

MAX_SUBMISSION_BYTES = 1024 * 1024


@contextmanager
def sandbox_errors() -> Iterator[None]:
    try:
        yield
    except SandboxUnavailable as exc:
        raise SandboxUnavailableError(exc.message, hint=exc.fix and f"fix: {exc.fix}") from None
    except SandboxError as exc:
        raise DrillkitError(exc.message, hint=exc.fix) from None


def connect_backend(runtime: str | None = None, while_waiting: Callable[[], None] | None = None) -> Backend:
    """The Docker backend; ``while_waiting`` runs once, in a thread, while the first container runs (the caller's
    own preparation for the result, done while the host would otherwise only wait)."""
    with sandbox_errors():
        from sandbox.docker_backend import DockerBackend

        return DockerBackend(runtime=runtime, while_waiting=while_waiting)


def coding_question(bank: Bank, question_id: str, language: str | None) -> Question:
    """The coding question ``question_id``, offered in ``language`` (when one is given)."""
    question = bank.get(question_id)
    if question.kind != "coding":
        raise UsageError(f"'{question_id}' is a {question.kind} question; only coding questions are graded",
                         hint=f"answer it with: drillkit quiz, or read it with: drillkit show {question_id}")
    if language is not None and language not in question.languages:
        raise UsageError(f"'{question_id}' has no grader for language '{language}'",
                         hint=f"it has: {', '.join(question.languages)}")
    return question


def read_submission(file: Path) -> bytes:
    if not file.exists():
        raise NotFoundError(f"no such submission file: {file}")
    if file.is_dir():
        raise UsageError(f"{file} is a folder; pass the one file with your solution")
    try:
        source = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}", hint="check the file's permissions") from None
    if len(source) > MAX_SUBMISSION_BYTES:
        raise UsageError(f"{file} is {len(source) // 1024} KB; a submission may be at most "
                         f"{MAX_SUBMISSION_BYTES // 1024} KB")
    return source


def limits_for(question: Question) -> Limits:
    return DEFAULT_LIMITS.merged(dataclasses.asdict(question.limits))


def grade_source(bank: Bank, question: Question, language: str, source: bytes, backend: Backend) -> GradeResult:
    with sandbox_errors():
        return grade(question=question.id, language=language, grader_dir=bank.tests_dir(question),
                     language_dir=bank.grader_dir(question, language), source=source, backend=backend,
                     limits=limits_for(question), cache_dir=cache_dir(), hidden=question.hidden_grader)


def language_api(bank: Bank, question: Question, language: str) -> str | None:
    """The exercise's API in ``language`` (Markdown, from ``graders/<id>/<language>/API.md``), or None for Python,
    whose API the prompt itself states."""
    if language == "python":
        return None
    path = bank.grader_dir(question, language) / "API.md"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def submission_language(file: Path, language: str | None) -> str:
    """The language a submission is in: ``--lang`` when given, else its file's extension."""
    if language is not None:
        if language not in LANGUAGES:
            raise UsageError(f"unknown language '{language}'", hint=f"use one of: {', '.join(LANGUAGES)}")
        return language
    found = language_of(file)
    if found is None:
        known = ", ".join(f"{ext} ({lang.name})" for lang in LANGUAGES.values() for ext in lang.extensions[:1])
        raise UsageError(f"cannot tell the language of {file} from its extension",
                         hint=f"name it {known}, or pass --lang")
    return found


def check_submission(bank: Bank, question_id: str, file: Path, language: str | None = None, *,
                     runtime: str | None = None, backend: Backend | None = None,
                     while_waiting: Callable[[], None] | None = None) -> GradeResult:
    """Grade one file; its language is ``language``, or else what its extension says."""
    coding_question(bank, question_id, None)  # an unknown id or a question of another kind is said first
    source = read_submission(file)
    language = submission_language(file, language)
    question = coding_question(bank, question_id, language)
    return grade_source(bank, question, language, source, backend or connect_backend(runtime, while_waiting))


def run_reference_and_starter(bank: Bank, question: Question, backend: Backend | None = None) -> list[GraderCheck]:
    from drillkit.bank.validate import GraderCheck

    backend = backend or connect_backend()
    checks = []
    for language in question.languages:
        folder = bank.grader_dir(question, language)
        for role, expected in (("reference", "pass"), ("starter", "fail")):
            files = sorted(folder.glob(f"{role}.*"))
            if not files:
                checks.append(GraderCheck(question.id, language, role, "missing", expected, f"no {role} file"))
                continue
            # The detail quotes the run's messages and test names, and a starter is as free to print as anyone.
            result = sanitized(grade_source(bank, question, language, files[0].read_bytes(), backend))
            detail = "" if (result.status == "pass") == (expected == "pass") else (
                result.message or f"{result.passed}/{result.total} passed")
            if expected == "pass" and result.status != "pass":
                failing = [t.name for t in result.tests if t.status != "pass"][:3]
                detail = f"{result.message}; failing: {', '.join(failing)}" if failing else str(result.message)
            checks.append(GraderCheck(question.id, language, role, result.status, expected, detail))
    return checks


# --- the image and the daemon ------------------------------------------------------------------------------


def build_image(*, offline: bool, language: str = "python", base: str | None = None, suite: str | None = None,
                mirror: str | None = None, rebuild_base: bool = False,
                progress: Callable[[str], None] = lambda _: None) -> Any:
    with sandbox_errors():
        from sandbox.docker_backend import connect
        from sandbox.image import build_runner

        return build_runner(connect(), language, offline=offline, base=base, suite=suite, mirror=mirror,
                            rebuild_base=rebuild_base, progress=progress)


def prune_containers(everything: bool = False) -> list[str]:
    with sandbox_errors():
        from sandbox.docker_backend import connect, prune

        return prune(connect(), everything=everything)


@dataclass(frozen=True)
class DoctorCheck:
    name: str
    ok: bool
    detail: str
    fix: str | None = None
    required: bool = True  # a missing optional part (another language's runner) does not fail the doctor


def doctor(language: str | None = None, runtime: str | None = None) -> list[DoctorCheck]:
    """What the sandbox needs and has; ``language`` makes that language's runner required (Python's always is)."""
    from sandbox.docker_backend import DAEMON_FIX, connect
    from sandbox.image import as_root_command, build_command, find_tool, require_runner, runner_tag

    checks = []
    client_binary = shutil.which("docker")
    checks.append(DoctorCheck("docker CLI", client_binary is not None, client_binary or "not found (optional)",
                              None if client_binary else as_root_command("apt-get install docker.io")))
    try:
        client = connect(timeout=5)
    except SandboxUnavailable as exc:
        engine_installed = find_tool("dockerd") is not None
        if "permission denied" in exc.message.lower():
            # The daemon runs, but this user may not talk to it: the one missing privilege is the docker group.
            fix = "sudo usermod -aG docker $USER, then log in again (or run: newgrp docker)"
        elif engine_installed:
            fix = DAEMON_FIX
        else:
            fix = as_root_command("apt-get install docker.io") + ", then: " + DAEMON_FIX
        checks.append(DoctorCheck("Docker daemon", False, exc.message, fix))
        checks.append(DoctorCheck("python runner", False, f"{runner_tag('python')} (daemon unreachable)",
                                  build_command("python", offline=False)))
        return checks
    version = client.version().get("Version", "?")
    checks.append(DoctorCheck("Docker daemon", True, f"version {version}"))
    for name in LANGUAGES:
        required = name in ("python", language)
        label = f"{name} runner" + ("" if required else " (optional)")
        try:
            checks.append(DoctorCheck(label, True, require_runner(client, name), required=required))
        except SandboxUnavailable as exc:
            checks.append(DoctorCheck(label, False, exc.message, exc.fix, required=required))
    runtimes = sorted((client.info().get("Runtimes") or {}).keys())
    if runtime:
        checks.append(DoctorCheck(f"runtime {runtime}", runtime in runtimes, f"daemon runtimes: {', '.join(runtimes)}",
                                  None if runtime in runtimes else f"install {runtime} and register it with dockerd"))
    else:
        checks.append(DoctorCheck("gVisor (optional)", "runsc" in runtimes,
                                  "available: --runtime runsc" if "runsc" in runtimes else "not installed; runc is used",
                                  None))
    debootstrap = find_tool("debootstrap")
    checks.append(DoctorCheck("debootstrap (offline builds)", debootstrap is not None, debootstrap or "not found",
                              None if debootstrap else as_root_command("apt-get install debootstrap")))
    if debootstrap is not None and os.geteuid() != 0:
        checks.append(DoctorCheck("offline builds", True,
                                  f"need root for debootstrap: {as_root_command('drillkit sandbox build --offline')}"))
    return checks

