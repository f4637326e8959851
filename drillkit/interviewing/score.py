"""Scoring a written screen: the interviewer's packet against the answers file the candidate handed back.

Every question is worth its minutes (its time budget), so a 30-minute exercise counts as much as ten 3-minute
choice questions:

- single-choice: right (all its points) or wrong (none);
- multiple-choice: right when the picks are exactly the key; otherwise the share (right picks - wrong picks) /
  correct choices of its points, when above zero, is *partly*; else wrong;
- coding: graded in the sandbox; every grader test passing is right, some is *partly* (the share of tests
  passed), none (or an error, timeout or memory verdict) is wrong;
- a skipped question, or one never reached, earns nothing.

The key comes from the interviewer's packet, whose set id and key digest are recomputed first, so an edited
packet is refused as firmly as an edited answers file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from drillkit.errors import NotFoundError, UsageError
from drillkit.interviewing import binding
from drillkit.interviewing.screen import (
    INTERVIEWER_KIND,
    MAX_SHEET_BYTES,
    SHEET_KIND,
    Answers,
    Expected,
    Fields,
    ScreenAnswer,
    read_answers,
    read_json_file,
    verify,
)
from drillkit.interviewing.shapes import SCREEN_KINDS
from drillkit.model import CHOICE_KINDS, letter
from drillkit.safe_text import visible

if TYPE_CHECKING:
    from drillkit.bank import Bank

Verdict = Literal["right", "partly", "wrong", "skipped", "unanswered"]
VERDICTS: tuple[Verdict, ...] = ("right", "partly", "wrong", "skipped", "unanswered")
PACKET_FIX = "write the packet again with drillkit set, or use the interviewer.json it wrote, unedited"


# --- the interviewer's packet --------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyedChoice:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class PacketQuestion:
    number: int
    id: str
    revision: int
    title: str
    qualification: str
    kind: str
    minutes: int
    fingerprint: str
    explanation: str
    choices: tuple[KeyedChoice, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(letter(i) for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True)
class Packet:
    path: Path
    set_id: str
    shape: str
    source: str
    budget_minutes: int
    questions: tuple[PacketQuestion, ...]
    titles: tuple[tuple[str, str], ...]  # (qualification id, title), the posting's weight order

    def expectations(self) -> tuple[Expected, ...]:
        return tuple(Expected(q.number, q.kind, q.fingerprint, len(q.choices), q.languages) for q in self.questions)


def load_packet(path: Path) -> Packet:
    """The interviewer's JSON packet of a screen, with its set id and key digest recomputed and checked."""
    data = read_json_file(path, "an interviewer packet", MAX_SHEET_BYTES)
    if data.get("packet") == SHEET_KIND:
        raise UsageError(f"{path} is the candidate's sheet: it has no answer key",
                         hint="score with the interviewer's packet, interviewer.json")
    if data.get("packet") != INTERVIEWER_KIND:
        raise UsageError(f"{path} is not a drillkit interviewer packet",
                         hint="write one with: drillkit set --shape screen -f json -o DIR")
    top = Fields(data, path, "", PACKET_FIX)
    meta = top.get("set", dict)
    info = Fields(meta, path, "set: ", PACKET_FIX)
    if "set_id" not in meta or "nonce" not in meta:
        raise UsageError(f"{path} was written before screens could be scored (it has no set id)", hint=PACKET_FIX)
    shape = info.text("shape")
    if shape != "screen":
        raise UsageError(f"{path} is a {shape} set; only a screen is scored by drillkit",
                         hint="score a live or design interview with the scorecard")
    questions = []
    for index, entry in enumerate(top.get("questions", list), 1):
        if not isinstance(entry, dict):
            raise top.fail(f"question {index} is not an object")
        fields = Fields(entry, path, f"question {index}: ", PACKET_FIX)
        if fields.integer("number") != index:
            raise fields.fail("the questions must run 1, 2, 3, ...")
        kind = fields.text("kind")
        if kind not in SCREEN_KINDS:
            raise fields.fail(f"kind '{kind}' is not scored by drillkit")
        choices = []
        for choice in fields.get("choices", list):
            if not isinstance(choice, dict):
                raise fields.fail("'choices' must be a list of objects")
            one = Fields(choice, path, f"question {index}: a choice's ", PACKET_FIX)
            choices.append(KeyedChoice(one.text("text"), bool(one.get("correct", bool)), one.text("why")))
        questions.append(PacketQuestion(index, fields.text("id"), fields.integer("revision"), fields.text("title"),
                                        fields.text("qualification"), kind, fields.integer("minutes"),
                                        fields.text("fingerprint"), fields.text("explanation"), tuple(choices),
                                        fields.strings("languages")))
    if not questions:
        raise top.fail("the packet has no questions")
    set_id, nonce = info.text("set_id"), info.text("nonce")
    recomputed = binding.set_id(nonce, info.text("source"), shape, info.integer("seed"),
                                [(q.id, q.revision, q.fingerprint) for q in questions])
    if recomputed != set_id:
        raise UsageError(f"{path}: the packet's questions were changed after drillkit wrote it (its set id does not "
                         "match them)", hint=PACKET_FIX)
    if binding.key_digest(nonce, [(q.id, q.key) for q in questions]) != info.text("key_digest"):
        raise UsageError(f"{path}: the answer key was edited after drillkit wrote the packet (its key digest does not "
                         "match)", hint=PACKET_FIX)
    titles = []
    for entry in info.get("qualifications", list):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            titles.append((entry["id"], str(entry.get("title", entry["id"]))))
    return Packet(path, set_id, shape, info.text("source"), info.integer("budget_minutes"), tuple(questions),
                  tuple(titles))


# --- scoring ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodingGrade:
    """A coding answer's sandbox verdict, its text already made safe to show."""

    status: str
    passed: int
    total: int
    duration_s: float
    message: str | None = None
    failing: tuple[str, ...] = ()
    note: str | None = None


# (question, language, source) -> the sandbox's verdict
Grader = Callable[[PacketQuestion, str, str], CodingGrade]


@dataclass(frozen=True)
class ScoredQuestion:
    number: int
    id: str
    title: str
    qualification: str
    kind: str
    minutes: int
    verdict: Verdict
    points: float
    given: str  # what the candidate answered, safe to show
    key: str
    explanation: str
    seconds: float | None
    wrong_picks: tuple[tuple[str, str], ...] = ()  # (letter, why it is wrong)
    grade: CodingGrade | None = None

    @property
    def max_points(self) -> int:
        return self.minutes

    @property
    def overran(self) -> bool:
        return self.seconds is not None and self.seconds > self.minutes * 60

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number, "id": self.id, "title": self.title, "qualification": self.qualification,
            "kind": self.kind, "verdict": self.verdict, "points": round(self.points, 2), "max_points": self.max_points,
            "given": self.given, "key": self.key, "explanation": self.explanation,
            "wrong_picks": [{"letter": x, "why": why} for x, why in self.wrong_picks],
            "seconds": self.seconds, "minutes": self.minutes, "overran": self.overran,
            "grade": None if self.grade is None else {
                "status": self.grade.status, "passed": self.grade.passed, "total": self.grade.total,
                "duration_s": round(self.grade.duration_s, 3), "message": self.grade.message,
                "failing": list(self.grade.failing), "note": self.grade.note},
        }


@dataclass(frozen=True)
class QualificationScore:
    id: str
    title: str
    questions: int
    right: int
    points: float
    max_points: int

    @property
    def share(self) -> float:
        return self.points / self.max_points if self.max_points else 0.0


@dataclass(frozen=True)
class ScreenScore:
    set_id: str
    source: str
    budget_minutes: int
    started_at: str
    questions: tuple[ScoredQuestion, ...]
    qualifications: tuple[QualificationScore, ...] = field(default=())

    @property
    def points(self) -> float:
        return sum(q.points for q in self.questions)

    @property
    def max_points(self) -> int:
        return sum(q.max_points for q in self.questions)

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.max_points) if self.max_points else 0

    @property
    def seconds(self) -> float:
        return sum(q.seconds or 0.0 for q in self.questions)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for q in self.questions if q.verdict == verdict)

    @property
    def complete(self) -> bool:
        return self.count("unanswered") == 0

    def to_json(self) -> dict[str, Any]:
        return {
            "set_id": self.set_id, "source": self.source, "started_at": self.started_at, "complete": self.complete,
            "total": {"points": round(self.points, 2), "max_points": self.max_points, "percent": self.percent,
                      **{verdict: self.count(verdict) for verdict in VERDICTS},
                      "seconds": round(self.seconds, 1), "budget_minutes": self.budget_minutes},
            "questions": [q.to_json() for q in self.questions],
            "qualifications": [{"id": s.id, "title": s.title, "questions": s.questions, "right": s.right,
                                "points": round(s.points, 2), "max_points": s.max_points,
                                "percent": round(100 * s.share)} for s in self.qualifications],
        }


def _first_paragraph(text: str) -> str:
    first = next((p.strip() for p in text.strip().split("\n\n") if p.strip()), "")
    return " ".join(line.strip() for line in first.splitlines())


def _score_choice(question: PacketQuestion, answer: ScreenAnswer) -> tuple[Verdict, float, tuple[tuple[str, str], ...]]:
    key = set(question.key)
    picked = set(answer.picked)
    wrong = tuple((x, question.choices[ord(x) - ord("a")].why.strip()) for x in sorted(picked - key))
    if picked == key:
        return "right", float(question.minutes), wrong
    if question.kind == "multiple-choice":
        share = max(0, len(picked & key) - len(picked - key)) / len(key) if key else 0.0
        if share > 0:
            return "partly", question.minutes * share, wrong
    return "wrong", 0.0, wrong


def _score_coding(question: PacketQuestion, answer: ScreenAnswer, grade: Grader | None) -> tuple[Verdict, float,
                                                                                              CodingGrade]:
    if grade is None:  # pragma: no cover - score_screen always passes a grader when an exercise was answered
        raise UsageError("coding answers need the sandbox to be scored")
    result = grade(question, answer.language or "", answer.source or "")
    if result.status == "pass" and result.total:
        return "right", float(question.minutes), result
    if result.status == "fail" and result.total and result.passed:
        return "partly", question.minutes * result.passed / result.total, result
    return "wrong", 0.0, result


def score_question(question: PacketQuestion, answer: ScreenAnswer | None, grade: Grader | None) -> ScoredQuestion:
    key = ", ".join(question.key) if question.kind in CHOICE_KINDS else "every grader test passes"
    unanswered = ScoredQuestion(question.number, question.id, visible(question.title), question.qualification,
                                question.kind, question.minutes, "unanswered", 0.0, "", key,
                                visible(_first_paragraph(question.explanation)), None)
    if answer is None:
        return unanswered
    if answer.skipped:
        return dataclasses.replace(unanswered, verdict="skipped", seconds=answer.seconds)
    if question.kind == "coding":
        verdict, points, result = _score_coding(question, answer, grade)
        given = visible(f"{answer.language} file {answer.file or '(unnamed)'}: {result.passed}/{result.total} tests "
                        f"({result.status})")
        return dataclasses.replace(unanswered, verdict=verdict, points=points, given=given, seconds=answer.seconds,
                                   grade=result)
    verdict, points, wrong = _score_choice(question, answer)
    return dataclasses.replace(unanswered, verdict=verdict, points=points, given=", ".join(answer.picked),
                               seconds=answer.seconds, wrong_picks=tuple((x, visible(why)) for x, why in wrong))


def score_screen(packet: Packet, answers: Answers, answers_path: Path, grade: Grader | None = None) -> ScreenScore:
    """Check the answers against the packet (refusing a mismatch in one line), then score every question."""
    verify(answers, answers_path, packet.set_id, packet.expectations())
    by_number = {a.number: a for a in answers.answers}
    scored = tuple(score_question(q, by_number.get(q.number), grade) for q in packet.questions)
    titles = dict(packet.titles)
    order = [qid for qid, _ in packet.titles] + sorted({q.qualification for q in scored} - set(titles))
    subtotals = []
    for qualification in order:
        mine = [q for q in scored if q.qualification == qualification]
        if mine:
            subtotals.append(QualificationScore(qualification, titles.get(qualification, qualification), len(mine),
                                                sum(1 for q in mine if q.verdict == "right"),
                                                sum(q.points for q in mine), sum(q.max_points for q in mine)))
    return ScreenScore(packet.set_id, visible(packet.source), packet.budget_minutes, visible(answers.started_at),
                       scored, tuple(subtotals))


def sandbox_grader(load_bank: Callable[[], Bank], runtime: str | None = None) -> Grader:
    """Grades coding answers in the sandbox with the bank's grader; loads the bank and connects on first use."""
    from drillkit.graders import coding_question, connect_backend, grade_source
    from drillkit.safe_text import sanitized

    backends: list[Any] = []

    def grade(question: PacketQuestion, language: str, source: str) -> CodingGrade:
        bank = load_bank()
        try:
            current = coding_question(bank, question.id, language)
        except NotFoundError:
            raise NotFoundError(f"the bank has no coding question '{question.id}' to grade question "
                                f"{question.number} with", hint="score with the bank the set came from: "
                                                                "drillkit --bank PATH score ...") from None
        if not backends:
            backends.append(connect_backend(runtime))
        result = sanitized(grade_source(bank, current, language, source.encode("utf-8", "surrogatepass"),
                                        backends[0]))
        note = (f"graded with revision {current.revision} of '{question.id}'; the set used revision "
                f"{question.revision}" if current.revision != question.revision else None)
        return CodingGrade(result.status, result.passed, result.total, result.duration_s, result.message,
                           tuple(t.name for t in result.tests if t.status != "pass"), note)

    return grade


def score_files(load_bank: Callable[[], Bank], interviewer: Path, answers_path: Path, *, runtime: str | None = None,
                grader: Grader | None = None) -> ScreenScore:
    """Load both files, refuse any mismatch or tampering in one line, and score; coding answers go to the sandbox."""
    packet = load_packet(interviewer)
    answers = read_answers(answers_path)
    verify(answers, answers_path, packet.set_id, packet.expectations())  # before anything reaches the sandbox
    needs_sandbox = any(a.kind == "coding" and not a.skipped for a in answers.answers)
    return score_screen(packet, answers, answers_path,
                        grader or (sandbox_grader(load_bank, runtime) if needs_sandbox else None))
