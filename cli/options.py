"""Options several commands share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from drillkit.model import DIFFICULTIES, KINDS

F = TypeVar("F", bound=Callable[..., Any])


def filter_options(func: F) -> F:
    for decorator in reversed([
        click.option("-q", "--qualification", "qualifications", multiple=True, metavar="ID",
                     help="Only this qualification (repeatable)."),
        click.option("-k", "--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind (repeatable)."),
        click.option("-d", "--difficulty", "difficulties", multiple=True, type=click.Choice(DIFFICULTIES),
                     help="Only this difficulty (repeatable)."),
        click.option("-t", "--tag", "tags", multiple=True, metavar="TAG", help="Only questions with this tag (repeatable)."),
    ]):
        func = decorator(func)
    return func


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of a table.")


def _complete_question_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Question ids for the shell, read quietly: a broken or missing bank offers nothing rather than an error."""
    from drillkit.bank import bank_roots, scan

    try:
        # Completion parses without running the group's callback, so --bank is read from the parsed parameters.
        layers = ctx.find_root().params.get("bank_paths") or ()
        bank, _ = scan(bank_roots(layers))
    except Exception:
        return []
    return [CompletionItem(q.id, help=q.title) for q in bank.questions if q.id.startswith(incomplete)]


question_id_argument = click.argument("question_id", metavar="ID", shell_complete=_complete_question_ids)
