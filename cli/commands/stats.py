from __future__ import annotations

import click

from cli import console
from cli.context import app
from cli.options import json_option
from cli.recording import now, open_progress
from drillkit.practice.progress import ProgressStats, QualificationStats, progress_stats

BAR_WIDTH = 8
COLUMNS = ["qualification", "seen", "right", "covered", "due", "mastered", "progress", "overran"]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{round(100 * value)}%"


def progress_bar(row: QualificationStats) -> object:
    if not row.questions:
        return ""
    return console.stacked_bar([(row.mastered / row.questions, "█", "green"),
                                ((row.seen - row.mastered) / row.questions, "▒", "yellow")], BAR_WIDTH)


def _row(row: QualificationStats, bold: bool = False) -> list[object]:
    name = console.styled(row.id, "bold") if bold else row.id
    return [name, f"{row.seen}/{row.questions}", _percent(row.accuracy), _percent(row.coverage), row.due,
            row.mastered, progress_bar(row), row.overran]


def render_stats(stats: ProgressStats) -> None:
    console.table(COLUMNS, [*(_row(row) for row in stats.qualifications), _row(stats.total, bold=True)],
                  justify={c: "right" for c in ("seen", "right", "covered", "due", "mastered", "overran")}, keep=COLUMNS)
    console.note("right: share of answers right · covered: average share of the key points or rubric a written "
                 "answer covered · progress: █ mastered ▒ seen ░ not yet · "
                 "overran: over the time budget in quiz --timed")
    if stats.retired:
        attempts = sum(r.attempts for r in stats.retired)
        console.info(f"Retired: {len(stats.retired)} question(s) in your history are not in the current bank "
                     f"({attempts} attempt(s) kept): {', '.join(r.id for r in stats.retired)}", style="dim")
    days = "day" if stats.streak_days == 1 else "days"
    console.info(f"Streak: {stats.streak_days} {days} · {stats.attempts} attempt(s) in all", style="bold")
    recent = [day.attempts for day in stats.activity]
    line = console.styled(f"Last {len(recent)} days: ", "")
    line.append_text(console.sparkline(recent))
    line.append(f"  {sum(recent)} attempt(s), {sum(1 for n in recent if n)} active day(s)")
    console.out.print(line)


@click.command("stats")
@json_option
def stats_command(as_json: bool) -> None:
    """Practice progress per qualification: coverage, accuracy, due, mastered, overruns, streak and activity.

    A question is mastered once FSRS expects it to be remembered for three weeks or more.
    """
    stats = progress_stats(open_progress(), app().bank, now=now())
    if as_json:
        console.print_json(stats.to_json())
        return
    render_stats(stats)
