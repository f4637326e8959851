"""Filtering and picking questions."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drillkit.model import Question


@dataclass(frozen=True)
class Filter:
    qualifications: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    text: str | None = None
    ids: frozenset[str] | None = None

    def describe(self) -> str:
        parts = []
        for name, values in (("qualification", self.qualifications), ("kind", self.kinds),
                             ("difficulty", self.difficulties), ("tag", self.tags)):
            if values:
                parts.append(f"{name} {'/'.join(values)}")
        if self.text:
            parts.append(f"text '{self.text}'")
        return ", ".join(parts) or "no filter"

    def accepts(self, question: Question) -> bool:
        if self.qualifications and question.qualification not in self.qualifications:
            return False
        if self.kinds and question.kind not in self.kinds:
            return False
        if self.difficulties and question.difficulty not in self.difficulties:
            return False
        if self.tags and not set(self.tags) & set(question.tags):
            return False
        if self.ids is not None and question.id not in self.ids:
            return False
        if self.text:
            needle = self.text.casefold()
            haystack = " ".join((question.id, question.title, question.prompt, " ".join(question.tags))).casefold()
            if not all(word in haystack for word in needle.split()):
                return False
        return True


def filter_questions(questions: Iterable[Question], flt: Filter) -> tuple[Question, ...]:
    return tuple(q for q in questions if flt.accepts(q))


def pick(questions: Sequence[Question], count: int | None, seed: int | None) -> tuple[Question, ...]:
    """A reproducible random sample: the same seed and pool always give the same questions in the same order."""
    pool = sorted(questions, key=lambda q: q.id)
    random.Random(seed).shuffle(pool)
    return tuple(pool if count is None else pool[:count])
