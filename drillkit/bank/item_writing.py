"""Item-writing checks on choice questions: the cues that let a test-wise candidate score without knowing.

Two levels, after Haladyna, Downing & Rodriguez (2002), "A review of multiple-choice item-writing guidelines":
per file, warnings a contributor sees in validate (a key much longer than its distractors, "all/none of the above",
near-duplicate choices, an unemphasised negative stem); per bank, the share of questions a length or position
strategy would answer, held to targets.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from drillkit.bank import Problem
from drillkit.model import Question
from drillkit.yamlio import line_of

# A key this much longer than the mean of the other choices is a cue on its own (validate warns).
KEY_LENGTH_WARNING_RATIO = 1.5
# Bank level: a key this much longer than the mean of the others counts as standing out.
KEY_STANDS_OUT_RATIO = 1.25
NEAR_DUPLICATE_RATIO = 0.9
PROSE_WORDS = 6
POSITIONS_CHECKED = 4  # every single-choice question has at least four choices

_CATCH_ALL = re.compile(r"\b(all|none|both|neither) of the (above|others|options|choices)\b", re.IGNORECASE)
# A question sentence that asks for the exception ("Which is not ...?"), unless the negation is in capitals or
# emphasised.
_NEGATIVE_STEM = re.compile(r"(?<![*_])\b(not|except|never|incorrect|untrue)\b(?![*_])", re.IGNORECASE)
_DIGITS = re.compile(r"\d+(\.\d+)?")
_WORD = re.compile(r"[a-z]{2,}")


def length(text: str) -> int:
    """A choice's length as a reader sees it: characters, with runs of white space counted once."""
    return len(" ".join(text.split()))


def _others_mean(question: Question, index: int) -> float:
    others = [length(c.text) for i, c in enumerate(question.choices) if i != index]
    return statistics.fmean(others) if others else 0.0


def key_length_ratio(question: Question) -> float:
    """The keys' mean length over the distractors' mean length (1.0 when either is missing)."""
    keys = [length(c.text) for c in question.choices if c.correct]
    distractors = [length(c.text) for c in question.choices if not c.correct]
    if not keys or not distractors or not statistics.fmean(distractors):
        return 1.0
    return statistics.fmean(keys) / statistics.fmean(distractors)


def item_warnings(question: Question) -> list[Problem]:
    """What item-writing guidance would flag in one choice question's file, each at its line."""
    if not question.is_choice:
        return []
    path = question.path
    warnings = []
    source: list[str] = []

    def line(*location: str | int) -> int | None:
        if not source:  # read only when there is something to point at
            try:
                source.append(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                source.append("")
        return line_of(source[0], list(location))

    ratio = key_length_ratio(question)
    if ratio > KEY_LENGTH_WARNING_RATIO:
        first_key = next(i for i, c in enumerate(question.choices) if c.correct)
        warnings.append(Problem(path, line("choices", first_key),
                                f"item writing: the correct choice is {ratio:.1f}x as long as the others on average; "
                                "make the distractors as specific and as long as the key"))
    for index, choice in enumerate(question.choices):
        if _CATCH_ALL.search(choice.text):
            warnings.append(Problem(path, line("choices", index),
                                    "item writing: an 'all/none of the above' choice; write a real alternative instead"))
    normalized = [" ".join(c.text.lower().split()) for c in question.choices]
    for first in range(len(normalized)):
        for second in range(first + 1, len(normalized)):
            if _near_duplicates(normalized[first], normalized[second]):
                warnings.append(Problem(path, line("choices", second),
                                        f"item writing: choices {first + 1} and {second + 1} say almost the same; "
                                        "make each one a different idea"))
    negative = _negative_stem(_question_sentence(question.prompt))
    if negative and negative.group(1).islower():
        warnings.append(Problem(path, line("prompt"),
                                f"item writing: a negative stem ('{negative.group(1)}') is easy to misread; "
                                f"emphasise it ({negative.group(1).upper()} or **{negative.group(1)}**) or ask positively"))
    return warnings


def _near_duplicates(first: str, second: str) -> bool:
    """The same text, or prose that differs in a word or two. Code, numbers and short answers (`WHERE a = 1 AND
    c = 3`, "at least 7 available", "12 minutes") are meant to differ in one detail: only identical ones count."""
    if first == second:
        return True
    if "`" in first + second or _DIGITS.sub("#", first) == _DIGITS.sub("#", second):
        return False
    if min(len(_WORD.findall(first)), len(_WORD.findall(second))) < PROSE_WORDS:
        return False
    return SequenceMatcher(None, first, second).ratio() >= NEAR_DUPLICATE_RATIO


def _negative_stem(sentence: str) -> re.Match[str] | None:
    """The negation of a stem that asks for the exception ("Which of these is not ...?", "... all except"), not of
    one that asks why something did not happen."""
    found = _NEGATIVE_STEM.search(sentence)
    if found is None or found.group(1).lower() == "except":
        return found
    asks_to_pick = re.match(r"\W*(which|what)\b", sentence.strip(), re.IGNORECASE)
    return found if asks_to_pick and not re.search(r"\b(why|how)\b", sentence, re.IGNORECASE) else None


def _question_sentence(prompt: str) -> str:
    """The sentence that asks: the text from the last sentence break before the prompt's last question mark."""
    end = prompt.rfind("?")
    if end < 0:
        return ""
    start = max(prompt.rfind(mark, 0, end) for mark in (". ", ".\n", "\n\n", ": ", "!"))
    return prompt[start + 1:end + 1]


@dataclass(frozen=True)
class Target:
    name: str
    value: float  # a share, 0..1
    low: float | None
    high: float | None
    count: int
    out_of: int

    @property
    def met(self) -> bool:
        return (self.low is None or self.value >= self.low) and (self.high is None or self.value <= self.high)

    @property
    def bound(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{self.low:.0%}-{self.high:.0%}"
        return f"<= {self.high:.0%}" if self.high is not None else f">= {self.low:.0%}"


@dataclass(frozen=True)
class ChoiceStats:
    single_choice: int
    multiple_choice: int
    targets: tuple[Target, ...]
    patterns: tuple[tuple[str, int], ...]  # "correct of total" and how many multiple-choice questions have it

    @property
    def met(self) -> bool:
        return all(target.met for target in self.targets)

    def to_json(self) -> dict[str, object]:
        return {"single_choice": self.single_choice, "multiple_choice": self.multiple_choice, "met": self.met,
                "targets": [{"name": t.name, "value": round(t.value, 4), "low": t.low, "high": t.high,
                             "count": t.count, "out_of": t.out_of, "met": t.met} for t in self.targets],
                "patterns": dict(self.patterns)}


def _share(count: int, out_of: int) -> float:
    return count / out_of if out_of else 0.0


def _longest_is_key(question: Question) -> bool:
    lengths = [length(c.text) for c in question.choices]
    return any(c.correct and lengths[i] == max(lengths) for i, c in enumerate(question.choices))


def _shortest_is_key(question: Question) -> bool:
    lengths = [length(c.text) for c in question.choices]
    return any(c.correct and lengths[i] == min(lengths) for i, c in enumerate(question.choices))


def _key_stands_out(question: Question) -> bool:
    index = next(i for i, c in enumerate(question.choices) if c.correct)
    return length(question.choices[index].text) > KEY_STANDS_OUT_RATIO * _others_mean(question, index)


def _median_strategy_hits(question: Question) -> bool:
    lengths = [length(c.text) for c in question.choices]
    median = statistics.median(lengths)
    return {i for i, n in enumerate(lengths) if n >= median} == {i for i, c in enumerate(question.choices) if c.correct}


def choice_stats(questions: Iterable[Question]) -> ChoiceStats:
    """How far length and position strategies get on the bank's choice questions, against the targets."""
    chosen = list(questions)
    single = [q for q in chosen if q.kind == "single-choice" and any(c.correct for c in q.choices)]
    multiple = [q for q in chosen if q.kind == "multiple-choice"]
    n_single, n_multiple = len(single), len(multiple)
    longest = sum(map(_longest_is_key, single))
    shortest = sum(map(_shortest_is_key, single))
    stands_out = sum(map(_key_stands_out, single))
    median_hits = sum(map(_median_strategy_hits, multiple))
    patterns = Counter(f"{sum(c.correct for c in q.choices)} of {len(q.choices)}" for q in multiple)
    top_pattern, top_count = patterns.most_common(1)[0] if patterns else ("", 0)
    positions = Counter(next(i for i, c in enumerate(q.choices) if c.correct) for q in single)
    targets = [
        Target("single-choice: the longest choice is the key", _share(longest, n_single), None, 0.30, longest, n_single),
        # The reverse cue: keys trimmed until they are never the longest become the shortest instead.
        Target("single-choice: the shortest choice is the key", _share(shortest, n_single), None, 0.30, shortest,
               n_single),
        Target(f"single-choice: the key is over {KEY_STANDS_OUT_RATIO}x the others' mean length",
               _share(stands_out, n_single), None, 0.15, stands_out, n_single),
        Target("multiple-choice: 'every choice at least the median length' is the exact key set",
               _share(median_hits, n_multiple), None, 0.10, median_hits, n_multiple),
        Target(f"multiple-choice: the commonest pattern ({top_pattern or 'none'} correct)",
               _share(top_count, n_multiple), None, 0.40, top_count, n_multiple),
    ]
    targets += [Target(f"single-choice: the key is choice {position + 1}", _share(positions[position], n_single),
                       0.15, 0.35, positions[position], n_single) for position in range(POSITIONS_CHECKED)]
    return ChoiceStats(n_single, n_multiple, tuple(targets), tuple(sorted(patterns.items(), key=lambda p: -p[1])))

