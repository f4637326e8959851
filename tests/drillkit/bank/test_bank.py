"""Loading and validating banks: each bad file gets its path, line and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.bank import bank_roots, load_bank, scan
from drillkit.bank.validate import validate
from drillkit.errors import BankError, UsageError

GOOD = """# yaml-language-server: $schema=../schema.json
id: {id}
title: A good question
qualification: {qualification}
kind: single-choice
difficulty: easy
minutes: 2
prompt: Which number is even?
choices:
  - text: "2"
    correct: true
    why: It divides by two.
  - text: "3"
    correct: false
    why: It leaves a remainder of one.
explanation: Even numbers divide by two without a remainder.
references:
  - title: A reference
    url: https://example.org/even
"""


def layer(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "team-bank"
    for rel, text in files.items():
        path = root / "questions" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (root / "questions").mkdir(parents=True, exist_ok=True)
    return root


def problems_of(root: Path) -> list[str]:
    report = validate([root], [root / "questions"])
    return [str(p) for p in report.problems]


def test_the_shipped_bank_is_valid() -> None:
    report = validate()
    assert report.problems == ()
    assert report.checked > 0


def test_a_good_file_in_a_layer_loads_on_top_of_the_builtin_bank(tmp_path: Path) -> None:
    root = layer(tmp_path, {"caching/team-even.yaml": GOOD.format(id="team-even", qualification="caching")})
    bank = load_bank([root])
    assert bank.get("team-even").title == "A good question"
    assert len(bank.questions) > 1


def test_an_upper_layer_replaces_a_question_with_the_same_id(tmp_path: Path) -> None:
    builtin = load_bank().get("redis-eviction-allkeys-lru")
    text = GOOD.format(id=builtin.id, qualification="caching")
    root = layer(tmp_path, {f"caching/{builtin.id}.yaml": text})
    assert load_bank([root]).get(builtin.id).title == "A good question"


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    bad = GOOD.format(id="bad-yaml", qualification="caching").replace("minutes: 2", "minutes: [2")
    root = layer(tmp_path, {"caching/bad-yaml.yaml": bad})
    problems = problems_of(root)
    assert any("bad-yaml.yaml:" in p and "malformed YAML" in p for p in problems), problems


def test_a_schema_violation_names_the_field_and_its_line(tmp_path: Path) -> None:
    bad = GOOD.format(id="no-refs", qualification="caching").split("references:")[0]
    bad = bad.replace("difficulty: easy", "difficulty: trivial")
    root = layer(tmp_path, {"caching/no-refs.yaml": bad})
    problems = problems_of(root)
    assert any("missing required field 'references'" in p for p in problems), problems
    assert any("no-refs.yaml:6: difficulty:" in p for p in problems), problems


def test_a_duplicate_id_within_a_layer_is_reported(tmp_path: Path) -> None:
    text = GOOD.format(id="twin", qualification="caching")
    root = layer(tmp_path, {"caching/twin.yaml": text, "kubernetes/twin.yaml": text.replace("caching", "kubernetes")})
    assert any("duplicate id 'twin'" in p for p in problems_of(root))


def test_an_unknown_qualification_is_reported(tmp_path: Path) -> None:
    text = GOOD.format(id="odd", qualification="astrology")
    root = layer(tmp_path, {"astrology/odd.yaml": text})
    assert any("unknown qualification 'astrology'" in p for p in problems_of(root))


def test_id_must_equal_the_file_name(tmp_path: Path) -> None:
    root = layer(tmp_path, {"caching/file-name.yaml": GOOD.format(id="other-name", qualification="caching")})
    assert any("must equal the file name" in p for p in problems_of(root))


def test_qualification_must_match_the_folder(tmp_path: Path) -> None:
    root = layer(tmp_path, {"caching/wrong-folder.yaml": GOOD.format(id="wrong-folder", qualification="kubernetes")})
    assert any("must match the folder 'caching'" in p for p in problems_of(root))


@pytest.mark.parametrize(("kind", "flags", "needle"), [
    ("single-choice", (True, True), "exactly one correct choice"),
    ("single-choice", (False, False), "exactly one correct choice"),
    ("multiple-choice", (True, False), "at least two correct and one wrong"),
    ("multiple-choice", (True, True), "at least two correct and one wrong"),
])
def test_choice_questions_need_the_right_number_of_correct_choices(tmp_path: Path, kind: str,
                                                                    flags: tuple[bool, bool], needle: str) -> None:
    text = GOOD.format(id="choices", qualification="caching").replace("kind: single-choice", f"kind: {kind}")
    text = text.replace("correct: true", f"correct: {str(flags[0]).lower()}", 1)
    text = text.replace("correct: false", f"correct: {str(flags[1]).lower()}", 1)
    root = layer(tmp_path, {"caching/choices.yaml": text})
    assert any(needle in p for p in problems_of(root)), problems_of(root)


def test_a_field_of_another_kind_is_refused(tmp_path: Path) -> None:
    text = GOOD.format(id="stray", qualification="caching") + "key_points: [a point]\n"
    assert any("'key_points' is not allowed for kind 'single-choice'" in p
               for p in problems_of(layer(tmp_path, {"caching/stray.yaml": text})))


def test_a_coding_question_without_a_grader_folder_is_reported(tmp_path: Path) -> None:
    text = GOOD.format(id="no-grader", qualification="caching").replace("kind: single-choice", "kind: coding")
    text = text.split("choices:")[0] + "languages: [python]\nexplanation: It adds the two numbers together.\nreferences:\n" \
        "  - title: ref\n    url: https://example.org/x\n"
    root = layer(tmp_path, {"caching/no-grader.yaml": text})
    assert any("has no grader folder" in p for p in problems_of(root))


def test_near_duplicate_questions_are_flagged(tmp_path: Path) -> None:
    text = GOOD.format(id="copy-a", qualification="caching").replace(
        "Which number is even?", "Which of these numbers is even, given that an even number divides by two?")
    root = layer(tmp_path, {"caching/copy-a.yaml": text,
                            "caching/copy-b.yaml": text.replace("id: copy-a", "id: copy-b")})
    assert any("near-duplicate of copy-a" in p for p in problems_of(root))


def test_everyday_loading_stops_with_one_clear_line(tmp_path: Path) -> None:
    root = layer(tmp_path, {"caching/broken.yaml": "id: [\n"})
    with pytest.raises(BankError) as caught:
        load_bank([root])
    assert "broken.yaml" in str(caught.value)
    assert "drillkit validate" in str(caught.value)


def test_a_bank_path_without_questions_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="has no questions/ folder"):
        bank_roots([tmp_path])


def test_drillkit_bank_env_adds_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = layer(tmp_path, {"caching/env-layer.yaml": GOOD.format(id="env-layer", qualification="caching")})
    monkeypatch.setenv("DRILLKIT_BANK", str(root))
    bank, problems = scan(bank_roots())
    assert problems == []
    assert bank.get("env-layer")
