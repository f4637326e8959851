"""drillkit export: the same filters as list, one line and exit 2 for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from drillkit.bank.select import Filter, filter_questions
from tests.conftest import Invoke
from tests.drillkit.practice.test_export import read_apkg


def test_export_command_applies_the_list_filters(run: Invoke, tmp_path: Path) -> None:
    result = run("export", "--format", "anki", "-o", str(tmp_path / "c.apkg"), "-q", "caching", "-k", "coding",
                 "-d", "medium", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = filter_questions(load_bank().questions, Filter(("caching",), ("coding",), ("medium",)))
    assert data == {"format": "anki", "path": str(tmp_path / "c.apkg"), "questions": len(expected),
                    "parts": ["drillkit::caching"]}
    assert len(read_apkg(tmp_path / "c.apkg", tmp_path)["notes"]) == len(expected)


def test_export_command_writes_markdown_pages(run: Invoke, tmp_path: Path) -> None:
    result = run("export", "-f", "markdown", "-o", str(tmp_path / "md"), "-q", "kubernetes")
    assert result.exit_code == 0, result.output
    assert "question(s) in 2 page(s)" in result.stdout
    assert sorted(p.name for p in (tmp_path / "md").iterdir()) == ["index.md", "kubernetes.md"]


@pytest.mark.parametrize(("args", "needle"), [
    (("-f", "anki", "-o", "x.apkg", "-q", "astrology"), "unknown qualification 'astrology'"),
    (("-f", "markdown", "-o", "md", "-q", "caching", "-k", "coding", "-d", "hard", "-t", "no-such-tag"),
     "no questions match"),
    (("-f", "anki", "-o", "x.txt"), "does not end in .apkg"),
    (("-f", "anki",), "Missing option '-o'"),
    (("-f", "epub", "-o", "x"), "'epub' is not one of 'anki', 'markdown'"),
])
def test_export_command_bad_input_exits_2(run: Invoke, tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    result = run("export", *args)
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert "Traceback" not in result.output
