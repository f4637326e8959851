from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cli import console
from cli.context import app
from drillkit.bank.scaffold import create, scaffold_context
from drillkit.errors import UsageError
from drillkit.model import DIFFICULTIES, KINDS
from sandbox.languages import LANGUAGES


def _ask(text: str, option: str, **kwargs: Any) -> Any:
    try:
        return click.prompt(text, **kwargs)
    except click.exceptions.Abort:
        # Input closed before an answer: a script that forgot a flag, not a user who pressed Ctrl-C.
        raise UsageError(f"no {option} given", hint=f"pass --{option}, or answer the prompt") from None


@click.command("new")
@click.option("--kind", type=click.Choice(KINDS), help="The kind of question (asked when missing).")
@click.option("--qualification", "qualification", metavar="ID",
              help="The qualification folder it belongs to (asked, with the list, when missing).")
@click.option("--title", help="A short title; the id is made from it unless --id is given (asked when missing).")
@click.option("--difficulty", type=click.Choice(DIFFICULTIES), help="easy, medium or hard (asked when missing).")
@click.option("--id", "question_id", help="The id (kebab-case); defaults to the title's slug.")
@click.option("--lang", "languages", multiple=True, metavar="LANG",
              type=click.Choice([*LANGUAGES, "all"]),
              help="For a coding question, a language to write its grader files for besides Python (whose tests grade "
                   "every language); repeat it, or give 'all'.")
@click.option("--golden", is_flag=True,
              help="For a coding question, also start tests/golden/<id>/ with a good_reference and a bad_starter "
                   "in each language.")
@click.option("--dir", "bank_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The bank to add to (a folder holding questions/).")
def new_command(kind: str | None, qualification: str | None, title: str | None, difficulty: str | None,
                question_id: str | None, languages: tuple[str, ...], golden: bool, bank_dir: Path) -> None:
    """Scaffold a new question (and for coding questions, its grader in each --lang) ready to fill in.

    Asks for what the options do not give. The files validate from the start except for the TODO(drillkit)
    markers, which `drillkit validate` lists until each is replaced.
    """
    context = scaffold_context(bank_dir, app().bank_paths)
    if kind is None:
        kind = _ask("Kind", "kind", type=click.Choice(KINDS))
    if qualification is None:
        console.table(["qualification", "title"], ((q.id, q.title) for q in context.qualifications),
                      keep=("qualification",))
        qualification = _ask("Qualification", "qualification",
                             type=click.Choice([q.id for q in context.qualifications]), show_choices=False)
    if title is None:
        title = _ask("Title", "title")
    if difficulty is None:
        difficulty = _ask("Difficulty", "difficulty", type=click.Choice(DIFFICULTIES), default="medium")
    scaffold = create(
        bank_dir, kind=kind, qualification=qualification, title=title, difficulty=difficulty,
        question_id=question_id, known_qualifications=frozenset(q.id for q in context.qualifications),
        existing_ids=context.existing_ids, golden=golden,
        languages=tuple(LANGUAGES) if "all" in languages else languages,
    )
    for path in (scaffold.question_file, *scaffold.grader_files, *scaffold.golden_files):
        console.info(f"created {path}", style="green")
    console.note("Next: replace every TODO(drillkit) marker (CONTRIBUTING.md says how), then run:")
    console.info(f"  drillkit validate {scaffold.question_file}" + (" --run-graders" if scaffold.grader_files else ""),
                 style="bold")
    console.info("  drillkit validate --update-lock", style="bold")
