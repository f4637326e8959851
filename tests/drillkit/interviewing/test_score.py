"""Scoring a screen: the rules, the total and subtotals, coding through a grader, and refused packets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from drillkit.bank import load_bank
from drillkit.errors import UsageError
from drillkit.interviewing.interview import InterviewSet, SetRequest, interview_set
from drillkit.interviewing.packet import candidate_json, interviewer_json
from drillkit.interviewing.score import CodingGrade, PacketQuestion, load_packet, score_files, score_screen
from drillkit.interviewing.screen import (
    Answers,
    ScreenAnswer,
    choice_answer,
    coding_answer,
    load_sheet,
    read_answers,
    skipped_answer,
    write_answers,
)
from drillkit.model import letter
from tests.conftest import REPO

BANK = load_bank()
SEED_POSTING = REPO / "tests" / "fixtures" / "postings" / "meta-backend-engineer.txt"


@pytest.fixture(scope="module")
def interview() -> InterviewSet:
    return interview_set(BANK, SetRequest(minutes=60, seed=4, posting=SEED_POSTING, shape="screen"), record=False)


@pytest.fixture
def files(interview: InterviewSet, tmp_path: Path) -> tuple[Path, Path]:
    packet = tmp_path / "interviewer.json"
    packet.write_text(json.dumps(interviewer_json(interview)))
    sheet = tmp_path / "candidate.json"
    sheet.write_text(json.dumps(candidate_json(interview)))
    return packet, sheet


def fake_grader(passed: int, total: int, status: str = "fail") -> Any:
    calls: list[tuple[str, str, str]] = []

    def grade(question: PacketQuestion, language: str, source: str) -> CodingGrade:
        calls.append((question.id, language, source))
        return CodingGrade(status, passed, total, 0.5, None, ("test_a",) if passed < total else ())

    grade.calls = calls  # type: ignore[attr-defined]
    return grade


def take(files: tuple[Path, Path], tmp_path: Path, picks: dict[int, list[str] | None], code: str | None) -> Path:
    """Answer the screen: ``picks`` by question number (None skips; missing numbers are never reached)."""
    sheet = load_sheet(files[1])
    answers = Answers(sheet.set_id, "2030-01-01T09:00:00+00:00", len(sheet.questions))
    for question in sheet.questions:
        answer: ScreenAnswer
        if question.kind == "coding":
            if code is None:
                continue
            solution = tmp_path / "solution.py"
            solution.write_text(code)
            answer = coding_answer(question, "python", solution, 1200.0)
        elif question.number not in picks:
            continue
        elif picks[question.number] is None:
            answer = skipped_answer(question, 10.0)
        else:
            answer = choice_answer(question, picks[question.number] or [], 60.0)
        answers = answers.add(answer)
    path = tmp_path / "answers.json"
    write_answers(path, answers)
    return path


def keys(interview: InterviewSet) -> dict[int, list[str]]:
    return {n: list(q.correct_letters) for n, q in enumerate(interview.questions, 1) if q.is_choice}


def test_all_right_scores_every_point(interview: InterviewSet, files: tuple[Path, Path], tmp_path: Path) -> None:
    grader = fake_grader(9, 9, "pass")
    answers = take(files, tmp_path, dict(keys(interview)), "class CircuitBreaker: ...\n")
    score = score_files(lambda: BANK, files[0], answers, grader=grader)
    assert score.points == score.max_points == sum(q.minutes for q in interview.questions)
    assert score.percent == 100 and score.count("right") == len(interview.questions) and score.complete
    coding = next(q for q in interview.questions if q.kind == "coding")
    assert grader.calls == [(coding.id, "python", "class CircuitBreaker: ...\n")]


def test_the_total_matches_the_answers(interview: InterviewSet, files: tuple[Path, Path], tmp_path: Path) -> None:
    key = keys(interview)
    numbers = sorted(key)
    single = [n for n in numbers if interview.questions[n - 1].kind == "single-choice"]
    multiple = [n for n in numbers if interview.questions[n - 1].kind == "multiple-choice"]
    picks: dict[int, list[str] | None] = {}
    expected = 0.0
    # one single-choice right, one wrong, one skipped, one never reached
    picks[single[0]] = key[single[0]]
    expected += interview.questions[single[0] - 1].minutes
    wrong = next(letter(i) for i in range(4) if letter(i) not in key[single[1]])
    picks[single[1]] = [wrong]
    picks[single[2]] = None
    # a multiple-choice answer with every correct letter but one, and no wrong one: partly
    partial = key[multiple[0]][:-1] or key[multiple[0]]
    picks[multiple[0]] = partial
    q = interview.questions[multiple[0] - 1]
    share = len(partial) / len(key[multiple[0]])
    expected += q.minutes * share
    answers = take(files, tmp_path, picks, "def broken(:\n")
    score = score_files(lambda: BANK, files[0], answers, grader=fake_grader(3, 12))
    coding = next(q for q in interview.questions if q.kind == "coding")
    expected += coding.minutes * 3 / 12
    assert score.points == pytest.approx(expected)
    by_number = {s.number: s for s in score.questions}
    assert by_number[single[0]].verdict == "right"
    assert by_number[single[1]].verdict == "wrong" and by_number[single[1]].wrong_picks[0][0] == wrong
    assert by_number[single[2]].verdict == "skipped"
    assert by_number[single[3]].verdict == "unanswered" and not score.complete
    assert by_number[multiple[0]].verdict == ("partly" if share < 1 else "right")
    assert next(s for s in score.questions if s.kind == "coding").verdict == "partly"
    assert sum(s.points for s in score.qualifications) == pytest.approx(score.points)
    assert sum(s.max_points for s in score.qualifications) == score.max_points
    data = score.to_json()
    assert data["total"]["points"] == round(expected, 2)
    assert data["total"]["unanswered"] == len(numbers) - 4


def test_a_multiple_choice_answer_with_as_many_wrong_as_right_picks_is_wrong(interview: InterviewSet,
                                                                               files: tuple[Path, Path],
                                                                               tmp_path: Path) -> None:
    key = keys(interview)
    number = next(n for n in key if interview.questions[n - 1].kind == "multiple-choice")
    choices = len(interview.questions[number - 1].choices)
    wrong = [letter(i) for i in range(choices) if letter(i) not in key[number]]
    picks: dict[int, list[str] | None] = {number: [key[number][0], wrong[0]]}
    score = score_files(lambda: BANK, files[0], take(files, tmp_path, picks, None))
    scored = next(s for s in score.questions if s.number == number)
    assert scored.verdict == "wrong" and scored.points == 0


def test_no_coding_answer_needs_no_sandbox(interview: InterviewSet, files: tuple[Path, Path], tmp_path: Path) -> None:
    def no_bank() -> Any:
        raise AssertionError("the bank and the sandbox are needed only for coding answers")

    score = score_files(no_bank, files[0], take(files, tmp_path, dict(keys(interview)), None))
    assert next(s for s in score.questions if s.kind == "coding").verdict == "unanswered"


def test_hostile_text_in_an_answer_is_made_visible(interview: InterviewSet, files: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    sheet = load_sheet(files[1])
    exercise = next(q for q in sheet.questions if q.kind == "coding")
    solution = tmp_path / "evil\x1b[2J\x1b]52;c;aGk=\x07.py"
    solution.write_text("x = 1\n")
    answers = Answers(sheet.set_id, "\x1b[31mstarted", len(sheet.questions)).add(
        coding_answer(exercise, "python", solution, 1.0))
    path = tmp_path / "answers.json"
    write_answers(path, answers)
    score = score_screen(load_packet(files[0]), read_answers(path), path, fake_grader(0, 3))
    given = next(s for s in score.questions if s.kind == "coding").given
    assert "\x1b" not in given and "\\x1b[2J" in given and "\\x07" in given
    assert "\x1b" not in json.dumps(score.to_json(), ensure_ascii=False)


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d["questions"][0]["choices"][0].update(correct=not d["questions"][0]["choices"][0]["correct"]),
     "the answer key was edited"),
    (lambda d: d["questions"][0].update(id="another-question"), "the packet's questions were changed"),
    (lambda d: d["questions"][0].update(prompt="edited", fingerprint="sha256:" + "2" * 64),
     "the packet's questions were changed"),
    (lambda d: d["set"].update(shape="live"), "is a live set; only a screen is scored"),
    (lambda d: d["set"].pop("nonce"), "written before screens could be scored"),
    (lambda d: d.update(packet="candidate-sheet"), "is the candidate's sheet: it has no answer key"),
    (lambda d: d.update(packet="other"), "is not a drillkit interviewer packet"),
])
def test_an_edited_or_wrong_packet_is_refused(interview: InterviewSet, tmp_path: Path, mutate: Any,
                                              needle: str) -> None:
    data = interviewer_json(interview)
    mutate(data)
    path = tmp_path / "interviewer.json"
    path.write_text(json.dumps(data))
    with pytest.raises(UsageError, match=needle):
        load_packet(path)


def test_answers_for_another_set_are_refused(interview: InterviewSet, files: tuple[Path, Path],
                                             tmp_path: Path) -> None:
    answers = take(files, tmp_path, dict(keys(interview)), None)
    same_questions = interview_set(BANK, SetRequest(minutes=60, seed=4, posting=SEED_POSTING, shape="screen"),
                                   record=False)  # the same questions, another set (another nonce)
    other = tmp_path / "other-interviewer.json"
    other.write_text(json.dumps(interviewer_json(same_questions)))
    with pytest.raises(UsageError, match="answers another set"):
        score_files(lambda: BANK, other, answers)
