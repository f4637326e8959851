from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import filter_options, json_option
from drillkit.bank.select import Filter, filter_questions
from drillkit.errors import NotFoundError
from drillkit.practice.export import FORMATS, export


@click.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="anki: one .apkg package with a subdeck per qualification; markdown: a folder of pages.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, metavar="PATH",
              help="The .apkg file (anki) or the folder (markdown) to write.")
@filter_options
@json_option
def export_command(fmt: str, output: Path, qualifications: tuple[str, ...], kinds: tuple[str, ...],
                   difficulties: tuple[str, ...], tags: tuple[str, ...], as_json: bool) -> None:
    """Export questions with their answers: an Anki package or Markdown pages.

    Re-importing a newer Anki export updates the notes already in a collection instead of adding copies.
    """
    bank = app().bank
    for qualification in qualifications:
        bank.qualification(qualification)
    flt = Filter(qualifications, kinds, difficulties, tags)
    questions = filter_questions(bank.questions, flt)
    if not questions:
        raise NotFoundError(f"no questions match {flt.describe()}", hint="loosen the filters or run `drillkit list`")
    result = export(bank, questions, fmt, output)
    if as_json:
        console.print_json({"format": result.format, "path": str(result.path), "questions": result.questions,
                            "parts": list(result.parts)})
        return
    what = "deck(s)" if result.format == "anki" else "page(s)"
    console.info(f"wrote {result.path}: {result.questions} question(s) in {len(result.parts)} {what}", style="green")
    if result.format == "anki":
        console.note("Import it in Anki with File > Import; importing a newer export updates the same notes.")
