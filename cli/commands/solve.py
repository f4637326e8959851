from __future__ import annotations

import shlex
from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import question_id_argument
from drillkit.practice.solve import write_starter
from sandbox.languages import LANGUAGES


@click.command("solve")
@question_id_argument
@click.option("--dir", "directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Where to write the starter file.")
@click.option("--lang", "language", type=click.Choice(list(LANGUAGES)), default="python", show_default=True,
              help="The language to solve in.")
@click.option("--edit", is_flag=True, help="Open the file in $EDITOR.")
@click.option("--force", is_flag=True, help="Overwrite an existing file (your work there is lost).")
def solve_command(question_id: str, directory: Path, language: str, edit: bool, force: bool) -> None:
    """Write the starter file for a coding question and print the command that grades it."""
    started = write_starter(app().bank, question_id, directory, language, force=force)
    if started.created:
        console.info(f"wrote {started.path}", style="green")
    else:
        console.warn(f"{started.path} exists; kept your work (use --force to start over)")
    console.info("Grade it with:")
    console.info(f"  drillkit check {question_id} {shlex.quote(str(started.path))}", style="bold")
    console.info("or on every save with:")
    console.info(f"  drillkit watch {question_id} {shlex.quote(str(started.path))}", style="bold")
    if edit:
        click.edit(filename=str(started.path))
