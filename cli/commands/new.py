from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from drillkit.model import DIFFICULTIES, KINDS
from drillkit.scaffold import create


@click.command("new")
@click.option("--kind", type=click.Choice(KINDS), prompt="Kind", help="The kind of question.")
@click.option("--qualification", "qualification", prompt="Qualification", metavar="ID",
              help="The qualification folder it belongs to.")
@click.option("--title", prompt="Title", help="A short title; the id is made from it unless --id is given.")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), prompt="Difficulty", default="medium",
              help="easy, medium or hard.")
@click.option("--id", "question_id", help="The id (kebab-case); defaults to the title's slug.")
@click.option("--dir", "bank_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The bank to add to (a folder holding questions/).")
def new_command(kind: str, qualification: str, title: str, difficulty: str, question_id: str | None,
                bank_dir: Path) -> None:
    """Scaffold a new question (and for coding questions, its grader) ready to fill in."""
    bank = app().bank
    scaffold = create(
        bank_dir, kind=kind, qualification=qualification, title=title, difficulty=difficulty,
        question_id=question_id, known_qualifications=frozenset(q.id for q in bank.qualifications),
        existing_ids=frozenset(bank.ids()),
    )
    console.info(f"created {scaffold.question_file}", style="green")
    for path in scaffold.grader_files:
        console.info(f"created {path}", style="green")
    console.note("Fill in every TODO(drillkit) marker, then run: drillkit validate "
                 f"{scaffold.question_file}" + (" --run-graders" if scaffold.grader_files else ""))
