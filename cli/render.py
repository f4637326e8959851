"""How a question looks on the terminal (used by show, quiz, review and solve)."""

from __future__ import annotations

from cli import console
from drillkit.model import Question, letter


def header(question: Question, position: str = "") -> None:
    meta = f"{question.qualification} · {question.kind} · {question.difficulty} · {question.minutes} min"
    title = f"{position}  {question.title}" if position else question.title
    console.rule(title)
    console.info(f"{question.id}  ({meta})", style="dim")


def prompt(question: Question) -> None:
    console.markdown(question.prompt)
    for index, choice in enumerate(question.choices):
        console.markdown(f"**{letter(index)})** {choice.text}")


def answer(question: Question) -> None:
    if question.choices:
        for index, choice in enumerate(question.choices):
            mark = "✔" if choice.correct else "✘"
            style = "green" if choice.correct else "red"
            console.info(f"{mark} {letter(index)}) {choice.text}", style=style)
            console.info(f"    {choice.why}", style="dim")
    if question.answer:
        console.rule("Model answer")
        console.markdown(question.answer)
    # The checklist a written answer is graded against is numbered, so the candidate can say which points it covered.
    if question.key_points:
        console.rule("Key points")
        marker = "-" if question.rubric else None
        console.markdown("\n".join(f"{marker or f'{n}.'} {point}" for n, point in enumerate(question.key_points, 1)))
    if question.rubric:
        console.rule(f"Rubric ({question.rubric_points} points)")
        console.markdown("\n".join(f"{n}. **{item.points} point{'' if item.points == 1 else 's'}** — {item.criterion}"
                                    for n, item in enumerate(question.rubric, 1)))
    explanation(question)


def explanation(question: Question) -> None:
    console.rule("Explanation")
    console.markdown(question.explanation)
    references(question)


def references(question: Question) -> None:
    console.markdown("\n".join(f"- [{ref.title}]({ref.url}) <{ref.url}>" for ref in question.references))


def follow_ups(question: Question) -> None:
    if question.follow_ups:
        console.rule("Follow-ups")
        console.markdown("\n".join(f"- {item}" for item in question.follow_ups))
