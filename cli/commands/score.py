from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from cli import console
from cli.context import app
from cli.options import json_option
from drillkit.interviewing.score import ScoredQuestion, ScreenScore, score_files

VERDICT_STYLES = {"right": "bold green", "partly": "bold yellow", "wrong": "bold red", "skipped": "dim",
                  "unanswered": "dim"}


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _points(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _details(question: ScoredQuestion) -> None:
    # Every string here was made visible() by the domain: the answers file and the packet are not trusted.
    head = Text(f"{question.number}. {question.title} — ") + Text(question.verdict,
                                                                  style=VERDICT_STYLES[question.verdict])
    head.append(f" ({_points(question.points)} of {question.max_points})")
    console.out.print(head, soft_wrap=True)
    if question.kind == "coding":
        if question.grade is not None:
            console.out.print(Text(f"   {question.given}"), soft_wrap=True)
            if question.grade.failing:
                console.out.print(Text(f"   failing: {', '.join(question.grade.failing[:8])}"), soft_wrap=True)
            if question.grade.message:
                console.out.print(Text(f"   {question.grade.message}"), soft_wrap=True)
            if question.grade.note:
                console.out.print(Text(f"   note: {question.grade.note}", style="yellow"), soft_wrap=True)
        console.out.print(Text(f"   key: {question.key}"), soft_wrap=True)
    else:
        given = question.given or ("(skipped)" if question.verdict == "skipped" else "(not reached)")
        console.out.print(Text(f"   picked: {given} · key: {question.key}"), soft_wrap=True)
        for letter, why in question.wrong_picks:
            console.out.print(Text(f"   {letter}) is wrong: {why}", style="dim"), soft_wrap=True)
    if question.explanation:
        console.out.print(Text(f"   {question.explanation}", style="dim"), soft_wrap=True)


def render_score(score: ScreenScore) -> None:
    console.rule(Text(f"Screen for {score.source} · set {score.set_id.split(':')[-1][:12]}"))
    console.table(
        ["#", "question", "qualification", "kind", "result", "points", "time"],
        ([str(q.number), q.title, q.qualification, q.kind, Text(q.verdict, style=VERDICT_STYLES[q.verdict]),
          f"{_points(q.points)}/{q.max_points}", _clock(q.seconds) + (" over" if q.overran else "")]
         for q in score.questions),
        justify={"#": "right", "points": "right", "time": "right"}, keep=("#", "qualification", "result"),
    )
    console.rule("Answers, keys and explanations")
    for question in score.questions:
        _details(question)
    console.rule("By qualification")
    console.table(["qualification", "questions", "right", "points", "share"],
                  ([s.id, s.questions, s.right, f"{_points(s.points)}/{s.max_points}", f"{s.share:.0%}"]
                   for s in score.qualifications),
                  justify={"questions": "right", "right": "right", "points": "right", "share": "right"},
                  keep=("qualification",))
    counts = ", ".join(f"{score.count(v)} {v}" for v in ("right", "partly", "wrong", "skipped", "unanswered")
                       if score.count(v))
    console.info(f"Total: {_points(score.points)} of {score.max_points} points ({score.percent}%) · {counts} · "
                 f"time {_clock(score.seconds)} of {score.budget_minutes}:00", style="bold")
    if not score.complete:
        console.note(f"{score.count('unanswered')} question(s) were never reached; they score nothing")


@click.command("score")
@click.argument("interviewer", type=click.Path(path_type=Path), metavar="INTERVIEWER.json")
@click.argument("answers", type=click.Path(path_type=Path), metavar="ANSWERS.json")
@click.option("--runtime", help="A container runtime the daemon has, e.g. runsc for gVisor (coding answers).")
@json_option
def score_command(interviewer: Path, answers: Path, runtime: str | None, as_json: bool) -> None:
    """Score a written screen: the interviewer's packet of a --shape screen set against the candidate's answers file.

    Per question: right, partly or wrong, with the key and the explanation, and the time taken; then the total and
    subtotals per qualification. Each question is worth its minutes; coding answers are graded in the sandbox. An
    answers file for another set, or edited after drillkit wrote it, is refused.
    """
    score = score_files(lambda: app().bank, interviewer, answers, runtime=runtime)
    if as_json:
        console.print_json(score.to_json())
    else:
        render_score(score)
