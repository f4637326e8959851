from __future__ import annotations

from datetime import datetime

import click

from cli import console
from cli.commands.quiz import run_session, self_rate_option, timed_option
from cli.context import app
from cli.recording import now, open_progress
from drillkit.practice.progress import DEFAULT_NEW_PER_DAY, ReviewPlan, plan_review


def _when(moment: datetime, current: datetime) -> str:
    local = moment.astimezone()
    if local.date() == current.astimezone().date():
        return f"today at {local:%H:%M}"
    return f"{local:%Y-%m-%d %H:%M}"


def render_plan(plan: ReviewPlan, current: datetime) -> None:
    if plan.coding_due:
        console.note(f"{len(plan.coding_due)} coding question(s) due too, practised with `drillkit solve ID` and "
                     f"`drillkit check ID FILE` rather than here: {', '.join(plan.coding_due)}")
    if not plan.questions and plan.shortest_left_out is not None:
        console.info(f"Nothing fits in {plan.minutes_budget} min: the shortest question waiting takes "
                     f"{plan.shortest_left_out} min.", style="yellow")
        return
    if not plan.questions:
        upcoming = f"; the next comes due {_when(plan.next_due, current)}" if plan.next_due else ""
        console.info(f"Nothing is due for review{upcoming}.", style="green")
        if plan.new_left_today == 0:
            console.note("today's new questions are used up (raise the cap with --new-per-day N)")
        return
    console.note(f"{plan.served_due} due of {plan.due}, {plan.new} new "
                 f"({plan.new_left_today} more new allowed today)"
                 + (f"; {plan.minutes} of your {plan.minutes_budget} min" if plan.minutes_budget is not None else ""))


@click.command("review")
@click.option("-q", "--qualification", "qualifications", multiple=True, metavar="ID",
              help="Only this qualification (repeatable).")
@click.option("-n", "--count", type=click.IntRange(min=1), help="At most this many questions (default: all due).")
@click.option("--minutes", type=click.IntRange(min=1), metavar="N",
              help="Serve only what fits in N minutes, by each question's time budget: due ones first, then new.")
@click.option("--new-per-day", type=click.IntRange(min=0), default=DEFAULT_NEW_PER_DAY, show_default=True,
              help="How many never-answered questions a day may bring in.")
@timed_option
@self_rate_option
def review_command(qualifications: tuple[str, ...], count: int | None, minutes: int | None, new_per_day: int,
                   timed: bool, self_rate: bool) -> None:
    """Review what is due, most overdue first, then a few new questions; answers may be piped on stdin.

    Scheduling uses FSRS: each answer's outcome (wrong, right after hints, right, right fast) sets when the question
    comes back. Questions on one narrow topic are not served back to back. Coding questions are not served here;
    `drillkit check` records them.
    """
    current = now()
    plan = plan_review(open_progress(), app().bank, now=current, qualifications=qualifications, limit=count,
                       new_per_day=new_per_day, minutes=minutes)
    render_plan(plan, current)
    if not plan.questions:
        return
    run_session(plan.questions, timed=timed, source="review", self_rate=self_rate)
