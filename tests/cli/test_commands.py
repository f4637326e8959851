"""The commands through click's CliRunner, with an isolated data directory (see conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drillkit.bank import load_bank
from tests.conftest import FIXTURE_BANK, Invoke


def no_traceback(text: str) -> None:
    assert "Traceback" not in text


def test_list_json_lists_every_question_with_its_fields(run: Invoke) -> None:
    result = run("list", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) == len(load_bank().questions)
    assert {"id", "qualification", "kind", "difficulty", "minutes"} <= set(data[0])


def test_list_filters_combine(run: Invoke) -> None:
    data = json.loads(run("list", "-q", "caching", "-k", "single-choice", "--json").stdout)
    assert data and all(q["qualification"] == "caching" and q["kind"] == "single-choice" for q in data)


def test_list_text_search_finds_by_words(run: Invoke) -> None:
    data = json.loads(run("list", "--search", "redis eviction", "--json").stdout)
    assert "redis-eviction-allkeys-lru" in [q["id"] for q in data]


def test_an_empty_filter_result_is_one_line_and_exit_2(run: Invoke) -> None:
    result = run("list", "--search", "no-such-words-anywhere-xyz")
    assert result.exit_code == 2
    assert "no questions match" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_qualification_is_named_with_the_known_ones(run: Invoke) -> None:
    result = run("list", "-q", "astrology")
    assert result.exit_code == 2
    assert "unknown qualification 'astrology'" in result.stderr
    assert "caching" in result.stderr


def test_show_unknown_id_suggests_close_ids(run: Invoke) -> None:
    result = run("show", "redis-eviction-allkeys-lr")
    assert result.exit_code == 2
    assert "unknown question id 'redis-eviction-allkeys-lr'" in result.stderr
    assert "did you mean redis-eviction-allkeys-lru" in result.stderr
    no_traceback(result.output)


def test_show_hides_the_answer_until_asked(run: Invoke) -> None:
    hidden = run("show", "redis-eviction-allkeys-lru").stdout
    shown = run("show", "redis-eviction-allkeys-lru", "--answer").stdout
    assert "Explanation" not in hidden
    assert "Explanation" in shown
    assert "volatile-lru" in shown


def test_show_json_without_answer_omits_correctness(run: Invoke) -> None:
    data = json.loads(run("show", "redis-eviction-allkeys-lru", "--json").stdout)
    assert "explanation" not in data
    assert all(set(c) == {"text"} for c in data["choices"])


def correct_answers(ids: list[str]) -> str:
    bank = load_bank()
    lines = []
    for question_id in ids:
        question = bank.get(question_id)
        if question.is_choice:
            lines.append(",".join(question.correct_letters))
        else:
            lines += ["my answer", "", "all"]  # every key point (or rubric criterion) covered
    return "\n".join(lines) + "\n"


def quiz_ids(run: Invoke, *args: str) -> list[str]:
    from drillkit.bank.select import Filter, filter_questions, pick

    bank = load_bank()
    flt = Filter(("caching",), ("single-choice", "multiple-choice", "short-answer", "design"))
    return [q.id for q in pick(filter_questions(bank.questions, flt), 3, 1)]


def test_a_quiz_runs_from_piped_answers_and_scores_them(run: Invoke) -> None:
    ids = quiz_ids(run)
    result = run("quiz", "--qualification", "caching", "-n", "3", "--seed", "1", input=correct_answers(ids))
    assert result.exit_code == 0, result.output
    assert "Score: 3/3 right (100%)" in result.stdout
    for question_id in ids:
        assert question_id in result.stdout


def test_the_same_seed_serves_the_same_questions(run: Invoke) -> None:
    first = run("quiz", "-q", "caching", "-n", "3", "--seed", "5", input="").stdout
    second = run("quiz", "-q", "caching", "-n", "3", "--seed", "5", input="").stdout
    assert first == second


def test_a_wrong_choice_is_marked_and_explained(run: Invoke) -> None:
    bank = load_bank()
    question = bank.get("redis-eviction-allkeys-lru")
    wrong = next(letter for letter in "abcd" if letter not in question.correct_letters)
    result = run("quiz", "-q", "caching", "-k", "single-choice", "-n", "50", "--seed", "1", input=f"{wrong}\nq\n")
    assert "Not quite" in result.stdout or "Correct" in result.stdout
    assert "Explanation" in result.stdout


def test_stdin_closing_mid_quiz_ends_with_a_summary_of_what_was_answered(run: Invoke) -> None:
    ids = quiz_ids(run)
    first_only = correct_answers(ids[:1])
    result = run("quiz", "--qualification", "caching", "-n", "3", "--seed", "1", input=first_only)
    assert result.exit_code == 0
    assert "input ended" in result.stderr
    assert "Score: 1/1 right" in result.stdout
    no_traceback(result.output)


def test_an_invalid_letter_is_asked_again(run: Invoke) -> None:
    result = run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "2", input="z\nq\n")
    assert "is not a choice" in result.stderr


def test_hints_are_revealed_one_by_one(run: Invoke) -> None:
    result = run("quiz", "-q", "caching", "-k", "single-choice", "-n", "1", "--seed", "2", input="h\nh\nh\nh\nq\n")
    assert "Hint 1/" in result.stdout


def test_validate_passes_on_the_shipped_bank(run: Invoke) -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "valid" in result.stdout


def test_validate_lists_every_problem_and_exits_1(run: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bad-bank"
    (bank / "questions" / "caching").mkdir(parents=True)
    (bank / "questions" / "caching" / "one.yaml").write_text("id: [\n")
    (bank / "questions" / "caching" / "two.yaml").write_text("# yaml-language-server: $schema=../schema.json\nid: two\n")
    result = run("validate", str(bank / "questions"))
    assert result.exit_code == 1
    assert "one.yaml:" in result.stderr and "malformed YAML" in result.stderr
    assert "two.yaml:" in result.stderr and "missing required field 'title'" in result.stderr
    no_traceback(result.output)


def test_a_broken_layer_stops_everyday_commands_with_one_line(run: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bad-bank"
    (bank / "questions" / "caching").mkdir(parents=True)
    (bank / "questions" / "caching" / "one.yaml").write_text("id: [\n")
    result = run("--bank", str(bank), "list")
    assert result.exit_code == 1
    assert "one.yaml:" in result.stderr and "drillkit validate" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["single-choice", "multiple-choice", "short-answer", "design", "coding"])
def test_new_scaffolds_a_file_that_validates_except_for_marked_placeholders(run: Invoke, tmp_path: Path,
                                                                            kind: str) -> None:
    (tmp_path / "questions").mkdir()
    result = run("new", "--kind", kind, "--qualification", "caching", "--title", f"My {kind} question",
                 "--difficulty", "easy", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    slug = f"my-{kind}-question"
    created = tmp_path / "questions" / "caching" / f"{slug}.yaml"
    assert created.is_file()
    if kind == "coding":
        assert (tmp_path / "graders" / slug / "python" / "reference.py").is_file()
    check = run("validate", str(created))
    problems = [line for line in check.stderr.splitlines() if ".yaml" in line or ".py" in line]
    assert check.exit_code == 1
    assert problems and all("TODO(drillkit)" in line for line in problems), problems


def test_new_refuses_an_unknown_qualification(run: Invoke, tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    result = run("new", "--kind", "design", "--qualification", "astrology", "--title", "T", "--difficulty", "easy",
                 "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown qualification 'astrology'" in result.stderr


def test_solve_writes_the_starter_with_the_prompt_and_prints_the_check_command(run: Invoke, tmp_path: Path) -> None:
    result = run("--bank", str(FIXTURE_BANK), "solve", "sandbox-add", "--dir", str(tmp_path))
    assert result.exit_code == 0
    written = tmp_path / "sandbox_add.py"
    assert "def add(a, b):" in written.read_text()
    assert written.read_text().startswith("# Add two numbers")
    assert f"drillkit check sandbox-add {written}" in result.stdout
    written.write_text("my work")
    again = run("--bank", str(FIXTURE_BANK), "solve", "sandbox-add", "--dir", str(tmp_path))
    assert written.read_text() == "my work"
    assert "kept your work" in again.stderr


@pytest.mark.parametrize(("args", "needle"), [
    (("check", "no-such-question", "x.py"), "unknown question id"),
    (("check", "redis-eviction-allkeys-lru", "x.py"), "only coding questions are graded"),
    (("check", "sandbox-add", "/nonexistent/solution.py"), "no such submission file"),
    (("check", "sandbox-add", "x.py", "--lang", "cobol"), "'cobol' is not one of 'python', 'go', 'java', 'cpp'"),
])
def test_check_bad_input_is_a_usage_error(run: Invoke, args: tuple[str, ...], needle: str) -> None:
    result = run("--bank", str(FIXTURE_BANK), *args)
    assert result.exit_code == 2, result.output
    assert needle in result.stderr
    no_traceback(result.output)


def test_check_without_a_daemon_exits_3_and_says_how_to_start_one(run: Invoke, monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    reference = FIXTURE_BANK / "graders" / "sandbox-add" / "python" / "reference.py"
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(reference))
    assert result.exit_code == 3
    assert "cannot reach the Docker daemon" in result.stderr
    assert "dockerd" in result.stderr


def test_doctor_without_a_daemon_says_how_to_start_one(run: Invoke, monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    result = run("sandbox", "doctor")
    assert result.exit_code == 3
    assert "dockerd" in result.stdout


@pytest.mark.usefixtures("docker_ready")
def test_check_without_the_runner_image_exits_3_and_names_the_build_command(
        run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    import sandbox.image

    monkeypatch.setattr(sandbox.image, "context_hash", lambda language: "0000000000000000")
    reference = FIXTURE_BANK / "graders" / "sandbox-add" / "python" / "reference.py"
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(reference))
    assert result.exit_code == 3
    assert "is out of date" in result.stderr
    assert "drillkit sandbox build" in result.stderr
