"""Interview packets: the interviewer's packet, the candidate's sheet and the scorecard.

Every renderer is a pure function from an :class:`InterviewSet` to a string. The Markdown and HTML views are
two renderings of one document model, so they never disagree about what a sheet holds; the candidate's sheet is
built only from fields that reveal nothing (no correctness, no answer, no explanation, and no question id,
which would lead to the answer in the public bank).
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from markdown_it import MarkdownIt

from drillkit.errors import UsageError
from drillkit.interviewing.interview import InterviewSet, PlannedQuestion
from drillkit.interviewing.posting import language_name
from drillkit.interviewing.shapes import SHAPE_HELP
from drillkit.model import Question, RubricItem, letter, solution_file_name

CANDIDATE_SHEET = "candidate-sheet"
INTERVIEWER_PACKET = "interviewer"
PACKET_VERSION = 1

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")


# --- what each question contributes -----------------------------------------------------------------------


def rubric_for(question: Question) -> tuple[tuple[RubricItem, ...], bool]:
    """The question's own rubric, or a standard one for its kind; the flag says which."""
    if question.rubric:
        return question.rubric, False
    if question.is_choice:
        picks = ", ".join(question.correct_letters)
        exactly = "exactly " if question.kind == "multiple-choice" else ""
        return (RubricItem(2, f"Picks {exactly}{picks}"),
                RubricItem(1, "Says why that is right and why the other choices are not")), True
    if question.key_points:
        return tuple(RubricItem(1, point) for point in question.key_points), True
    if question.kind == "coding":
        return (RubricItem(4, f"The grader's tests pass (drillkit grade {question.id} FILE...)"),
                RubricItem(2, "Names the edge cases and the time and memory cost while working"),
                RubricItem(1, "Readable code: clear names, no dead code")), True
    return (RubricItem(3, "Covers the main points of the model answer"),
            RubricItem(2, "Explains the trade-offs and when the answer would change")), True


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def reference_answer(question: Question) -> tuple[str, str]:
    """(heading, Markdown) of what a good answer is: correct choices, the model answer, or the approach."""
    if question.is_choice:
        label = "Correct choice" if question.kind == "single-choice" else "Correct choices"
        return label, "\n".join(f"- **{letter(i)})** {choice.text}" for i, choice in enumerate(question.choices)
                                 if choice.correct)
    if question.kind == "coding":
        return "Reference approach", _paragraphs(question.explanation)[0]
    parts = [question.answer.strip()] if question.answer else []
    if question.key_points:
        parts.append("**Key points:**\n\n" + "\n".join(f"- {point}" for point in question.key_points))
    return "Model answer", "\n\n".join(parts) or "_No model answer; use the explanation and the rubric._"


def explanation_for(question: Question) -> str:
    """The explanation; for coding questions without the first paragraph, which the approach already shows."""
    if question.kind == "coding":
        rest = _paragraphs(question.explanation)[1:]
        return "\n\n".join(rest)
    return question.explanation.strip()


_COMPLEXITY = re.compile(r"\bO\(|\b[Pp]erformance\b|\bComplexity\b|\blinear\b|\bquadratic\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(])")


def complexity_expectations(question: Question, limit: int = 4) -> tuple[str, ...]:
    """The sentences of a coding question's prompt and explanation that state its time, memory or speed bounds."""
    found: list[str] = []
    for text in (question.prompt, question.explanation):
        for paragraph in _paragraphs(text):
            if paragraph.startswith("```"):
                continue
            flat = " ".join(line.strip().removeprefix("- ") for line in paragraph.splitlines())
            for sentence in _SENTENCE_END.split(flat):
                if _COMPLEXITY.search(sentence) and sentence not in found:
                    found.append(sentence.strip())
    return tuple(found[:limit])


def check_commands(question: Question, languages: Sequence[str]) -> tuple[str, ...]:
    """The exact commands that hand a coding question's starter to a candidate and grade the answer."""
    commands = []
    for language in languages:
        file = shlex.quote(solution_file_name(question.id, language))
        commands += [f"drillkit solve {question.id} --dir . --lang {language}",
                     f"drillkit check {question.id} {file} --lang {language}"]
    return tuple(commands)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rubric_table(rubric: Sequence[RubricItem], *, with_score: bool = True) -> str:
    header = "| points | criterion | score |\n|---:|---|---|" if with_score else "| points | criterion |\n|---:|---|"
    rows = [f"| {item.points} | {_cell(item.criterion)} |" + (" |" if with_score else "") for item in rubric]
    total = sum(item.points for item in rubric)
    rows.append(f"| **{total}** | **total** |" + (" |" if with_score else ""))
    return "\n".join([header, *rows])


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


# --- the document model ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    heading: str | None
    markdown: str
    css: str = ""
    answer_lines: int = 0  # blank writing space on the candidate's printed sheet


@dataclass(frozen=True)
class Section:
    title: str
    badges: tuple[str, ...]
    blocks: tuple[Block, ...]
    page_break: bool = True
    question_id: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]


def _titles(interview: InterviewSet) -> dict[str, str]:
    return {f.id: f.title for f in interview.focus}


def _plan_table(interview: InterviewSet) -> str:
    titles = _titles(interview)
    rows = ["| # | start | min | follow-ups | move on | role | question | kind | qualification | difficulty |",
            "|---:|---:|---:|---:|---:|---|---|---|---|---|"]
    for number, planned in enumerate(interview.plan(), 1):
        q = planned.question
        followups = f"{planned.followup_minutes}" if planned.followup_minutes else ""
        rows.append(f"| {number} | {_clock(planned.start_minute)} | {q.minutes} | {followups} | "
                    f"{_clock(planned.move_on_minute)} | {planned.role} | {_cell(q.title)} | {q.kind} | "
                    f"{_cell(titles.get(q.qualification, q.qualification))} | {q.difficulty} |")
    spare = interview.budget_minutes - interview.total_minutes
    rows.append(f"| | {_clock(interview.total_minutes)} | **{interview.total_minutes}** | | | | **total** "
                f"({spare} min spare of {interview.budget_minutes}) | | | |")
    return "\n".join(rows)


def _timing(planned: PlannedQuestion) -> str:
    start, end, leave = _clock(planned.start_minute), _clock(planned.end_minute), _clock(planned.move_on_minute)
    if planned.followup_minutes:
        return (f"Starts at {start}. The question itself until {end}; then {planned.followup_minutes} min of "
                f"follow-ups. **Move on at {leave}**, done or not: an unfinished answer is scored as it stands.")
    return f"Starts at {start}. **Move on at {leave}**, done or not."


def _shape_text(interview: InterviewSet) -> str:
    lines = [f"**{interview.shape}**: {SHAPE_HELP.get(interview.shape, interview.shape)}."]
    by_role = interview.minutes_by_role()
    lines.append("\n" + " · ".join(f"{role} {minutes} min" for role, minutes in by_role.items()))
    for note in interview.notes:
        lines.append(f"\n_Note: {note}._")
    return "\n".join(lines)


def _coverage(interview: InterviewSet) -> str:
    lines = []
    for focus in interview.focus:
        count = sum(1 for q in interview.questions if q.qualification == focus.id)
        lines.append(f"- **{focus.title}** (weight {focus.weight}): {_count(count, 'question')}")
    if interview.uncovered and interview.shape == "screen":
        lines.append(f"\nNot covered within {interview.budget_minutes} min: {', '.join(interview.uncovered)}.")
    elif interview.uncovered:
        lines.append(f"\nNot asked about in this {interview.shape} interview, which spends its time on the core: "
                     f"{', '.join(interview.uncovered)}.")
    return "\n".join(lines)


def _subtitle(interview: InterviewSet) -> str:
    return (f"For {interview.source} · {interview.shape} · level {interview.level} · {interview.total_minutes} of "
            f"{interview.budget_minutes} min · {len(interview.questions)} questions · seed {interview.seed}")


def interviewer_document(interview: InterviewSet) -> Document:
    titles = _titles(interview)
    overview = Section("Time plan", (), (
        Block(None, _plan_table(interview)),
        Block("Shape", _shape_text(interview)),
        Block("Coverage", _coverage(interview)),
        Block("How to use this packet",
              "Each question shows its time and when to move on, why it is in the set, what a good answer holds, "
              "the rubric to score it with, and follow-ups. Give the candidate the candidate sheet; note scores on "
              "the scorecard. Coding answers are graded with the `drillkit check` command under each exercise, or "
              "many at once with `drillkit grade ID FILE...`."
              + (" A screen is taken in drillkit (`drillkit quiz --set candidate.json --answers-out answers.json`) "
                 "and scored with `drillkit score interviewer.json answers.json`." if interview.shape == "screen"
                 else "")),
    ), page_break=False)
    sections = [overview]
    for number, planned in enumerate(interview.plan(), 1):
        q = planned.question
        blocks = [Block("Timing", _timing(planned)),
                  Block("Why this question", planned.reason[:1].upper() + planned.reason[1:] + "."),
                  Block("Prompt", q.prompt.strip())]
        if q.choices:
            blocks.append(Block("Choices, and why each is right or wrong", "\n".join(
                f"- {'✔' if c.correct else '✘'} **{letter(i)})** {c.text}  \n  _{c.why.strip()}_"
                for i, c in enumerate(q.choices)), css="choices"))
        heading, answer = reference_answer(q)
        blocks.append(Block(heading, answer, css="answer"))
        if q.kind == "coding":
            expectations = complexity_expectations(q)
            blocks.append(Block("Complexity expectations", "\n".join(f"- {line}" for line in expectations) if expectations
                                else "- No bound is stated: ask for the time and memory cost of their solution."))
        explanation = explanation_for(q)
        if explanation:
            blocks.append(Block("Explanation", explanation))
        rubric, derived = rubric_for(q)
        note = "\n\n_A standard rubric for this kind of question._" if derived else ""
        blocks.append(Block(f"Rubric ({sum(i.points for i in rubric)} points)", _rubric_table(rubric) + note,
                            css="rubric"))
        if q.follow_ups:
            when = (f" ({planned.followup_minutes} min, {_clock(planned.end_minute)}–{_clock(planned.move_on_minute)})"
                    if planned.followup_minutes else " (if time allows)")
            blocks.append(Block(f"Follow-ups{when}", "\n".join(f"- {item}" for item in q.follow_ups)))
        if q.kind == "coding":
            languages = interview.languages_for(q)
            blocks.append(Block("Commands", "Give the candidate the starter, then grade their file in the sandbox:\n\n"
                                "```sh\n" + "\n".join(check_commands(q, languages)) + "\n```", css="commands"))
        blocks.append(Block("References", "\n".join(f"- [{r.title}]({r.url})" for r in q.references), css="refs"))
        badges = (titles.get(q.qualification, q.qualification), q.kind, q.difficulty, planned.role,
                  f"{q.minutes} min" + (f" + {planned.followup_minutes} follow-ups" if planned.followup_minutes else ""),
                  f"starts {_clock(planned.start_minute)}")
        sections.append(Section(f"{number}. {q.title}", badges, tuple(blocks), question_id=q.id))
    sections.append(_scorecard_section(interview))
    return Document("Interviewer packet", _subtitle(interview), tuple(sections))


def _languages_text(interview: InterviewSet, question: Question) -> str:
    languages = interview.languages_for(question)
    text = "Write it in " + " or ".join(language_name(lang) for lang in languages) + "; it will be run against tests."
    others = [lang for lang in interview.posting_languages if lang not in languages]
    if others:
        text += (f" (The posting also names {', '.join(language_name(lang) for lang in others)}; this exercise is "
                 f"graded only in {' and '.join(language_name(lang) for lang in languages)}.)")
    return text


def _answer_lines(question: Question) -> int:
    if question.is_choice:
        return 3
    return max(6, min(24, question.minutes * 2))


def candidate_document(interview: InterviewSet) -> Document:
    if interview.shape == "screen":
        how = ("This is a written screen: take it in drillkit with `drillkit quiz --set candidate.json --answers-out "
               "answers.json` and hand back answers.json (every answer is saved as you give it), or answer on this "
               "sheet. Choice questions: pick the letters. Coding exercises: write the solution in a file.")
    else:
        how = ("For a choice question, tick the choices you pick and say why. For the others, write or sketch your "
               "answer in the space below it; thinking aloud is welcome.")
    intro = Section("Instructions", (), (Block(None, (
        f"This interview has {len(interview.questions)} questions and takes about {interview.total_minutes} "
        f"minutes; each question shows its time. {how}")),), page_break=False)
    sections = [intro]
    for number, planned in enumerate(interview.plan(), 1):
        q = planned.question
        blocks = [Block(None, q.prompt.strip())]
        if q.choices:
            how = "Tick one." if q.kind == "single-choice" else "Tick every correct choice."
            blocks.append(Block(how, "\n".join(f"- ☐ **{letter(i)})** {c.text}" for i, c in enumerate(q.choices)),
                                css="choices"))
        if q.kind == "coding":
            blocks.append(Block("Languages", _languages_text(interview, q)))
        blocks.append(Block("Your answer", "", css="answer-space", answer_lines=_answer_lines(q)))
        sections.append(Section(f"{number}. {q.title}", (q.kind, f"{planned.minutes} min"), tuple(blocks)))
    return Document("Candidate sheet", f"{len(interview.questions)} questions · about {interview.total_minutes} "
                    "minutes", tuple(sections))


def _scorecard_section(interview: InterviewSet) -> Section:
    summary = ["| # | question | id | points | score |", "|---:|---|---|---:|---|"]
    details = []
    grand_total = 0
    for number, q in enumerate(interview.questions, 1):
        rubric, _ = rubric_for(q)
        points = sum(item.points for item in rubric)
        grand_total += points
        summary.append(f"| {number} | {_cell(q.title)} | `{q.id}` | {points} | |")
        details.append(f"**{number}. {q.title}**\n\n{_rubric_table(rubric)}")
    summary.append(f"| | **total** | | **{grand_total}** | |")
    header = ("| | |\n|---|---|\n| Candidate | |\n| Interviewer | |\n| Date | |\n"
              "| Recommendation | strong no · no · yes · strong yes |")
    return Section("Scorecard", (_subtitle(interview),), (
        Block(None, header, css="fields"),
        Block("Scores", "\n".join(summary)),
        Block("Rubrics", "\n\n".join(details), css="rubric"),
        Block("Notes", "", css="answer-space", answer_lines=8),
    ))


def scorecard_document(interview: InterviewSet) -> Document:
    section = _scorecard_section(interview)
    return Document("Scorecard", _subtitle(interview), (Section("", (), section.blocks, False),))


# --- Markdown ----------------------------------------------------------------------------------------------


def document_markdown(document: Document) -> str:
    out = [f"# {document.title}", "", f"_{document.subtitle}_", ""]
    for section in document.sections:
        if section.title:
            out += [f"## {section.title}", ""]
        badges = list(section.badges) + ([f"`{section.question_id}`"] if section.question_id else [])
        if badges:
            out += [" · ".join(badges), ""]
        for block in section.blocks:
            if block.heading:
                out += [f"### {block.heading}", ""]
            if block.answer_lines:
                out += ["_(space for the answer)_", ""]
                continue
            out += [block.markdown.strip(), ""]
    return "\n".join(out).rstrip() + "\n"


def interviewer_markdown(interview: InterviewSet) -> str:
    return document_markdown(interviewer_document(interview))


def candidate_markdown(interview: InterviewSet) -> str:
    return document_markdown(candidate_document(interview))


def scorecard_markdown(interview: InterviewSet) -> str:
    return document_markdown(scorecard_document(interview))


def scorecard_csv(interview: InterviewSet) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["number", "question_id", "title", "qualification", "minutes", "criterion", "max_points",
                     "score", "notes"])
    for number, q in enumerate(interview.questions, 1):
        rubric, _ = rubric_for(q)
        for item in rubric:
            writer.writerow([number, q.id, q.title, q.qualification, q.minutes, item.criterion, item.points, "", ""])
    return buffer.getvalue()


# --- HTML --------------------------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"])

CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --accent: #2457c5; --answer: #1f7a4d;
        --answer-bg: #eef8f2; --code-bg: #f4f6fa; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #eceff4;
       font-family: "Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;
       line-height: 1.5; }
main { max-width: 860px; margin: 24px auto; }
header.doc, section.sheet { background: #fff; border: 1px solid var(--line); border-radius: 8px;
       padding: 28px 36px; margin: 0 0 18px; }
header.doc { border-top: 6px solid var(--accent); }
header.doc h1 { margin: 0 0 4px; font-size: 1.9rem; letter-spacing: -0.01em; }
header.doc p.subtitle { margin: 0; color: var(--muted); }
section.sheet > h2 { margin: 0 0 8px; font-size: 1.35rem; line-height: 1.3; }
.badges { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 14px; }
.badge { font-size: 0.78rem; padding: 2px 9px; border-radius: 999px; background: #e8eefb; color: #1f3f8a;
         white-space: nowrap; }
.badge.id { background: #f1f2f5; color: var(--muted); font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.badge.easy { background: #e3f5ea; color: #1d6b42; }
.badge.medium { background: #fff4de; color: #8a5a00; }
.badge.hard { background: #fde8e8; color: #a12626; }
.block { margin: 14px 0 0; }
.block h3 { margin: 0 0 6px; font-size: 0.82rem; text-transform: uppercase; letter-spacing: 0.06em;
            color: var(--muted); }
.block.answer { background: var(--answer-bg); border-left: 4px solid var(--answer); border-radius: 4px;
                padding: 10px 14px; }
.block.answer h3 { color: var(--answer); }
.block.refs { font-size: 0.88rem; }
.block.choices ul { list-style: none; padding-left: 0; }
.block.choices li { padding-left: 1.5em; text-indent: -1.5em; margin: 0.45em 0; }
.block.choices li em { color: var(--muted); font-size: 0.94em; }
p { margin: 0.4em 0; }
ul, ol { margin: 0.4em 0; padding-left: 1.4em; }
li { margin: 0.15em 0; }
a { color: var(--accent); text-decoration: none; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.88em;
       background: var(--code-bg); padding: 1px 4px; border-radius: 3px; }
pre { background: var(--code-bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
      white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.86rem; line-height: 1.4; }
pre code { background: none; padding: 0; font-size: inherit; }
table { border-collapse: collapse; width: 100%; margin: 6px 0; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
td[style*="right"], th[style*="right"] { white-space: nowrap; }
.rubric td:last-child, .rubric th:last-child { width: 5.5em; }
.rubric td:first-child, .rubric th:first-child { width: 4.5em; }
.rubric table { table-layout: fixed; }
.rubric p strong { display: block; margin-top: 0.8em; }
.fields table { width: auto; min-width: 60%; }
.fields thead { display: none; }
.fields td:first-child { font-weight: 600; width: 10em; }
.fields td:last-child { min-width: 22em; height: 2.1em; }
.answer-space .lines { border: 1px solid var(--line); border-radius: 6px; background-image:
       repeating-linear-gradient(to bottom, transparent 0, transparent 1.95em, #e3e7ee 1.95em, #e3e7ee 2em); }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  html { font-size: 10.5pt; }
  body { background: #fff; }
  main { max-width: none; margin: 0; }
  header.doc, section.sheet { border: none; border-radius: 0; padding: 0; margin: 0 0 12pt; }
  header.doc { border-top: none; border-bottom: 2pt solid var(--accent); padding-bottom: 6pt; }
  section.sheet.break { break-before: page; page-break-before: always; }
  .block.rubric, .block.refs, .block.fields, .answer-space, tr, pre, li, .badges {
    break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: var(--ink); }
  .badge { border: 0.5pt solid #c9cfda; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _badge(text: str) -> str:
    classes = f"badge {text}" if text in ("easy", "medium", "hard") else "badge"
    return f'<span class="{classes}">{html.escape(text)}</span>'


def document_html(document: Document) -> str:
    """One self-contained printable page: inline CSS, no scripts, no external assets."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(document.title)} — {html.escape(document.subtitle)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f'<header class="doc"><h1>{html.escape(document.title)}</h1>'
        f'<p class="subtitle">{html.escape(document.subtitle)}</p></header>',
    ]
    for section in document.sections:
        classes = "sheet break" if section.page_break else "sheet"
        parts.append(f'<section class="{classes}">')
        if section.title:
            parts.append(f"<h2>{html.escape(section.title)}</h2>")
        if section.badges or section.question_id:
            badges = "".join(_badge(b) for b in section.badges)
            if section.question_id:
                badges += f'<span class="badge id">{html.escape(section.question_id)}</span>'
            parts.append(f'<div class="badges">{badges}</div>')
        for block in section.blocks:
            parts.append(f'<div class="block {block.css}">' if block.css else '<div class="block">')
            if block.heading:
                parts.append(f"<h3>{html.escape(block.heading)}</h3>")
            if block.answer_lines:
                parts.append(f'<div class="lines" style="height: {block.answer_lines * 2}em"></div>')
            elif block.markdown:
                parts.append(_MARKDOWN.render(block.markdown))
            parts.append("</div>")
        parts.append("</section>")
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def interviewer_html(interview: InterviewSet) -> str:
    return document_html(interviewer_document(interview))


def candidate_html(interview: InterviewSet) -> str:
    return document_html(candidate_document(interview))


def scorecard_html(interview: InterviewSet) -> str:
    return document_html(scorecard_document(interview))


# --- JSON --------------------------------------------------------------------------------------------------


def _question_json(interview: InterviewSet, planned: PlannedQuestion, number: int) -> dict[str, Any]:
    question = planned.question
    rubric, derived = rubric_for(question)
    heading, answer = reference_answer(question)
    languages = interview.languages_for(question)
    return {
        "number": number,
        "id": question.id,
        "revision": question.revision,
        "title": question.title,
        "qualification": question.qualification,
        "kind": question.kind,
        "difficulty": question.difficulty,
        "minutes": question.minutes,
        "followup_minutes": planned.followup_minutes,
        "start_minute": planned.start_minute,
        "move_on_minute": planned.move_on_minute,
        "role": planned.role,
        "reason": planned.reason,
        "fingerprint": interview.fingerprint(question),
        "prompt": question.prompt,
        "choices": [{"letter": letter(i), "text": c.text, "correct": c.correct, "why": c.why}
                    for i, c in enumerate(question.choices)],
        "correct_choices": list(question.correct_letters),
        "answer": question.answer,
        "key_points": list(question.key_points),
        "reference_approach": answer if question.kind == "coding" else None,
        "complexity": list(complexity_expectations(question)) if question.kind == "coding" else [],
        "commands": list(check_commands(question, languages)) if question.kind == "coding" else [],
        "answer_heading": heading,
        "explanation": question.explanation,
        "rubric": [{"points": item.points, "criterion": item.criterion} for item in rubric],
        "rubric_points": sum(item.points for item in rubric),
        "rubric_standard": derived,
        "follow_ups": list(question.follow_ups),
        "languages": list(languages),
        "references": [{"title": r.title, "url": r.url} for r in question.references],
    }


def interviewer_json(interview: InterviewSet) -> dict[str, Any]:
    meta = interview.meta_json()
    # The nonce and the key digest let `drillkit score` recompute the set id and check the key; they never reach
    # the candidate's sheet.
    meta.update({"nonce": interview.nonce, "key_digest": interview.key_digest})
    return {
        "packet": INTERVIEWER_PACKET,
        "version": PACKET_VERSION,
        "set": meta,
        "questions": [_question_json(interview, p, n) for n, p in enumerate(interview.plan(), 1)],
    }


def _candidate_question(interview: InterviewSet, planned: PlannedQuestion, number: int) -> dict[str, Any]:
    question = planned.question
    data: dict[str, Any] = {
        "number": number, "title": question.title, "kind": question.kind, "minutes": question.minutes,
        "prompt": question.prompt,
        "choices": [{"letter": letter(i), "text": c.text} for i, c in enumerate(question.choices)],
        "languages": list(interview.languages_for(question)),
        "fingerprint": interview.fingerprint(question),
    }
    if question.kind == "coding":
        data["starters"] = {lang: text for lang in interview.languages_for(question)
                            if (text := interview.starter(question.id, lang)) is not None}
    return data


def candidate_json(interview: InterviewSet) -> dict[str, Any]:
    """The candidate's sheet as data, for `drillkit quiz --set`: prompts, choice texts, starters; no answers or ids."""
    return {
        "packet": CANDIDATE_SHEET,
        "version": PACKET_VERSION,
        "set_id": interview.set_id,
        "shape": interview.shape,
        "total_minutes": interview.total_minutes,
        "posting_languages": list(interview.posting_languages),
        "questions": [_candidate_question(interview, p, n) for n, p in enumerate(interview.plan(), 1)],
    }


def _json_text(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --- files -------------------------------------------------------------------------------------------------


def render_packet(interview: InterviewSet, fmt: Format) -> dict[str, str]:
    """File name -> content of every file a packet in this format holds."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown packet format '{fmt}'", hint=f"use one of: {', '.join(FORMATS)}")
    files: dict[str, str]
    if fmt == "md":
        files = {"interviewer.md": interviewer_markdown(interview), "candidate.md": candidate_markdown(interview)}
    elif fmt == "html":
        files = {"interviewer.html": interviewer_html(interview), "candidate.html": candidate_html(interview),
                 "scorecard.html": scorecard_html(interview)}
    else:
        files = {"interviewer.json": _json_text(interviewer_json(interview)),
                 "candidate.json": _json_text(candidate_json(interview))}
    if interview.shape == "screen":
        # A screen is taken with `quiz --set candidate.json` and scored with `score interviewer.json`, whatever the
        # printable format.
        files["interviewer.json"] = _json_text(interviewer_json(interview))
        files["candidate.json"] = _json_text(candidate_json(interview))
    files["scorecard.md"] = scorecard_markdown(interview)
    files["scorecard.csv"] = scorecard_csv(interview)
    return files


def check_output_dir(path: Path) -> None:
    """Refuse an output folder that cannot be written, before a set is chosen and logged; creates nothing."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"output path {path} is a file", hint="-o takes a folder for the packet's files")
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UsageError(f"cannot write to output folder {path}: {existing} is a file",
                         hint="choose a folder you can write to")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to output folder {path}: permission denied",
                         hint="choose a folder you can write to")


def write_packet(interview: InterviewSet, fmt: Format, out_dir: Path) -> tuple[Path, ...]:
    check_output_dir(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write to output folder {out_dir}: {exc.strerror or exc}") from None
    written = []
    for name, content in render_packet(interview, fmt).items():
        target = out_dir / name
        try:
            target.write_text(content, encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
        written.append(target)
    return tuple(written)
