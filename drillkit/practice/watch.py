"""Watch mode: grade a submission, then again on every save, on a runner kept warm for the session.

The file's folder is watched rather than the file, because editors that save atomically write a new file and
rename it over the old one, which ends any watch on the old file itself. A save while a grading runs abandons that
grading and starts one with the new content. Gradings run on a worker thread; what happens is reported through a
callback, from that thread, in order.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from drillkit.bank import Bank
from drillkit.errors import DrillkitError
from drillkit.graders import (
    coding_question,
    connect_backend,
    limits_for,
    read_submission,
    sandbox_errors,
    submission_language,
)
from drillkit.paths import cache_dir
from sandbox import GradeResult

EventKind = Literal["grading", "result", "problem"]


@dataclass(frozen=True)
class WatchEvent:
    kind: EventKind
    at: datetime
    result: GradeResult | None = None  # for "result"
    message: str | None = None  # for "problem": the file cannot be graded as it is (missing, too big, ...)


class _Latest:
    """The newest content waiting to be graded; a newer save replaces an older one that has not started, and
    abandons one that has (under the same lock as the worker takes its next content, so only a stale run is ever
    abandoned)."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.source: bytes | None = None
        self.grading = False
        self.stopped = False

    def put(self, source: bytes, abandon_stale: Callable[[], None]) -> None:
        with self.condition:
            self.source = source
            if self.grading:
                abandon_stale()
            self.condition.notify()

    def take(self) -> bytes | None:
        with self.condition:
            self.grading = False
            while self.source is None and not self.stopped:
                self.condition.wait()
            source, self.source = self.source, None
            self.grading = source is not None
            return source

    def stop(self) -> None:
        with self.condition:
            self.stopped = True
            self.condition.notify()


def same_file(changed: str, target: Path) -> bool:
    return os.path.abspath(changed) == os.path.abspath(target)


def watch_submission(bank: Bank, question_id: str, file: Path, language: str | None, *,
                     on_event: Callable[[WatchEvent], None], now: Callable[[], datetime],
                     runtime: str | None = None, stop: threading.Event | None = None) -> None:
    """Grade ``file`` now and after every change, until ``stop`` is set or Ctrl-C; leaves no container behind."""
    import watchfiles

    from sandbox.warm import Superseded, WarmGrader

    coding_question(bank, question_id, None)
    first = read_submission(file)  # a missing or unreadable file is a usage error before anything starts
    language = submission_language(file, language)
    question = coding_question(bank, question_id, language)
    backend = connect_backend(runtime)
    with sandbox_errors():
        grader = WarmGrader(question=question.id, language=language, grader_dir=bank.tests_dir(question),
                            language_dir=bank.grader_dir(question, language), backend=backend,  # type: ignore[arg-type]
                            limits=limits_for(question), cache_dir=cache_dir(), hidden=question.hidden_grader)
    latest = _Latest()
    failure: list[BaseException] = []

    def work() -> None:
        while (source := latest.take()) is not None:
            on_event(WatchEvent("grading", now()))
            try:
                with sandbox_errors():
                    result = grader.grade(source)
            except Superseded:
                continue
            except DrillkitError as exc:
                on_event(WatchEvent("problem", now(), message=exc.message))
                continue
            except BaseException as exc:  # carried to the main thread and raised there
                failure.append(exc)
                return
            on_event(WatchEvent("result", now(), result=result))

    worker = threading.Thread(target=work, name="drillkit-watch", daemon=True)
    last = first
    latest.put(first, grader.abandon)
    worker.start()
    stop = stop or threading.Event()
    try:
        for changes in watchfiles.watch(file.parent, stop_event=stop, debounce=50, step=20, recursive=False,
                                        yield_on_timeout=True, rust_timeout=500):
            if failure:
                raise failure[0]
            if not any(same_file(path, file) for _, path in changes):
                continue
            if not file.exists():
                continue  # the first half of an atomic save; its rename follows
            try:
                source = read_submission(file)
            except DrillkitError as exc:
                on_event(WatchEvent("problem", now(), message=exc.message))
                continue
            if source == last:
                continue  # touched, or saved unchanged: the verdict stands
            last = source
            latest.put(source, grader.abandon)
    finally:
        latest.stop()
        grader.abandon()
        worker.join(timeout=10)
        grader.close()
