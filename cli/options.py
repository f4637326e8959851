"""Options several commands share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

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
