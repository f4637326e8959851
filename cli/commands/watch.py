from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from cli import console
from cli.context import app
from cli.options import question_id_argument
from cli.recording import now, record_grade
from drillkit.practice.watch import WatchEvent, watch_submission
from drillkit.safe_text import sanitized
from sandbox import GradeResult
from sandbox.languages import LANGUAGES

MESSAGE_WIDTH = 160


def render_compact(result: GradeResult, header: str, stamp: str) -> None:
    """Verdict first, then the tests that did not pass with their messages: what to fix next, on one screen.

    The result's text is the submission's: it comes here through :func:`sanitized`, and never as markup.
    """
    console.clear()
    console.note(header)
    line = Text(f"[{stamp}] ") + console.verdict(result.status)
    line.append(f"  {result.passed}/{result.total} tests passed in {result.duration_s:.2f}s")
    if result.message and not result.tests:
        line.append(f" · {result.message}")
    console.out.print(line)
    for test in sorted(result.tests, key=lambda t: t.status == "pass"):
        if test.status == "pass":
            continue
        row = Text("  ") + console.verdict(test.status) + Text(f"  {test.name}")
        if test.message:
            first = test.message.strip().splitlines()[0] if test.message.strip() else ""
            row.append(f" — {first[:MESSAGE_WIDTH]}", style="dim")
        console.out.print(row, soft_wrap=True)


@click.command("watch")
@question_id_argument
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--lang", "language", type=click.Choice(list(LANGUAGES)),
              help="The submission's language (default: what the file's extension says).")
@click.option("--runtime", help="A container runtime the daemon has, e.g. runsc for gVisor.")
def watch_command(question_id: str, file: Path, language: str | None, runtime: str | None) -> None:
    """Grade FILE now and again on every save, until Ctrl-C.

    A save during a grading restarts it with the new content. Each grading is recorded like `drillkit check`.
    The runner stays warm between saves, so a verdict comes back in well under a second for most exercises.
    """
    header = f"watching {file} for {question_id} · Ctrl-C to stop"

    def show(event: WatchEvent) -> None:
        stamp = event.at.astimezone().strftime("%H:%M:%S")
        if event.kind == "grading":
            console.note(f"[{stamp}] grading…")
        elif event.kind == "problem":
            console.warn(f"[{stamp}] {event.message}")
        elif event.result is not None:
            record_grade(event.result)
            render_compact(sanitized(event.result), header, stamp)

    watch_submission(app().bank, question_id, file, language, on_event=show, now=now, runtime=runtime)
