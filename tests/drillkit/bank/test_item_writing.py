"""Item-writing checks: the per-file warnings contributors see, and the bank-level targets the shipped bank meets."""

from __future__ import annotations

from pathlib import Path

import pytest

from drillkit.bank.item_writing import choice_stats, item_warnings, key_length_ratio
from drillkit.model import Choice, Question

SAME = "A distractor of ordinary length here"


def choice_question(tmp_path: Path, choices: list[tuple[str, bool]], *, prompt: str = "Which one holds?",
                    kind: str = "single-choice", name: str = "q") -> Question:
    path = tmp_path / f"{name}.yaml"
    lines = ["# yaml-language-server: $schema=../schema.json", f"id: {name}", f"kind: {kind}", "prompt: |",
             f"  {prompt}", "choices:"]
    for text, correct in choices:
        lines += [f"  - text: \"{text}\"", f"    correct: {str(correct).lower()}", "    why: because"]
    path.write_text("\n".join(lines) + "\n")
    return Question(id=name, title=name, qualification="caching", kind=kind, difficulty="easy",  # type: ignore[arg-type]
                    minutes=2, prompt=prompt, explanation="!", references=(), path=path,
                    choices=tuple(Choice(text, correct, "because") for text, correct in choices))


def messages(question: Question) -> list[str]:
    return [f"{w.line}: {w.message}" for w in item_warnings(question)]


def test_a_key_three_times_longer_than_its_distractors_is_warned_about_at_its_line(tmp_path: Path) -> None:
    key = "The key, which explains at length every detail of why it is right and what else one should know too"
    question = choice_question(tmp_path, [("Short one", False), (key, True), ("Short two", False), ("Short 3", False)])
    assert key_length_ratio(question) > 3
    found = messages(question)
    assert len(found) == 1
    assert found[0].startswith("10: item writing: the correct choice is") and "as long as the others" in found[0]


def test_choices_of_equal_length_raise_no_warning(tmp_path: Path) -> None:
    question = choice_question(tmp_path, [(SAME, False), ("The key is of ordinary length too", True),
                                          ("Another distractor of that length", False), ("One more of that size", False)])
    assert messages(question) == []


@pytest.mark.parametrize("catch_all", ["All of the above", "None of the above.", "both of the others are right"])
def test_catch_all_choices_are_warned_about(tmp_path: Path, catch_all: str) -> None:
    question = choice_question(tmp_path, [(SAME, True), (SAME + " too", False), (catch_all, False)])
    assert any("'all/none of the above'" in m for m in messages(question))


def test_a_repeated_or_reworded_choice_is_a_near_duplicate(tmp_path: Path) -> None:
    prose = "Replicas exchange Merkle trees and stream only the ranges that differ"
    question = choice_question(tmp_path, [(prose, True), (prose.replace("only", "just"), False), (SAME, False)])
    assert any("choices 1 and 2 say almost the same" in m for m in messages(question))


@pytest.mark.parametrize("pair", [
    ("`WHERE a = 1 AND c = 3`", "`WHERE a = 1 AND b = 3`"),
    ("At most 13 pods in total; at least 7 available.", "At most 13 pods in total; at least 8 available."),
    ("12 minutes", "32 minutes"),
])
def test_code_numbers_and_short_answers_may_differ_in_one_detail(tmp_path: Path, pair: tuple[str, str]) -> None:
    question = choice_question(tmp_path, [(pair[0], True), (pair[1], False), (SAME, False)])
    assert not any("almost the same" in m for m in messages(question))


@pytest.mark.parametrize(("prompt", "warned"), [
    ("A cluster runs three nodes.\n\nWhich of these is not a valid CQL query?", True),
    ("Every option but one holds. All of these are true except which?", True),
    ("Which of these is NOT a valid CQL query?", False),
    ("Which of these is **not** a valid CQL query?", False),
    ("The test did not reveal the queueing. What best explains why?", False),
    ("The catalog has not changed. What should the server do?", False),
])
def test_negative_stems_are_warned_about_unless_emphasised(tmp_path: Path, prompt: str, warned: bool) -> None:
    question = choice_question(tmp_path, [(SAME, True), ("Something else entirely", False), ("A third idea", False)],
                               prompt=prompt)
    assert any("negative stem" in m for m in messages(question)) is warned


def stats_of(questions: list[Question]) -> dict[str, float]:
    return {t.name.split(" (")[0]: t.value for t in choice_stats(questions).targets}


def test_the_bank_level_shares_count_what_a_length_strategy_would_get(tmp_path: Path) -> None:
    long_key = [choice_question(tmp_path, [("short", False), ("a much longer key here", True), ("tiny", False),
                                           ("small", False)], name=f"long{i}") for i in range(3)]
    fair = choice_question(tmp_path, [("a longer distractor", False), ("the key", True), ("another", False),
                                      ("and more", False)], name="fair")
    shares = stats_of([*long_key, fair])
    assert shares["single-choice: the longest choice is the key"] == 0.75
    assert shares["single-choice: the shortest choice is the key"] == 0.25  # "the key" ties with "another"
    assert shares["single-choice: the key is over 1.25x the others' mean length"] == 0.75
    assert shares["single-choice: the key is choice 2"] == 1.0
    assert shares["single-choice: the key is choice 1"] == 0.0


def test_multiple_choice_patterns_and_the_median_strategy(tmp_path: Path) -> None:
    cued = choice_question(tmp_path, [("a long correct choice", True), ("short", False), ("another long key", True),
                                      ("tiny", False)], kind="multiple-choice", name="cued")
    fair = choice_question(tmp_path, [("short key", True), ("a long distractor", False), ("key", True),
                                      ("another long one", False), ("x", True)], kind="multiple-choice", name="fair")
    stats = choice_stats([cued, fair])
    shares = {t.name.split(" (")[0]: t.value for t in stats.targets}
    assert shares["multiple-choice: 'every choice at least the median length' is the exact key set"] == 0.5
    assert dict(stats.patterns) == {"2 of 4": 1, "3 of 5": 1}
    assert shares["multiple-choice: the commonest pattern"] == 0.5


def test_the_shipped_bank_meets_every_bank_level_target_and_has_no_item_writing_warning() -> None:
    from drillkit.bank import load_bank

    questions = load_bank().questions
    stats = choice_stats(questions)
    missed = [f"{t.name}: {t.count}/{t.out_of}" for t in stats.targets if not t.met]
    assert not missed, missed
    warned = [str(w) for q in questions for w in item_warnings(q)]
    assert not warned, warned[:5]
