"""Languages on the command line: inferred from the file, refused where an exercise lacks them, and validated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_BANK, Invoke


def test_check_refuses_a_file_whose_extension_names_no_language(run: Invoke, tmp_path: Path) -> None:
    answer = tmp_path / "answer.rs"
    answer.write_text("fn main() {}\n")
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(answer))
    assert result.exit_code == 2
    assert "cannot tell the language of" in result.output and "--lang" in result.output


def test_check_of_a_language_the_exercise_lacks_names_the_ones_it_has(run: Invoke, tmp_path: Path) -> None:
    answer = tmp_path / "answer.go"
    answer.write_text("package solution\n")
    result = run("--bank", str(FIXTURE_BANK), "check", "sandbox-add", str(answer))
    assert result.exit_code == 2
    assert "has no grader for language 'go'" in result.output and "it has: python" in result.output


def test_solve_in_a_language_the_exercise_lacks_is_a_usage_error(run: Invoke, tmp_path: Path) -> None:
    result = run("--bank", str(FIXTURE_BANK), "solve", "sandbox-add", "--lang", "java", "--dir", str(tmp_path))
    assert result.exit_code == 2 and "has no grader for language 'java'" in result.output
    assert not list(tmp_path.iterdir())


def copy_bank(tmp_path: Path) -> Path:
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURE_BANK, bank)
    return bank


def test_validate_refuses_a_grader_folder_for_a_language_the_question_does_not_list(run: Invoke,
                                                                                    tmp_path: Path) -> None:
    bank = copy_bank(tmp_path)
    go = bank / "graders" / "sandbox-add" / "go"
    go.mkdir()
    (go / "reference.go").write_text("package solution\n")
    result = run("validate", str(bank / "questions"))
    assert result.exit_code == 1
    assert "is for a language the question does not list: add 'go' to languages" in result.output


def test_validate_wants_a_reference_and_starter_in_each_listed_language(run: Invoke, tmp_path: Path) -> None:
    bank = copy_bank(tmp_path)
    question = next((bank / "questions").rglob("sandbox-add.yaml"))
    question.write_text(question.read_text().replace("languages: [python]", "languages: [python, cpp]"))
    cpp = bank / "graders" / "sandbox-add" / "cpp"
    cpp.mkdir()
    (cpp / "reference.hpp").write_text("int add(int a, int b) { return a + b; }\n")
    (cpp / "starter.py").write_text("# the wrong language's file\n")
    result = run("validate", str(bank / "questions"))
    assert result.exit_code == 1
    assert "grader folder has no starter file (starter.hpp for cpp)" in result.output


def test_validate_wants_the_adapter_of_each_listed_language_and_finds_placeholders_in_its_files(
        run: Invoke, tmp_path: Path) -> None:
    bank = copy_bank(tmp_path)
    question = next((bank / "questions").rglob("sandbox-add.yaml"))
    question.write_text(question.read_text().replace("languages: [python]", "languages: [python, go]"))
    go = bank / "graders" / "sandbox-add" / "go"
    go.mkdir()
    (go / "reference.go").write_text("package solution\n\nfunc Add(a, b int) int { return a + b }\n")
    (go / "starter.go").write_text("package solution\n\n// TODO(drillkit): describe the task\nfunc Add(a, b int) int "
                                   "{ panic(\"not implemented\") }\n")
    result = run("validate", str(bank / "questions"))
    assert result.exit_code == 1
    assert "grader folder has no adapter.go: the Go driver needs it" in result.output
    assert "starter.go:3: placeholder TODO(drillkit)" in result.output


def test_validate_names_each_languages_reference_and_starter_in_its_table(
        run: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    import drillkit.graders
    from drillkit.bank.validate import GraderCheck

    def fake_runner(bank: object, question: object, backend: object = None) -> list[GraderCheck]:
        return [GraderCheck("sandbox-add", language, role, "pass" if role == "reference" else "fail",
                            "pass" if role == "reference" else "fail", "")
                for language in ("python", "go", "java", "cpp") for role in ("reference", "starter")]

    monkeypatch.setattr(drillkit.graders, "run_reference_and_starter", fake_runner)
    result = run("--bank", str(FIXTURE_BANK), "validate", "--run-graders",
                 str(next((FIXTURE_BANK / "questions").rglob("sandbox-add.yaml"))))
    assert result.exit_code == 0, result.output
    for name in ("python/reference.py", "go/starter.go", "java/reference.java", "cpp/starter.hpp"):
        assert name in result.stdout
