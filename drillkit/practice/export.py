"""Exports generated from the bank: an Anki package for spaced repetition elsewhere, and Markdown pages to read.

Both are derived from the YAML source and never edited by hand. Anki ids are derived from hashes so that
importing a newer export updates the notes already in a collection instead of adding copies.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki
from markdown_it import MarkdownIt

from drillkit.bank import Bank
from drillkit.errors import UsageError
from drillkit.model import Qualification, Question, letter

FORMATS = ("anki", "markdown")
DECK_PREFIX = "drillkit"
NOTE_FIELDS = ("Front", "Back", "Id")

_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; text-align: left; color: #222; background: #fff; }
.title { font-size: 1.15em; font-weight: bold; }
.meta { color: #777; font-size: 0.8em; }
pre { background: #f4f4f4; padding: 0.5em; overflow-x: auto; }
code { font-family: ui-monospace, monospace; }
.nightMode .card { color: #eee; background: #222; }
.nightMode pre { background: #333; }
"""


@dataclass(frozen=True)
class ExportResult:
    format: str
    path: Path
    questions: int
    parts: tuple[str, ...]  # Anki deck names, or the Markdown pages written


def stable_id(text: str) -> int:
    """A fixed id in the range genanki recommends (2**30 to 2**31), derived from ``text``."""
    number = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + number % (1 << 30)


def reference_sources(bank: Bank, question: Question) -> dict[str, str]:
    """Each language's reference solution of a coding question, by language (none for a hidden grader's)."""
    sources: dict[str, str] = {}
    if question.hidden_grader:
        return sources
    for language in question.languages:
        files = sorted(bank.grader_dir(question, language).glob("reference.*"))
        if files:
            sources[language] = files[0].read_text(encoding="utf-8", errors="replace").rstrip() + "\n"
    return sources


def front_markdown(question: Question) -> str:
    """The prompt and, for choice questions, the lettered choices."""
    parts = [question.prompt.strip()]
    if question.choices:
        parts.append("\n".join(f"- **{letter(i)})** {choice.text}" for i, choice in enumerate(question.choices)))
    return "\n\n".join(parts) + "\n"


def back_markdown(question: Question, references: dict[str, str] | None = None) -> str:
    """What is revealed after answering: the correct choices or model answer, explanation and references."""
    parts: list[str] = []
    if question.choices:
        correct = ", ".join(f"{letter(i)})" for i, c in enumerate(question.choices) if c.correct)
        parts.append(f"**Correct:** {correct}")
        parts.append("\n".join(f"- {'✔' if c.correct else '✘'} **{letter(i)})** {c.text} — {c.why}"
                               for i, c in enumerate(question.choices)))
    if question.answer:
        parts += ["**Model answer**", question.answer.strip()]
    if question.key_points:
        parts += ["**Key points**", "\n".join(f"- {point}" for point in question.key_points)]
    if question.rubric:
        parts += [f"**Rubric ({question.rubric_points} points)**",
                  "\n".join(f"- **{item.points}** — {item.criterion}" for item in question.rubric)]
    for language, source in (references or {}).items():
        fence = "~~~~" if "```" in source else "```"
        parts += [f"**Reference solution ({language})**", f"{fence}{language}\n{source}{fence}"]
    parts += ["**Explanation**", question.explanation.strip()]
    if question.follow_ups:
        parts += ["**Follow-ups**", "\n".join(f"- {item}" for item in question.follow_ups)]
    parts += ["**References**", "\n".join(f"- [{ref.title}]({ref.url})" for ref in question.references)]
    return "\n\n".join(parts) + "\n"


def _meta(question: Question) -> str:
    return f"{question.id} · {question.qualification} · {question.kind} · {question.difficulty} · {question.minutes} min"


def _markdown_renderer() -> MarkdownIt:
    # Raw HTML in a question stays text: an export must not carry markup nobody reviewed as markup.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _check_output_file(output: Path, suffix: str) -> None:
    if output.suffix != suffix:
        raise UsageError(f"{output} does not end in {suffix}", hint=f"name the file like bank{suffix}")
    if output.is_dir():
        raise UsageError(f"{output} is a folder; name the file to write")
    if not output.parent.is_dir():
        raise UsageError(f"no such folder: {output.parent}", hint="create it first")


def _qualification_titles(bank: Bank) -> dict[str, Qualification]:
    return {q.id: q for q in bank.qualifications}


def _in_bank_order(bank: Bank, questions: Sequence[Question]) -> dict[str, list[Question]]:
    grouped: dict[str, list[Question]] = {q.id: [] for q in bank.qualifications}
    for question in questions:
        grouped.setdefault(question.qualification, []).append(question)
    return {qualification: members for qualification, members in grouped.items() if members}


def anki_model() -> genanki.Model:
    return genanki.Model(
        stable_id("drillkit note model v1"),
        "drillkit question",
        fields=[{"name": name} for name in NOTE_FIELDS],
        templates=[{
            "name": "Question",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}",
        }],
        css=_CSS,
    )


def _anki_tag(text: str) -> str:
    # Anki separates tags with spaces.
    return "".join("_" if ch.isspace() else ch for ch in text)


def export_anki(bank: Bank, questions: Sequence[Question], output: Path) -> ExportResult:
    """One subdeck ``drillkit::<qualification>`` per qualification; note guids come from the question ids."""
    _check_output_file(output, ".apkg")
    markdown = _markdown_renderer()
    render, inline = markdown.render, markdown.renderInline
    model = anki_model()
    titles = _qualification_titles(bank)
    decks = []
    for qualification, members in _in_bank_order(bank, questions).items():
        known = titles.get(qualification)
        deck = genanki.Deck(stable_id(f"drillkit deck {qualification}"), f"{DECK_PREFIX}::{qualification}",
                            description=known.title if known else "")
        for question in members:
            front = (f'<div class="title">{inline(question.title)}</div>'
                     f'<div class="meta">{inline(_meta(question))}</div>' + render(front_markdown(question)))
            back = render(back_markdown(question, reference_sources(bank, question)))
            tags = [_anki_tag(t) for t in (question.qualification, question.kind, question.difficulty, *question.tags)]
            deck.add_note(genanki.Note(model=model, fields=[front, back, question.id], tags=tags,
                                       guid=genanki.guid_for(DECK_PREFIX, question.id)))
        decks.append(deck)
    try:
        genanki.Package(decks).write_to_file(str(output))
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    return ExportResult("anki", output, len(questions), tuple(deck.name for deck in decks))


def _question_section(bank: Bank, question: Question) -> str:
    tags = f" · tags: {', '.join(question.tags)}" if question.tags else ""
    return (f'<a id="{question.id}"></a>\n\n## {question.title}\n\n'
            f"`{question.id}` · {question.kind} · {question.difficulty} · {question.minutes} min{tags}\n\n"
            f"{front_markdown(question)}\n<details>\n<summary>Answer</summary>\n\n"
            f"{back_markdown(question, reference_sources(bank, question))}\n</details>\n")


def export_markdown(bank: Bank, questions: Sequence[Question], directory: Path) -> ExportResult:
    """One page per qualification and an ``index.md`` linking them, written into ``directory``."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file; name a folder to write the pages into")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {directory}: {exc.strerror}") from None
    titles = _qualification_titles(bank)
    grouped = _in_bank_order(bank, questions)
    pages: list[str] = []
    index_rows = []
    for qualification, members in grouped.items():
        known = titles.get(qualification)
        title = known.title if known else qualification
        contents = "\n".join(f"- [{q.title}](#{q.id}) — {q.kind}, {q.difficulty}" for q in members)
        description = f"{known.description}\n\n" if known and known.description else ""
        body = "\n".join(_question_section(bank, q) for q in members)
        page = f"{qualification}.md"
        _write(directory / page, f"# {title}\n\n{description}{len(members)} question(s).\n\n{contents}\n\n{body}")
        pages.append(page)
        index_rows.append(f"| [{title}]({page}) | {len(members)} |")
    index = ("# drillkit question bank\n\n"
             f"{len(questions)} question(s) in {len(grouped)} qualification(s). Generated by `drillkit export`; "
             "edit the YAML source, not these pages.\n\n"
             "| qualification | questions |\n|---|---:|\n" + "\n".join(index_rows) + "\n")
    _write(directory / "index.md", index)
    return ExportResult("markdown", directory, len(questions), ("index.md", *pages))


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def export(bank: Bank, questions: Sequence[Question], fmt: str, output: Path) -> ExportResult:
    if fmt == "anki":
        return export_anki(bank, questions, output)
    if fmt == "markdown":
        return export_markdown(bank, questions, output)
    raise UsageError(f"unknown export format '{fmt}'", hint=f"use one of: {', '.join(FORMATS)}")
