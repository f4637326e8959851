from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from drillkit.errors import UsageError
from drillkit.interview import DEFAULT_LEVEL, LEVELS, InterviewSet, SetRequest, interview_set, parse_seed
from drillkit.packet import FORMATS, Format, check_output_dir, interviewer_json, write_packet
from drillkit.posting import PostingMatch, match_posting


def render_explanation(match: PostingMatch) -> None:
    console.rule(f"What {match.source} asks for")
    for line in match.matched_lines:
        console.info(f"{line.number:>4}  {line.text}")
        by_qualification: dict[str, list[str]] = {}
        for hit in line.hits:
            shown = f"'{hit.phrase}'" + (f" (as '{hit.text}')" if hit.text.casefold() != hit.phrase.casefold() else "")
            by_qualification.setdefault(hit.qualification, []).append(shown)
        for qualification, phrases in by_qualification.items():
            console.info(f"      → {qualification}: {', '.join(phrases)}", style="green")
    unmatched = match.unmatched_lines
    if unmatched:
        console.rule(f"{len(unmatched)} line(s) matched no qualification")
        for line in unmatched:
            console.info(f"{line.number:>4}  {line.text}", style="dim")
    console.table(["qualification", "lines", "phrases"],
                  ([w.id, w.lines, w.hits] for w in match.weights), title="Weights",
                  justify={"lines": "right", "phrases": "right"}, keep=("qualification",))


def render_set(interview: InterviewSet) -> None:
    console.table(
        ["#", "start", "id", "qualification", "difficulty", "kind", "min"],
        ([str(n), f"{p.start_minute // 60}:{p.start_minute % 60:02d}", p.question.id, p.question.qualification,
          p.question.difficulty, p.question.kind, str(p.question.minutes)]
         for n, p in enumerate(interview.plan(), 1)),
        justify={"#": "right", "start": "right", "min": "right"},
        keep=("#", "id", "qualification"),
    )
    covered = len(interview.covered)
    console.info(f"{interview.total_minutes} of {interview.budget_minutes} min · {len(interview.questions)} questions · "
                 f"{covered}/{len(interview.focus)} qualifications · level {interview.level} · seed {interview.seed}",
                 style="bold")


def report_side_notes(interview: InterviewSet) -> None:
    if interview.uncovered:
        why = "raise --minutes to cover them" + ("; some may have no unused question left"
                                                  if interview.excluded_used else "")
        console.warn(f"not covered within {interview.budget_minutes} min: {', '.join(interview.uncovered)} ({why})")
    if interview.excluded_used:
        console.note(f"{interview.excluded_used} question(s) skipped as used in earlier sets")
    if interview.record_error:
        console.warn(f"{interview.record_error}; --exclude-used will not know about this set")


@click.command("set")
@click.option("--posting", type=click.Path(path_type=Path), metavar="FILE",
              help="A job posting as plain text; its lines are matched against the qualifications' phrases.")
@click.option("-q", "--qualification", "qualifications", multiple=True, metavar="ID",
              help="A qualification to interview for, instead of a posting (repeatable).")
@click.option("-m", "--minutes", default=60, show_default=True, type=int, help="The time budget of the interview.")
@click.option("--level", type=click.Choice(LEVELS), default=DEFAULT_LEVEL, show_default=True,
              help="Shifts the mix of easy, medium and hard questions.")
@click.option("--seed", metavar="N", help="The same seed gives the same set (shown with every set).")
@click.option("--exclude-used", is_flag=True,
              help="Skip questions an earlier set used, so a candidate pool never sees a question twice.")
@click.option("--explain", is_flag=True,
              help="Show which posting lines matched which qualification (and by which phrase), then stop.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True,
              help="The packet's format; json without -o prints the interviewer packet on stdout.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), metavar="DIR",
              help="Write the interviewer packet, the candidate sheet and the scorecard (.md and .csv) here.")
def set_command(posting: Path | None, qualifications: tuple[str, ...], minutes: int, level: str, seed: str | None,
                exclude_used: bool, explain: bool, fmt: Format, out_dir: Path | None) -> None:
    """Choose interview questions for a job posting or for qualifications, within a time budget.

    The set covers the qualifications asked for (the most asked-for first), keeps the level's difficulty mix and
    is recorded under the data directory for --exclude-used.
    """
    bank = app().bank
    if explain:
        if posting is None:
            raise UsageError("--explain needs --posting FILE", hint="it shows how a posting was matched")
        match = match_posting(posting, bank.qualifications)
        if fmt == "json":
            console.print_json(match.to_json())
        else:
            render_explanation(match)
        return
    request = SetRequest(minutes=minutes, level=level, seed=parse_seed(seed), posting=posting,
                         qualifications=qualifications, exclude_used=exclude_used)
    if out_dir is not None:
        check_output_dir(out_dir)  # before the set is recorded as used
    interview = interview_set(bank, request)
    if out_dir is not None:
        written = write_packet(interview, fmt, out_dir)
        render_set(interview)
        for path in written:
            console.info(f"wrote {path}")
    elif fmt == "json":
        console.print_json(interviewer_json(interview))
    else:
        render_set(interview)
        console.note("write the packet with -o DIR (--format md, html or json)")
    report_side_notes(interview)
