"""Taking a screen: the candidate sheet as data, the answers file written as it goes, and what binds it to its set."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from drillkit.bank import load_bank
from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing import binding
from drillkit.interviewing.interview import InterviewSet, SetRequest, interview_set
from drillkit.interviewing.packet import candidate_json, interviewer_json
from drillkit.interviewing.screen import (
    Answers,
    choice_answer,
    coding_answer,
    load_sheet,
    open_answers,
    read_answers,
    sheet_expectations,
    skipped_answer,
    verify,
    write_answers,
)
from tests.conftest import REPO

BANK = load_bank()
SEED_POSTING = REPO / "tests" / "fixtures" / "postings" / "meta-backend-engineer.txt"


def screen(minutes: int = 60, seed: int = 4) -> InterviewSet:
    return interview_set(BANK, SetRequest(minutes=minutes, seed=seed, posting=SEED_POSTING, shape="screen"),
                         record=False)


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def sheet_file(tmp_path: Path) -> Path:
    return write(tmp_path / "candidate.json", candidate_json(screen()))


def answered(sheet_file: Path, tmp_path: Path) -> tuple[Answers, Path]:
    """Every choice question answered 'a' (or a,b), the exercise skipped, written as quiz --set writes it."""
    sheet = load_sheet(sheet_file)
    path = tmp_path / "answers.json"
    answers, resumed = open_answers(path, sheet)
    assert not resumed
    for question in sheet.questions:
        if question.kind == "coding":
            answer = skipped_answer(question, 5.0)
        else:
            answer = choice_answer(question, ["a"] if question.kind == "single-choice" else ["a", "b"], 12.5)
        answers = answers.add(answer)
        write_answers(path, answers)
    return answers, path


def test_the_candidate_sheet_loads_and_gives_nothing_away(tmp_path: Path) -> None:
    interview = screen()
    sheet_file = write(tmp_path / "candidate.json", candidate_json(interview))
    sheet = load_sheet(sheet_file)
    assert sheet.set_id == interview.set_id and sheet.shape == "screen"
    assert [q.kind for q in sheet.questions] == [q.kind for q in interview.questions]
    text = sheet_file.read_text()
    for question in interview.questions:
        assert f'"{question.id}"' not in text
        assert question.explanation.strip()[:60] not in text
    assert '"correct"' not in text and interview.nonce not in text and interview.key_digest not in text
    coding = next(q for q in sheet.questions if q.kind == "coding")
    offered = next(q for q in interview.questions if q.kind == "coding").languages
    assert sorted(coding.languages) == sorted(offered) and all(coding.starter(lang) for lang in coding.languages)


def test_the_set_id_cannot_be_recomputed_without_the_interviewers_nonce() -> None:
    interview = screen()
    entries = [(q.id, q.revision, interview.fingerprint(q)) for q in interview.questions]
    assert binding.set_id(interview.nonce, interview.source, "screen", interview.seed, entries) == interview.set_id
    assert binding.set_id("", interview.source, "screen", interview.seed, entries) != interview.set_id


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d.update(packet="interviewer"), "is the interviewer's packet"),
    (lambda d: d.update(shape="live"), "is a live set; only a screen is taken in drillkit"),
    (lambda d: d.update(packet="something"), "is not a drillkit candidate sheet"),
    (lambda d: d.update(version=99), "written by a newer drillkit"),
    (lambda d: d["questions"][0].update(prompt="Which is best? (edited)"), "question 1 was changed after drillkit"),
    (lambda d: d["questions"][0]["choices"].reverse(), "question 1 was changed after drillkit"),
    (lambda d: d["questions"][0].update(kind="short-answer"), "kind 'short-answer' is not scored by drillkit"),
    (lambda d: d["questions"][1].update(number=7), "the questions must run 1, 2, 3"),
    (lambda d: d["questions"][0].update(minutes="2"), "'minutes' must be a whole number"),
    (lambda d: d.update(questions=[]), "the sheet has no questions"),
])
def test_a_bad_candidate_sheet_is_refused_in_one_line(tmp_path: Path, mutate: Any, needle: str) -> None:
    data = candidate_json(screen())
    mutate(data)
    with pytest.raises(UsageError, match=needle) as caught:
        load_sheet(write(tmp_path / "candidate.json", data))
    assert "\n" not in str(caught.value)


def test_the_interviewer_packet_is_refused_as_a_sheet(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="holds the answers"):
        load_sheet(write(tmp_path / "interviewer.json", interviewer_json(screen())))


@pytest.mark.parametrize(("content", "needle"), [
    (None, "no such a candidate sheet"),
    (b"{not json", "is not valid JSON"),
    (b"[1, 2]", "holds a JSON list"),
    (b"\xff\xfe\x00", "is not UTF-8 text"),
])
def test_a_sheet_file_that_is_not_json_is_refused(tmp_path: Path, content: bytes | None, needle: str) -> None:
    path = tmp_path / "candidate.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UsageError, match=needle):
        load_sheet(path)


def test_answers_are_written_as_they_go_and_read_back(sheet_file: Path, tmp_path: Path) -> None:
    answers, path = answered(sheet_file, tmp_path)
    back = read_answers(path)
    assert back == answers and back.complete
    verify(back, path, answers.set_id, sheet_expectations(load_sheet(sheet_file)))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".answers")] == []  # no temporary left


def test_a_write_that_fails_half_way_leaves_the_last_answers_intact(sheet_file: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _answers, path = answered(sheet_file, tmp_path)
    before = path.read_bytes()
    sheet = load_sheet(sheet_file)
    fresh, _ = open_answers(tmp_path / "other.json", sheet)

    def crash(*args: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C between writing the temporary file and renaming it

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_answers(path, fresh.add(choice_answer(sheet.questions[0], ["b"], 1.0)))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_an_unwritable_answers_file_is_found_before_the_first_question(sheet_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(UsageError, match="cannot write the answers file"):
        open_answers(blocker / "answers.json", load_sheet(sheet_file))


def test_a_stopped_screen_resumes_where_it_stopped(sheet_file: Path, tmp_path: Path) -> None:
    sheet = load_sheet(sheet_file)
    path = tmp_path / "answers.json"
    answers, _ = open_answers(path, sheet)
    write_answers(path, answers.add(choice_answer(sheet.questions[0], ["a"], 3.0)))
    resumed, was_resumed = open_answers(path, sheet)
    assert was_resumed and resumed.answered == {1}


def test_an_answers_file_of_another_set_is_not_overwritten(sheet_file: Path, tmp_path: Path) -> None:
    _, path = answered(sheet_file, tmp_path)
    other = load_sheet(write(tmp_path / "other.json", candidate_json(screen(seed=5))))
    before = path.read_bytes()
    with pytest.raises(UsageError, match="holds answers to another set"):
        open_answers(path, other)
    assert path.read_bytes() == before


def test_choice_answers_are_checked_as_they_are_given(sheet_file: Path) -> None:
    sheet = load_sheet(sheet_file)
    single = next(q for q in sheet.questions if q.kind == "single-choice")
    with pytest.raises(UsageError, match="picks 2 letters for a single-choice question"):
        choice_answer(single, ["a", "b"], 1.0)
    with pytest.raises(UsageError, match="not a choice"):
        choice_answer(single, ["z"], 1.0)
    assert choice_answer(single, ["b"], 1.0).picked == ("b",)


def test_a_coding_answer_carries_its_source(sheet_file: Path, tmp_path: Path) -> None:
    sheet = load_sheet(sheet_file)
    exercise = next(q for q in sheet.questions if q.kind == "coding")
    solution = tmp_path / "mine.py"
    solution.write_text("class CircuitBreaker: ...\n")
    answer = coding_answer(exercise, "python", solution, 600.0)
    assert (answer.source, answer.file, answer.language) == ("class CircuitBreaker: ...\n", "mine.py", "python")
    with pytest.raises(NotFoundError, match="no such submission file"):
        coding_answer(exercise, "python", tmp_path / "missing.py", 1.0)
    with pytest.raises(UsageError, match="is not a language of this exercise"):
        coding_answer(exercise, "cobol", solution, 1.0)
    big = tmp_path / "big.py"
    big.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(UsageError, match="at most 1024 KB"):
        coding_answer(exercise, "python", big, 1.0)


# --- a tampered or mismatched answers file: refused in one line ----------------------------------------------


def tampered(sheet_file: Path, tmp_path: Path, mutate: Any) -> tuple[Path, str]:
    answers, path = answered(sheet_file, tmp_path)
    data = json.loads(path.read_text())
    mutate(data)
    path.write_text(json.dumps(data))
    return path, answers.set_id


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d["answers"][0].update(picked=["b"]), "answer to question 1 was changed after drillkit recorded it"),
    (lambda d: d["answers"][2].update(seconds=1.0), "answer to question 3 was changed after drillkit recorded it"),
    (lambda d: d["answers"].reverse(), "was changed after drillkit recorded it"),
    (lambda d: d["answers"].pop(1), "answer to question 3 was changed after drillkit recorded it"),
    (lambda d: d["answers"][0].update(number=2), "question 2 is answered twice"),
    (lambda d: d["answers"][-1].update(number=40), "question 40, which this set does not have"),
    (lambda d: d.update(set_id="sha256:" + "0" * 64), "answers another set"),
    (lambda d: d["answers"][0].update(fingerprint="sha256:" + "1" * 64), "was given to a different question"),
    (lambda d: d["answers"][0].update(pick=d["answers"][0].pop("picked")), "'picked' is missing"),
    (lambda d: d["answers"][0].update(correct=True), "fields drillkit never writes"),
    (lambda d: d["answers"][0].update(picked=["q"]), "picks 'q', which is not a choice"),
    (lambda d: d["answers"][0].update(picked="a"), "'picked' must be a list"),
    (lambda d: d["answers"][0].update(seconds=True), "'seconds' must be a whole number or a number"),
    (lambda d: d.update(questions=3), "says the set has 3 questions"),
    (lambda d: d.update(drillkit="other"), "is not a drillkit answers file"),
    (lambda d: d.update(version=2), "written by a newer drillkit"),
])
def test_a_tampered_or_mismatched_answers_file_is_refused(sheet_file: Path, tmp_path: Path, mutate: Any,
                                                          needle: str) -> None:
    path, set_id = tampered(sheet_file, tmp_path, mutate)
    with pytest.raises(UsageError, match=needle) as caught:
        verify(read_answers(path), path, set_id, sheet_expectations(load_sheet(sheet_file)))
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_answers_re_chained_by_hand_with_an_edited_sheet_are_still_refused(sheet_file: Path, tmp_path: Path) -> None:
    """Someone who re-implements the chain can forge digests, but not the fingerprint of the question as keyed."""
    sheet = load_sheet(sheet_file)
    data = json.loads(sheet_file.read_text())
    data["questions"][0]["choices"].reverse()  # shuffle the choices so 'a' means another answer
    q = data["questions"][0]
    q["fingerprint"] = binding.fingerprint(q["title"], q["kind"], q["minutes"], q["prompt"],
                                           [c["text"] for c in q["choices"]], q["languages"])
    forged_sheet = load_sheet(write(tmp_path / "forged.json", data))
    answers = Answers(sheet.set_id, "now", len(sheet.questions)).add(
        choice_answer(forged_sheet.questions[0], ["a"], 1.0))
    path = tmp_path / "forged-answers.json"
    write_answers(path, answers)
    with pytest.raises(UsageError, match="was given to a different question"):
        verify(read_answers(path), path, sheet.set_id, sheet_expectations(sheet))
