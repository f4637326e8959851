"""drillkit new: asks for what the flags leave out, lists the qualifications, and refuses bad input clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.yamlio import load_yaml
from tests.conftest import Invoke


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    (tmp_path / "questions").mkdir()
    return tmp_path


def test_new_asks_for_everything_and_lists_qualifications_with_titles(run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), input="coding\ncaching\nClamp a number\n\n")
    assert result.exit_code == 0, result.output
    assert "Caching (Redis, Memcached)" in result.stdout and "kubernetes" in result.stdout
    for prompt in ("Kind", "Qualification", "Title", "Difficulty (easy, medium, hard) [medium]"):
        assert prompt in result.stdout
    created = bank / "questions/caching/clamp-a-number.yaml"
    data = load_yaml(created)
    assert (data["kind"], data["difficulty"], data["title"], data["revision"]) == ("coding", "medium", "Clamp a number", 1)
    assert (bank / "graders/clamp-a-number/python/test_clamp_a_number.py").is_file()
    assert f"drillkit validate {created} --run-graders" in result.stdout
    assert not (bank / "tests").exists()


def test_flags_skip_their_prompts(run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), "--kind", "design", "--title", "Design a rate limiter",
                 input="databases\nhard\n")
    assert result.exit_code == 0, result.output
    assert "Kind" not in result.stdout and "Title" not in result.stdout
    assert load_yaml(bank / "questions/databases/design-a-rate-limiter.yaml")["difficulty"] == "hard"


def test_an_unknown_qualification_at_the_prompt_is_asked_again(run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), "--kind", "short-answer", "--title", "T1 question", "--difficulty", "easy",
                 input="astrology\nkubernetes\n")
    assert result.exit_code == 0, result.output
    assert "astrology" in result.output and "is not one of" in result.output
    assert (bank / "questions/kubernetes/t1-question.yaml").is_file()


def test_input_ending_before_an_answer_names_the_missing_flag(run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), "--kind", "design", "--qualification", "caching", input="")
    assert result.exit_code == 2
    assert "drillkit: error: no title given (pass --title, or answer the prompt)" in result.stderr
    assert not list((bank / "questions").rglob("*.yaml"))


def test_golden_starts_the_golden_cases_of_a_coding_question(run: Invoke, bank: Path) -> None:
    result = run("new", "--dir", str(bank), "--kind", "coding", "--qualification", "caching", "--title", "Clamp",
                 "--difficulty", "easy", "--golden")
    assert result.exit_code == 0, result.output
    golden = bank / "tests/golden/clamp"
    assert sorted(p.name for p in golden.iterdir()) == ["bad_starter.py", "good_reference.py"]
    assert str(golden / "good_reference.py") in result.stdout


@pytest.mark.parametrize(("args", "needle"), [
    (("--kind", "design", "--golden"), "--golden is for coding questions"),
    (("--kind", "design", "--title", "  "), "the title is empty"),
    (("--kind", "design", "--title", "!!!"), "'' is not a valid id"),
    (("--kind", "design", "--id", "Bad_Id"), "'Bad_Id' is not a valid id"),
    (("--kind", "design", "--id", "redis-eviction-allkeys-lru"), "id 'redis-eviction-allkeys-lru' is taken"),
    (("--kind", "essay",), "'essay' is not one of"),
    (("--kind", "design", "--lang", "go"), "--lang is for coding questions"),
    (("--kind", "coding", "--lang", "rust"), "'rust' is not one of"),
])
def test_bad_input_is_one_line_and_exit_2(run: Invoke, bank: Path, args: tuple[str, ...], needle: str) -> None:
    defaults = {"--qualification": "caching", "--title": "A title", "--difficulty": "easy"}
    flags = [item for key, value in defaults.items() if key not in args for item in (key, value)]
    result = run("new", "--dir", str(bank), *flags, *args)
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_a_folder_without_questions_is_refused(run: Invoke, tmp_path: Path) -> None:
    result = run("new", "--dir", str(tmp_path), input="design\n")
    assert result.exit_code == 2
    assert "holds no questions/ folder" in result.stderr
    assert "Kind" not in result.stdout  # refused before asking anything


def test_new_works_while_another_question_is_half_written(run: Invoke, bank: Path) -> None:
    flags = ("--dir", str(bank), "--kind", "design", "--qualification", "caching", "--difficulty", "easy")
    assert run("new", *flags, "--title", "First design").exit_code == 0
    second = run("--bank", str(bank), "new", *flags, "--title", "Second design")
    assert second.exit_code == 0, second.output
    again = run("--bank", str(bank), "new", *flags, "--title", "First design")
    assert again.exit_code == 2
    assert "id 'first-design' is taken" in again.stderr


def test_the_bank_s_own_qualifications_are_offered(run: Invoke, bank: Path) -> None:
    (bank / "questions/qualifications.yaml").write_text(
        "qualifications:\n  - id: team-tools\n    title: Our internal tools\n    phrases: [tooling]\n")
    result = run("new", "--dir", str(bank), "--kind", "design", "--title", "Deploy tool", "--difficulty", "easy",
                 input="team-tools\n")
    assert result.exit_code == 0, result.output
    assert "Our internal tools" in result.stdout
    assert (bank / "questions/team-tools/deploy-tool.yaml").is_file()
