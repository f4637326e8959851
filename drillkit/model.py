"""The question model: frozen dataclasses built from validated YAML data."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sandbox.languages import LANGUAGES

Kind = Literal["single-choice", "multiple-choice", "short-answer", "design", "coding"]
Difficulty = Literal["easy", "medium", "hard"]

KINDS: tuple[Kind, ...] = ("single-choice", "multiple-choice", "short-answer", "design", "coding")
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")
CHOICE_KINDS: frozenset[str] = frozenset({"single-choice", "multiple-choice"})
SELF_RATED_KINDS: frozenset[str] = frozenset({"short-answer", "design"})


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class RubricItem:
    points: int
    criterion: str


@dataclass(frozen=True)
class Limits:
    """Per-question sandbox limits; ``None`` means the global default."""

    wall_seconds: float | None = None
    memory_mb: int | None = None
    pids: int | None = None
    cpus: float | None = None
    output_kb: int | None = None
    tmpfs_mb: int | None = None
    test_seconds: float | None = None
    hang_seconds: float | None = None


@dataclass(frozen=True)
class Qualification:
    id: str
    title: str
    description: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    qualification: str
    kind: Kind
    difficulty: Difficulty
    minutes: int
    prompt: str
    explanation: str
    references: tuple[Reference, ...]
    path: Path
    tags: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    rubric: tuple[RubricItem, ...] = ()
    choices: tuple[Choice, ...] = ()
    answer: str | None = None
    key_points: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    limits: Limits = field(default_factory=Limits)
    revision: int = 1
    # A take-home's grader: candidates see test names and verdicts, never the tests, their values or a reference.
    hidden_grader: bool = False

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_KINDS

    @property
    def correct_letters(self) -> tuple[str, ...]:
        return tuple(letter(i) for i, choice in enumerate(self.choices) if choice.correct)

    @property
    def rubric_points(self) -> int:
        return sum(item.points for item in self.rubric)

    def summary(self) -> dict[str, Any]:
        """The plain fields a listing shows (and ``--json`` prints)."""
        return {
            "id": self.id,
            "title": self.title,
            "qualification": self.qualification,
            "kind": self.kind,
            "difficulty": self.difficulty,
            "minutes": self.minutes,
            "tags": list(self.tags),
        }


# The file extension of a solution in each language a grader may take.
SOURCE_EXTENSIONS: dict[str, str] = {name: lang.extensions[0] for name, lang in LANGUAGES.items()}


def solution_file_name(question_id: str, language: str) -> str:
    """The file ``drillkit solve`` writes for a coding question, and that packets tell interviewers to check."""
    return f"{question_id.replace('-', '_')}{SOURCE_EXTENSIONS.get(language, '.' + language)}"


def letter(index: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[index]


def question_from_data(data: dict[str, Any], path: Path) -> Question:
    """Build a Question from data that already passed the schema."""
    return Question(
        id=data["id"],
        title=data["title"],
        qualification=data["qualification"],
        kind=data["kind"],
        difficulty=data["difficulty"],
        minutes=int(data["minutes"]),
        prompt=data["prompt"],
        explanation=data["explanation"],
        references=tuple(Reference(r["title"], r["url"]) for r in data["references"]),
        path=path,
        tags=tuple(data.get("tags", ())),
        hints=tuple(data.get("hints", ())),
        follow_ups=tuple(data.get("follow_ups", ())),
        rubric=tuple(RubricItem(int(r["points"]), r["criterion"]) for r in data.get("rubric", ())),
        choices=tuple(Choice(c["text"], bool(c["correct"]), c["why"]) for c in data.get("choices", ())),
        answer=data.get("answer"),
        key_points=tuple(data.get("key_points", ())),
        languages=tuple(data.get("languages", ())),
        limits=Limits(**data.get("limits", {})),
        hidden_grader=bool(data.get("hidden_grader", False)),
        revision=int(data.get("revision", 1)),
    )
