"""Matching a job posting against the taxonomy's phrases.

Postings and phrases are both reduced to word tokens: case-folded, split on punctuation (so "large-scale" and
"large scale" agree, and "Go," is the word "go"), and plural endings do not matter (so "APIs" is "api" and "message
queues" is "message queue"). A phrase matches a run of whole tokens, never part of a word: "go" does not match
"going". "C++" and "C#" keep their symbols so they stay distinct from a bare "C".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from drillkit.errors import NotFoundError, UsageError
from drillkit.model import Qualification

MAX_POSTING_BYTES = 1024 * 1024

# A word, with an inner apostrophe ("Meta's") and a trailing ++ or # ("C++", "C#") kept as part of it.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:\+\+|#)?")
_APOSTROPHE_TAIL = re.compile(r"['’].*$")
# Addresses are not requirements: "https://jobs.example.com" must not read as "HTTP".
_ADDRESS = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+|\bwww\.\S+|\S+@\S+\.\w+", re.IGNORECASE)


def _forms(word: str) -> frozenset[str]:
    """A lower-case word and the singulars it may be the plural of; two words agree when their forms meet.

    A set, because no single rule knows that "APIs" drops its s while "Redis" and "analysis" keep theirs.
    """
    forms = {word}
    if len(word) > 3 and word.isalpha() and word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
        if word.endswith("ies"):
            forms.add(word[:-3] + "y")
        elif word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word[:-2])  # "indexes" -> "index", but "goes" never becomes "go"
    return frozenset(forms)


def _normalize(word: str) -> frozenset[str]:
    folded = unicodedata.normalize("NFKC", word).casefold()
    return _forms(_APOSTROPHE_TAIL.sub("", folded))


@dataclass(frozen=True)
class Token:
    forms: frozenset[str]
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    return [Token(_normalize(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def phrase_key(phrase: str) -> tuple[frozenset[str], ...]:
    return tuple(token.forms for token in tokens(phrase))


@dataclass(frozen=True)
class PhraseHit:
    qualification: str
    phrase: str
    text: str  # the words as the posting wrote them


@dataclass(frozen=True)
class PostingLine:
    number: int
    text: str
    hits: tuple[PhraseHit, ...]

    @property
    def has_words(self) -> bool:
        return bool(_TOKEN.search(self.text))


@dataclass(frozen=True)
class QualificationWeight:
    """How strongly a posting asks for a qualification: the lines that name it, then the phrases found."""

    id: str
    title: str
    lines: int
    hits: int


@dataclass(frozen=True)
class PostingMatch:
    source: str
    lines: tuple[PostingLine, ...]
    weights: tuple[QualificationWeight, ...]  # most matched first; only qualifications that matched

    @property
    def matched_lines(self) -> tuple[PostingLine, ...]:
        return tuple(line for line in self.lines if line.hits)

    @property
    def unmatched_lines(self) -> tuple[PostingLine, ...]:
        """Lines with words that matched nothing (blank lines and rules of dashes are not worth listing)."""
        return tuple(line for line in self.lines if not line.hits and line.has_words)

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "qualifications": [{"id": w.id, "title": w.title, "lines": w.lines, "hits": w.hits} for w in self.weights],
            "matched_lines": [
                {"line": line.number, "text": line.text,
                 "hits": [{"qualification": h.qualification, "phrase": h.phrase, "text": h.text} for h in line.hits]}
                for line in self.matched_lines
            ],
            "unmatched_lines": [{"line": line.number, "text": line.text} for line in self.unmatched_lines],
        }


class PhraseIndex:
    """Every phrase of the taxonomy under each form of its first word, so the longest phrase at a place wins."""

    def __init__(self, qualifications: Sequence[Qualification]) -> None:
        self.by_first: dict[str, list[tuple[tuple[frozenset[str], ...], str, str]]] = {}
        for qualification in qualifications:
            for phrase in qualification.phrases:
                key = phrase_key(phrase)
                for form in key[0] if key else ():
                    self.by_first.setdefault(form, []).append((key, qualification.id, phrase))

    def _starting_with(self, word: Token) -> list[tuple[tuple[frozenset[str], ...], str, str]]:
        entries = {(key, qid, phrase) for form in word.forms for key, qid, phrase in self.by_first.get(form, ())}
        return sorted(entries, key=lambda entry: (-len(entry[0]), entry[1], entry[2]))

    def hits(self, line: str) -> list[PhraseHit]:
        words = tokens(_ADDRESS.sub(lambda m: " " * len(m.group()), line))
        found: list[PhraseHit] = []
        index = 0
        while index < len(words):
            length = 0
            matched_here: set[str] = set()
            for key, qualification, phrase in self._starting_with(words[index]):
                if length and len(key) < length:
                    break  # shorter phrases never beat the longest match here
                window = words[index:index + len(key)]
                if len(window) == len(key) and all(t.forms & forms for t, forms in zip(window, key, strict=True)):
                    length = len(key)
                    # "api" and "apis" are both phrases: count a place once per qualification.
                    if qualification not in matched_here:
                        matched_here.add(qualification)
                        written = line[words[index].start:words[index + length - 1].end]
                        found.append(PhraseHit(qualification, phrase, written))
            index += length or 1
        return found


def match_text(text: str, qualifications: Sequence[Qualification], source: str = "posting") -> PostingMatch:
    index = PhraseIndex(qualifications)
    lines = tuple(PostingLine(number, row.strip(), tuple(index.hits(row)))
                  for number, row in enumerate(text.splitlines(), 1))
    # Lines, not phrases, weigh a qualification: "Java, C++, Python, Go" is one requirement, not four.
    line_counts = Counter(qid for line in lines for qid in {hit.qualification for hit in line.hits})
    hit_counts = Counter(hit.qualification for line in lines for hit in line.hits)
    order = {q.id: i for i, q in enumerate(qualifications)}
    titles = {q.id: q.title for q in qualifications}
    ranked = sorted(line_counts, key=lambda qid: (-line_counts[qid], -hit_counts[qid], order[qid]))
    weights = tuple(QualificationWeight(qid, titles[qid], line_counts[qid], hit_counts[qid]) for qid in ranked)
    return PostingMatch(source, lines, weights)


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:8192]
    controls = sum(1 for byte in sample if byte < 32 and byte not in b"\t\n\r\f\v")
    return controls > len(sample) // 20


def read_posting(path: Path) -> str:
    if not path.exists():
        raise NotFoundError(f"no such posting file: {path}")
    if path.is_dir():
        raise UsageError(f"posting {path} is a folder", hint="pass the job posting as a plain-text file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read posting {path}: {exc.strerror}") from None
    if len(data) > MAX_POSTING_BYTES:
        raise UsageError(f"posting {path} is {len(data) // 1024} KB; a posting may be at most "
                         f"{MAX_POSTING_BYTES // 1024} KB of plain text")
    if _looks_binary(data):
        raise UsageError(f"posting {path} is a binary file, not plain text",
                         hint="save the posting as .txt (copy the text out of the PDF or web page)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Postings copied on Windows are often cp1252; every byte decodes in latin-1, so this never fails.
        text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise UsageError(f"posting {path} is empty", hint="paste the job posting's text into the file")
    return text


def match_posting(path: Path, qualifications: Sequence[Qualification]) -> PostingMatch:
    """Read a posting and match it; a posting that matches nothing is an error naming the qualifications."""
    match = match_text(read_posting(path), qualifications, source=path.name)
    if not match.weights:
        known = ", ".join(q.id for q in qualifications)
        raise UsageError(f"posting {path} matches no qualification", hint=f"the bank knows: {known}")
    return match


# Posting phrases that name a programming language -> the language id graders and question files use.
LANGUAGE_IDS: dict[str, str] = {
    "python": "python", "go": "go", "golang": "go", "java": "java", "c++": "cpp", "cpp": "cpp", "c#": "csharp",
    "rust": "rust", "kotlin": "kotlin", "scala": "scala", "typescript": "typescript", "javascript": "javascript",
    "node.js": "javascript", "nodejs": "javascript", "ruby": "ruby", "php": "php", "elixir": "elixir",
    "erlang": "erlang",
}
LANGUAGE_NAMES: dict[str, str] = {
    "python": "Python", "go": "Go", "java": "Java", "cpp": "C++", "csharp": "C#", "rust": "Rust", "kotlin": "Kotlin",
    "scala": "Scala", "typescript": "TypeScript", "javascript": "JavaScript", "ruby": "Ruby", "php": "PHP",
    "elixir": "Elixir", "erlang": "Erlang",
}


def languages_named(match: PostingMatch) -> tuple[str, ...]:
    """The programming languages a posting names, as language ids, in the order it names them first."""
    found: list[str] = []
    for line in match.lines:
        for hit in line.hits:
            language = LANGUAGE_IDS.get(hit.phrase.casefold())
            if language is not None and language not in found:
                found.append(language)
    return tuple(found)


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, language)
