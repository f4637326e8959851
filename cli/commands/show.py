from __future__ import annotations

import dataclasses

import click

from cli import console, render
from cli.context import app
from cli.options import json_option, question_id_argument
from drillkit.graders import coding_question, language_api
from sandbox.languages import LANGUAGES


@click.command("show")
@question_id_argument
@click.option("-a", "--answer", "reveal", is_flag=True, help="Reveal the answer, explanation, rubric and follow-ups.")
@click.option("--hints", "show_hints", is_flag=True, help="Show the hints.")
@click.option("--lang", "language", type=click.Choice(list(LANGUAGES)),
              help="For a coding question: also show its API in this language.")
@json_option
def show_command(question_id: str, reveal: bool, show_hints: bool, language: str | None, as_json: bool) -> None:
    """Show one question (its prompt rendered as Markdown)."""
    bank = app().bank
    question = bank.get(question_id)
    api = None
    if language is not None and question.kind == "coding":
        api = language_api(bank, coding_question(bank, question_id, language), language)
    if as_json:
        data = dataclasses.asdict(question)
        data["path"] = str(question.path)
        if api is not None:
            data["api"] = {"language": language, "text": api}
        if not reveal:
            for key in ("answer", "key_points", "explanation", "rubric", "follow_ups"):
                data.pop(key, None)
            data["choices"] = [{"text": c.text} for c in question.choices]
        console.print_json(data)
        return
    render.header(question)
    render.prompt(question)
    if api is not None and language is not None:
        console.rule(f"In {LANGUAGES[language].title}")
        console.markdown(api)
    if show_hints and question.hints:
        console.rule("Hints")
        console.markdown("\n".join(f"{i}. {hint}" for i, hint in enumerate(question.hints, 1)))
    if question.kind == "coding":
        console.note(f"Write your answer with: drillkit solve {question.id}"
                     + (f" --lang {language}" if language else "")
                     + (f" (languages: {', '.join(question.languages)})" if len(question.languages) > 1 else ""))
    if reveal:
        render.answer(question)
        render.follow_ups(question)
    elif not as_json:
        console.note(f"{len(question.hints)} hint(s) (--hints); reveal the answer with: drillkit show {question.id} --answer")
