from __future__ import annotations

import dataclasses

import click

from cli import console, render
from cli.context import app
from cli.options import json_option, question_id_argument


@click.command("show")
@question_id_argument
@click.option("-a", "--answer", "reveal", is_flag=True, help="Reveal the answer, explanation, rubric and follow-ups.")
@click.option("--hints", "show_hints", is_flag=True, help="Show the hints.")
@json_option
def show_command(question_id: str, reveal: bool, show_hints: bool, as_json: bool) -> None:
    """Show one question (its prompt rendered as Markdown)."""
    question = app().bank.get(question_id)
    if as_json:
        data = dataclasses.asdict(question)
        data["path"] = str(question.path)
        if not reveal:
            for key in ("answer", "key_points", "explanation", "rubric", "follow_ups"):
                data.pop(key, None)
            data["choices"] = [{"text": c.text} for c in question.choices]
        console.print_json(data)
        return
    render.header(question)
    render.prompt(question)
    if show_hints and question.hints:
        console.rule("Hints")
        console.markdown("\n".join(f"{i}. {hint}" for i, hint in enumerate(question.hints, 1)))
    if question.kind == "coding":
        console.note(f"Write your answer with: drillkit solve {question.id}")
    if reveal:
        render.answer(question)
        render.follow_ups(question)
    elif not as_json:
        console.note(f"{len(question.hints)} hint(s) (--hints); reveal the answer with: drillkit show {question.id} --answer")
