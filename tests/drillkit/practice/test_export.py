"""Exports: the Anki package read back as Anki would read it, and Markdown pages holding every question."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import genanki
import pytest

from drillkit.bank import load_bank
from drillkit.bank.select import Filter, filter_questions
from drillkit.errors import UsageError
from drillkit.practice.export import export, export_anki, export_markdown, stable_id
from tests.drillkit.bank.test_bank import GOOD, layer


def read_apkg(path: Path, tmp_path: Path) -> dict[str, Any]:
    """The notes, decks and models of an .apkg: a zip holding the SQLite collection.anki2."""
    with zipfile.ZipFile(path) as package:
        assert "collection.anki2" in package.namelist()
        package.extract("collection.anki2", tmp_path / "unpacked")
    db = sqlite3.connect(tmp_path / "unpacked" / "collection.anki2")
    try:
        notes = [{"guid": guid, "mid": mid, "fields": flds.split("\x1f"), "tags": tags.split()}
                 for guid, mid, flds, tags in db.execute("select guid, mid, flds, tags from notes")]
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        card_decks = {did for (did,) in db.execute("select did from cards")}
        cards = db.execute("select count(*) from cards").fetchone()[0]
        orphans = db.execute("select count(*) from cards where nid not in (select id from notes)").fetchone()[0]
        decks_json, models_json = db.execute("select decks, models from col").fetchone()
    finally:
        db.close()
    assert orphans == 0
    decks = {d["name"]: int(d["id"]) for d in json.loads(decks_json).values()}
    assert card_decks <= set(decks.values())
    return {"notes": notes, "cards": cards, "decks": decks, "models": json.loads(models_json)}


def test_the_anki_package_holds_one_note_per_question_in_a_subdeck_per_qualification(tmp_path: Path) -> None:
    bank = load_bank()
    questions = filter_questions(bank.questions, Filter(("caching", "kubernetes")))
    result = export_anki(bank, questions, tmp_path / "bank.apkg")
    data = read_apkg(result.path, tmp_path)
    assert len(data["notes"]) == len(questions) == result.questions
    assert data["cards"] == len(questions)
    assert {"drillkit::caching", "drillkit::kubernetes"} <= set(data["decks"])
    assert data["decks"]["drillkit::caching"] == stable_id("drillkit deck caching")
    by_id = {note["fields"][2]: note for note in data["notes"]}
    assert set(by_id) == {q.id for q in questions}
    question = bank.get("redis-eviction-allkeys-lru")
    note = by_id[question.id]
    front, back, _ = note["fields"]
    assert question.title in front and "<p>" in front
    assert all(choice.text.split("`")[0][:20] in front for choice in question.choices)
    correct = next(c for c in question.choices if c.correct)
    assert "<strong>Correct:</strong>" in back and question.references[0].url in back
    assert correct.why.split("`")[0][:20] in back
    assert note["guid"] == genanki.guid_for("drillkit", question.id)
    assert {"caching", "single-choice", question.difficulty} <= set(note["tags"])
    model = data["models"][str(note["mid"])]
    assert [f["name"] for f in model["flds"]] == ["Front", "Back", "Id"]


def test_re_exporting_keeps_every_id_so_imports_update_notes(tmp_path: Path) -> None:
    bank = load_bank()
    questions = filter_questions(bank.questions, Filter(("containers",)))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = read_apkg(export_anki(bank, questions, tmp_path / "a" / "x.apkg").path, tmp_path / "a")
    second = read_apkg(export_anki(bank, questions, tmp_path / "b" / "x.apkg").path, tmp_path / "b")
    assert sorted(n["guid"] for n in first["notes"]) == sorted(n["guid"] for n in second["notes"])
    assert first["decks"] == second["decks"]
    assert set(first["models"]) == set(second["models"])


def test_coding_notes_carry_the_reference_solution(tmp_path: Path) -> None:
    bank = load_bank()
    data = read_apkg(export_anki(bank, [bank.get("lru-cache")], tmp_path / "c.apkg").path, tmp_path)
    back = data["notes"][0]["fields"][1]
    assert "Reference solution (python)" in back and '<code class="language-python">' in back


def test_raw_html_in_a_question_is_escaped_not_rendered(tmp_path: Path) -> None:
    text = GOOD.format(id="html-in-prompt", qualification="caching").replace(
        "prompt: Which number is even?", "prompt: Which number is even? <script>alert(1)</script>")
    bank = load_bank([layer(tmp_path, {"caching/html-in-prompt.yaml": text})])
    data = read_apkg(export_anki(bank, [bank.get("html-in-prompt")], tmp_path / "h.apkg").path, tmp_path)
    front = data["notes"][0]["fields"][0]
    assert "<script>" not in front and "&lt;script&gt;" in front


def test_the_markdown_export_renders_every_question(tmp_path: Path) -> None:
    bank = load_bank()
    result = export_markdown(bank, bank.questions, tmp_path / "pages")
    pages = {path.name: path.read_text() for path in (tmp_path / "pages").glob("*.md")}
    assert set(pages) == set(result.parts)
    assert len(pages) == len({q.qualification for q in bank.questions}) + 1
    for question in bank.questions:
        page = pages[f"{question.qualification}.md"]
        assert f'<a id="{question.id}"></a>' in page and f"`{question.id}`" in page, question.id
        assert question.explanation.strip().splitlines()[0] in page, question.id
    index = pages["index.md"]
    assert all(f"({name})" in index for name in pages if name != "index.md")
    assert f"{len(bank.questions)} question(s)" in index


def test_the_markdown_export_keeps_answers_folded(tmp_path: Path) -> None:
    bank = load_bank()
    export_markdown(bank, [bank.get("redis-eviction-allkeys-lru")], tmp_path)
    page = (tmp_path / "caching.md").read_text()
    prompt_at = page.index("## ")
    assert prompt_at < page.index("<details>") < page.index("**Correct:**") < page.index("</details>")


@pytest.mark.parametrize(("fmt", "name", "needle"), [
    ("anki", "bank.zip", "does not end in .apkg"),
    ("anki", "missing/bank.apkg", "no such folder"),
    ("anki", "folder.apkg", "is a folder"),
    ("markdown", "file.md", "is a file"),
    ("pdf", "x.pdf", "unknown export format 'pdf'"),
])
def test_bad_output_paths_are_usage_errors(tmp_path: Path, fmt: str, name: str, needle: str) -> None:
    (tmp_path / "folder.apkg").mkdir()
    (tmp_path / "file.md").write_text("mine")
    bank = load_bank()
    with pytest.raises(UsageError, match=needle):
        export(bank, bank.questions[:1], fmt, tmp_path / name)
    assert (tmp_path / "file.md").read_text() == "mine"


def test_a_hidden_grader_never_exports_its_reference() -> None:
    from drillkit.bank import load_bank
    from drillkit.practice.export import reference_sources
    from tests.conftest import FIXTURE_BANK

    bank = load_bank([FIXTURE_BANK])
    assert reference_sources(bank, bank.get("sandbox-add"))
    assert reference_sources(bank, bank.get("sandbox-add-hidden")) == {}
