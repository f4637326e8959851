from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.recording import now, open_progress
from drillkit.practice.progress import export_progress, import_progress, write_export


@click.group("progress")
def progress_group() -> None:
    """Move practice history between machines, or start over."""


@progress_group.command("export")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file instead of standard output.")
def export_command(output: Path | None) -> None:
    """Every attempt as portable JSON; `drillkit progress import` merges it elsewhere."""
    store = open_progress()
    if output is None:
        console.print_json(export_progress(store, now=now()))
        return
    result = write_export(store, output, now=now())
    console.info(f"exported {result.attempts} attempt(s) to {result.path}")


@progress_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def import_command(file: Path) -> None:
    """Merge an export into this machine's history; attempts already here are not added twice."""
    result = import_progress(open_progress(), file)
    console.info(f"imported {result.added} new attempt(s) from {result.path} "
                 f"({result.already_present} already present; {result.questions} question(s) rescheduled)")


@progress_group.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset_command(yes: bool) -> None:
    """Delete every attempt and review state (asks first). Exit code 1 when not confirmed."""
    store = open_progress()
    count = store.attempt_count()
    if not yes:
        console.info(f"This deletes all {count} attempt(s) and every review schedule in {store.path}.")
        console.note("keep a copy first with `drillkit progress export -o progress.json`")
        try:
            answer = console.ask("Delete your progress? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in {"y", "yes"}:
            console.note("nothing deleted")
            raise click.exceptions.Exit(1)
    console.info(f"deleted {store.reset()} attempt(s)")
