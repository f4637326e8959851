"""Progress as a portable JSON file: export on one machine, merge on another without duplicating attempts.

Only attempts travel: review states are replayed from them on import, so a merged history schedules exactly as
if every attempt had been made on one machine.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from drillkit.errors import NotFoundError, UsageError
from drillkit.practice.progress.records import SOURCES, AttemptRecord
from drillkit.practice.progress.store import MergeResult, ProgressStore, timestamp
from drillkit.practice.quiz import Outcome

EXPORT_FORMAT = "drillkit-progress"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportResult:
    path: Path
    attempts: int


@dataclass(frozen=True)
class ImportResult:
    path: Path
    added: int
    already_present: int
    questions: int


def attempt_json(attempt: AttemptRecord) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "question_id": attempt.question_id,
        "kind": attempt.kind,
        "outcome": attempt.outcome.value,
        "answered_at": timestamp(attempt.answered_at),
        "source": attempt.source,
        "seconds": attempt.seconds,
        "hints_used": attempt.hints_used,
        "self_rated": attempt.self_rated,
        "overran": attempt.overran,
        "verdict": attempt.verdict,
        "tests_passed": attempt.tests_passed,
        "tests_total": attempt.tests_total,
        "covered": None if attempt.covered is None else list(attempt.covered),
        "coverage": attempt.coverage,
    }


def export_progress(store: ProgressStore, *, now: datetime) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timestamp(now),
        "attempts": [attempt_json(a) for a in store.attempts()],
    }


def write_export(store: ProgressStore, path: Path, *, now: datetime) -> ExportResult:
    """Written beside the target and renamed into place, so an interrupted export never leaves half a file."""
    data = export_progress(store, now=now)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise NotFoundError(f"no such folder: {folder}", hint="create it first or choose another -o path")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=2, ensure_ascii=False)
            out.write("\n")
        os.replace(temporary, path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    return ExportResult(path, len(data["attempts"]))


class _Invalid(Exception):
    pass


def _field(entry: Mapping[str, Any], name: str, types: type | tuple[type, ...], *, optional: bool = False) -> Any:
    if name not in entry or entry[name] is None:
        if optional:
            return None
        raise _Invalid(f"missing '{name}'")
    value = entry[name]
    if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
        raise _Invalid(f"'{name}' has the wrong type")
    if not isinstance(value, types):
        raise _Invalid(f"'{name}' has the wrong type")
    return value


def _attempt_from_json(entry: Any) -> AttemptRecord:
    if not isinstance(entry, dict):
        raise _Invalid("expected an object")
    outcome = _field(entry, "outcome", str)
    if outcome not in {o.value for o in Outcome}:
        raise _Invalid(f"unknown outcome '{outcome}' (one of: {', '.join(o.value for o in Outcome)})")
    source = _field(entry, "source", str)
    if source not in SOURCES:
        raise _Invalid(f"unknown source '{source}' (one of: {', '.join(SOURCES)})")
    try:
        answered_at = datetime.fromisoformat(_field(entry, "answered_at", str))
    except ValueError:
        raise _Invalid("'answered_at' is not an ISO 8601 timestamp") from None
    if answered_at.tzinfo is None:
        raise _Invalid("'answered_at' has no time zone")
    identifier = _field(entry, "id", str)
    question_id = _field(entry, "question_id", str)
    if not identifier.strip() or not question_id.strip():
        raise _Invalid("'id' and 'question_id' must not be empty")
    seconds = _field(entry, "seconds", (int, float), optional=True)
    covered = _field(entry, "covered", list, optional=True)
    if covered is not None and not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in covered):
        raise _Invalid("'covered' must be a list of point numbers from 1")
    coverage = _field(entry, "coverage", (int, float), optional=True)
    if coverage is not None and not 0 <= coverage <= 1:
        raise _Invalid("'coverage' must be a share from 0 to 1")
    return AttemptRecord(
        id=identifier,
        question_id=question_id,
        kind=_field(entry, "kind", str),
        outcome=Outcome(outcome),
        answered_at=answered_at,
        source=source,
        seconds=float(seconds) if seconds is not None else None,
        hints_used=_field(entry, "hints_used", int, optional=True) or 0,
        self_rated=bool(_field(entry, "self_rated", bool, optional=True)),
        overran=bool(_field(entry, "overran", bool, optional=True)),
        verdict=_field(entry, "verdict", str, optional=True),
        tests_passed=_field(entry, "tests_passed", int, optional=True),
        tests_total=_field(entry, "tests_total", int, optional=True),
        covered=None if covered is None else tuple(covered),
        coverage=None if coverage is None else float(coverage),
    )


def read_export(path: Path) -> tuple[AttemptRecord, ...]:
    """Every attempt in an export file; any problem names the file (and the entry) and nothing is imported."""
    if not path.is_file():
        raise NotFoundError(f"no such export file: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not a drillkit progress export (not text)") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: not a drillkit progress export (malformed JSON: {exc.msg})") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise UsageError(f"{path} is not a drillkit progress export (no \"format\": \"{EXPORT_FORMAT}\")",
                         hint="make one with `drillkit progress export -o FILE`")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UsageError(f"{path}: the export has no valid \"version\"")
    if version > EXPORT_VERSION:
        raise UsageError(f"{path} was exported by a newer drillkit (export version {version}; this drillkit reads up "
                         f"to {EXPORT_VERSION})", hint="upgrade drillkit to import it")
    entries = data.get("attempts")
    if not isinstance(entries, list):
        raise UsageError(f"{path}: the export has no \"attempts\" list")
    attempts = []
    for index, entry in enumerate(entries):
        try:
            attempts.append(_attempt_from_json(entry))
        except _Invalid as exc:
            raise UsageError(f"{path}: attempts[{index}]: {exc}", hint="nothing was imported") from None
    return tuple(attempts)


def import_progress(store: ProgressStore, path: Path) -> ImportResult:
    attempts = read_export(path)
    merged: MergeResult = store.merge(attempts)
    return ImportResult(path, merged.added, merged.already_present, merged.questions)
