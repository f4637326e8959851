from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from drillkit.errors import UsageError
from drillkit.interviewing.interview import (
    DEFAULT_LEVEL,
    DEFAULT_SHAPE,
    LEVELS,
    SHAPES,
    InterviewSet,
    SetRequest,
    explain_set,
    interview_set,
    parse_seed,
)
from drillkit.interviewing.packet import FORMATS, Format, check_output_dir, interviewer_json, write_packet
from drillkit.interviewing.posting import PostingMatch
from drillkit.model import CHOICE_KINDS


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


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


def render_set(interview: InterviewSet, *, why: bool = False) -> None:
    console.table(
        ["#", "start", "move on", "role", "id", "qualification", "difficulty", "kind", "min"],
        ([str(n), _clock(p.start_minute), _clock(p.move_on_minute), p.role, p.question.id, p.question.qualification,
          p.question.difficulty, p.question.kind,
          f"{p.question.minutes}" + (f"+{p.followup_minutes}" if p.followup_minutes else "")]
         for n, p in enumerate(interview.plan(), 1)),
        justify={"#": "right", "start": "right", "move on": "right", "min": "right"},
        keep=("#", "id", "qualification", "role"),
    )
    if why:
        for n, p in enumerate(interview.plan(), 1):
            console.info(f"{n:>3}. {p.reason}")
    by_role = interview.minutes_by_role()
    choice = sum(p.minutes for p in interview.placements if p.question.kind in CHOICE_KINDS)
    covered = len(interview.covered)
    console.info(f"{interview.total_minutes} of {interview.budget_minutes} min · {len(interview.questions)} questions · "
                 f"{interview.shape}: " + ", ".join(f"{role} {m} min" for role, m in by_role.items())
                 + f" (choice questions {choice} min) · {covered}/{len(interview.focus)} qualifications · "
                 f"level {interview.level} · seed {interview.seed}", style="bold")


def report_side_notes(interview: InterviewSet) -> None:
    for note in interview.notes:
        console.warn(note)
    if interview.uncovered and interview.shape == "screen":
        why = "raise --minutes to cover them" + ("; some may have no unused question left"
                                                  if interview.excluded_used else "")
        console.warn(f"not covered within {interview.budget_minutes} min: {', '.join(interview.uncovered)} ({why})")
    elif interview.uncovered:
        # A live or design interview spends its time on the core, not on touching every qualification.
        console.note(f"not asked about in this {interview.shape} interview: {', '.join(interview.uncovered)} "
                     "(a screen covers more: --shape screen)")
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
@click.option("--shape", type=click.Choice(SHAPES), default=DEFAULT_SHAPE, show_default=True,
              help="live: a coding interview (an exercise as the core, short-answer probes, choice warm-ups within a "
                   "fifth of the time); design: one design question and probes; screen: only what drillkit scores "
                   "(choice questions and sandbox-graded coding), taken with quiz --set and scored with score.")
@click.option("--level", type=click.Choice(LEVELS), default=DEFAULT_LEVEL, show_default=True,
              help="Shifts the mix of easy, medium and hard questions.")
@click.option("--seed", metavar="N", help="The same seed gives the same set (shown with every set).")
@click.option("--exclude-used", is_flag=True,
              help="Skip questions an earlier set used, so a candidate pool never sees a question twice.")
@click.option("--explain", is_flag=True,
              help="Show which posting lines matched which qualification (and by which phrase), and why each question "
                   "is in the set; a preview: the set is not recorded and no packet is written.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True,
              help="The packet's format; json without -o prints the interviewer packet on stdout.")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path), metavar="DIR",
              help="Write the interviewer packet, the candidate sheet and the scorecard (.md and .csv) here; a screen "
                   "also gets interviewer.json and candidate.json, for quiz --set and score.")
def set_command(posting: Path | None, qualifications: tuple[str, ...], minutes: int, shape: str, level: str,
                seed: str | None, exclude_used: bool, explain: bool, fmt: Format, out_dir: Path | None) -> None:
    """Choose interview questions for a job posting or for qualifications, within a time budget and in a shape.

    The shape's composition comes first (live: a coding core; design: a design core; screen: auto-scored questions);
    within it the set covers the qualifications asked for (the most asked-for first) and keeps the level's
    difficulty mix. Each set is recorded under the data directory for --exclude-used.
    """
    bank = app().bank
    request = SetRequest(minutes=minutes, level=level, seed=parse_seed(seed), posting=posting,
                         qualifications=qualifications, exclude_used=exclude_used, shape=shape)
    if explain:
        if out_dir is not None:
            raise UsageError("--explain previews a set and writes nothing",
                             hint="drop -o to see the preview, or drop --explain to write the packet")
        explained = explain_set(bank, request)
        if fmt == "json":
            data = explained.match.to_json() if explained.match is not None else {}
            data["set"] = interviewer_json(explained.interview)
            console.print_json(data)
            return
        if explained.match is not None:
            render_explanation(explained.match)
        console.rule(f"Why each question is in this {explained.interview.shape} set")
        render_set(explained.interview, why=True)
        report_side_notes(explained.interview)
        console.note(f"a preview: not recorded; write it with --seed {explained.interview.seed} -o DIR")
        return
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
