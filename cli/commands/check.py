from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from cli import console
from cli.context import app
from cli.options import json_option, question_id_argument
from drillkit.graders import check_submission
from drillkit.safe_text import sanitized
from sandbox import GradeResult
from sandbox.languages import LANGUAGES


def render_result(result: GradeResult) -> None:
    """The result's text is the submission's: pass it through :func:`sanitized` first, and never as markup."""
    if result.tests:
        console.table(
            ["test", "status", "message"],
            ([t.name, console.verdict(t.status), t.message or ""] for t in result.tests),
            keep=("test", "status"),
        )
        for test in result.tests:
            if test.status != "pass" and test.output:
                console.rule(Text(f"output of {test.name}"))
                console.info(test.output)
    line = console.verdict(result.status)
    line.append(f"  {result.passed}/{result.total} tests passed in {result.duration_s:.2f}s", style="")
    if result.message:
        line.append(f" · {result.message}")
    console.out.print(line)


def _load_recording() -> None:
    """Imports what recording the result needs (the progress store): run while the container runs."""
    import cli.recording  # noqa: F401


@click.command("check")
@question_id_argument
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option("--lang", "language", type=click.Choice(list(LANGUAGES)),
              help="The submission's language (default: what the file's extension says).")
@click.option("--runtime", help="A container runtime the daemon has, e.g. runsc for gVisor.")
@json_option
def check_command(question_id: str, file: Path, language: str | None, runtime: str | None, as_json: bool) -> None:
    """Grade FILE against the coding question ID in the sandbox.

    Exit code 0 when every test passes, 1 for any other verdict, 2 for a usage error, 3 when the sandbox cannot run.
    """
    result = check_submission(app().bank, question_id, file, language, runtime=runtime,
                              while_waiting=_load_recording)
    from cli.recording import record_grade

    record_grade(result)
    shown = sanitized(result)
    if as_json:
        console.print_json(shown.to_json())
    else:
        render_result(shown)
    if result.status != "pass":
        raise click.exceptions.Exit(1)
