from __future__ import annotations

import click

from cli import console
from cli.context import app
from cli.options import filter_options, json_option
from cli.recording import ids_with_status
from drillkit.bank.select import Filter, filter_questions
from drillkit.errors import NotFoundError
from drillkit.practice.progress import STATUSES


@click.command("list")
@filter_options
@click.option("-s", "--search", "text", metavar="TEXT", help="Only questions whose id, title, prompt or tags hold every word.")
@click.option("--status", type=click.Choice(STATUSES),
              help="Only questions you have never answered (new), are due for review, have answered (seen), or mastered.")
@json_option
def list_command(qualifications: tuple[str, ...], kinds: tuple[str, ...], difficulties: tuple[str, ...],
                 tags: tuple[str, ...], text: str | None, status: str | None, as_json: bool) -> None:
    """List the questions in the bank."""
    bank = app().bank
    for qualification in qualifications:
        bank.qualification(qualification)
    flt = Filter(qualifications, kinds, difficulties, tags, text,
                 ids=ids_with_status(bank.questions, status) if status else None)
    questions = filter_questions(bank.questions, flt)
    # Nothing due (or mastered) yet is a normal answer, not a filter mistake.
    if not questions and not status:
        raise NotFoundError(f"no questions match {flt.describe()}", hint="loosen the filters or run `drillkit list`")
    if as_json:
        console.print_json([q.summary() for q in questions])
        return
    console.table(
        ["id", "title", "qualification", "kind", "difficulty", "min"],
        ([q.id, q.title, q.qualification, q.kind, q.difficulty, q.minutes] for q in questions),
        justify={"min": "right"},
    )
    console.note(f"{len(questions)} question(s)" + (f" with status {status}" if status else ""))
