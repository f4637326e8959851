"""Similar submissions: which pairs of a batch share much of their code, whatever the names, layout and order.

The method is MOSS's (Schleimer, Wilkerson and Aiken, *Winnowing: local algorithms for document
fingerprinting*, SIGMOD 2003) on normalised tokens:

1. **Tokens.** A pygments lexer for the submission's language turns it into tokens. Whitespace, comments and
   docstrings are dropped; every identifier becomes ``N``, every string literal ``S`` and every number ``#``;
   keywords, operators, punctuation and the language's builtins (``len``, ``self``, ``int``, ``ValueError``,
   ``__init__``) stay as written, because renaming cannot change them. Renaming, reformatting and comment
   changes therefore leave the token sequence as it was.
2. **The starter counts for no one.** Every token of the submission that lies in a run of :data:`STARTER_GRAM`
   tokens also found in the question's starter file (class and method signatures, given helpers, imports) is
   the starter's: it stays in the sequence, so a short method is still seen with its signature, but a k-gram
   made of the starter's tokens alone is no fingerprint and the starter's tokens count in no coverage.
3. **Fingerprints.** Each run of :data:`KGRAM` consecutive tokens is hashed; of every :data:`WINDOW`
   consecutive hashes the smallest is kept (robust winnowing). Any copied passage of ``KGRAM + WINDOW - 1``
   tokens or more leaves at least one fingerprint in both files, and since the fingerprints are a set,
   reordering the functions changes only the few hashes that span a seam.
4. **Score.** A fingerprint covers its ``KGRAM`` tokens. A file's *coverage* is the share of its own tokens
   covered by its fingerprints that are covered by fingerprints the other file has too; the pair's *score* is
   the covered tokens of both files over all their fingerprinted tokens: 0 when they share nothing, 1 for the
   same token sequence in any order of functions.

Only submissions in the same language are compared. The score measures likeness, not copying: canonical
solutions of a short exercise look alike (see :data:`LIMITS`).
"""

from __future__ import annotations

import dataclasses
import re
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pygments import token

from drillkit.safe_text import visible
from sandbox.languages import language_of as graded_language_of

if TYPE_CHECKING:
    from pygments.lexer import Lexer
    from pygments.token import _TokenType

# Tuned on tests/fixtures/similarity/ (bench/similarity.py prints those scores): disguised copies score 0.83 to
# 0.99 against their original, independent solutions of one exercise at most 0.64 (two OrderedDict LRU caches
# written apart); k-grams of 10 tokens in windows of 5 separate the two best (k 8 to 15, windows 3 to 8 tried).
DEFAULT_THRESHOLD = 0.7
KGRAM = 10
WINDOW = 5
STARTER_GRAM = 5
# A file with less code of its own than this (after the starter is removed) is too short to tell anything.
MIN_TOKENS = 2 * KGRAM
# Bounds the work for one file (a 1 MB submission of one-character tokens); far above any honest exercise.
MAX_TOKENS = 50_000
MAX_REGIONS = 60

LIMITS = ("A score is the share of the two files' code (names, comments, layout, function order and the starter "
          "aside) that is the same token sequence. It is a reason to read the two files side by side, not a "
          "verdict of copying: independent solutions of a short exercise often look alike (two OrderedDict LRU "
          "caches written apart score about 0.6), and a copy rewritten by hand can score low.")

def language_of(path: Path, default: str) -> str:
    """The language a file is compared in: the one its extension names (``sandbox.languages``), else ``default``
    (the language the batch is graded in)."""
    return graded_language_of(path) or default


# --- the data ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFile:
    candidate: str
    language: str
    text: str


@dataclass(frozen=True)
class Region:
    """A matching passage: lines ``a_lines`` of the first file and ``b_lines`` of the second (1-based, inclusive)."""

    a_lines: tuple[int, int]
    b_lines: tuple[int, int]
    tokens: int

    def to_json(self) -> dict[str, Any]:
        return {"a_lines": list(self.a_lines), "b_lines": list(self.b_lines), "tokens": self.tokens}


@dataclass(frozen=True)
class SimilarPair:
    a: str
    b: str
    language: str
    score: float
    coverage_a: float
    coverage_b: float
    regions: tuple[Region, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "language": self.language, "score": round(self.score, 3),
                "coverage_a": round(self.coverage_a, 3), "coverage_b": round(self.coverage_b, 3),
                "regions": [r.to_json() for r in self.regions]}


@dataclass(frozen=True)
class Nearest:
    """A candidate's most similar other submission in the same language (``other`` is None when none shares any)."""

    candidate: str
    other: str | None
    score: float
    flagged_with: tuple[str, ...] = ()  # every candidate it is flagged with, most similar first

    @property
    def flagged(self) -> bool:
        return bool(self.flagged_with)


@dataclass(frozen=True)
class Skipped:
    candidate: str
    reason: str


@dataclass(frozen=True)
class SimilarityReport:
    threshold: float
    kgram: int
    window: int
    compared: int  # pairs compared
    flagged: tuple[SimilarPair, ...]  # at or above the threshold, highest score first
    nearest: tuple[Nearest, ...]  # one per compared candidate, in the order given
    skipped: tuple[Skipped, ...] = ()
    sources: tuple[SourceFile, ...] = dataclasses.field(default=(), repr=False)  # the files of the flagged pairs

    def nearest_of(self, candidate: str) -> Nearest | None:
        return next((n for n in self.nearest if n.candidate == candidate), None)

    def source_of(self, candidate: str) -> SourceFile | None:
        return next((s for s in self.sources if s.candidate == candidate), None)

    def to_json(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "kgram": self.kgram, "window": self.window,
                "compared_pairs": self.compared, "flagged": [p.to_json() for p in self.flagged],
                "not_compared": [{"candidate": s.candidate, "reason": s.reason} for s in self.skipped],
                "note": LIMITS}


def sanitized_similarity(report: SimilarityReport) -> SimilarityReport:
    """Candidates' names :func:`~drillkit.safe_text.visible` (they come from file names); the sources stay as read,
    for a renderer that shows them to escape."""

    def pair(p: SimilarPair) -> SimilarPair:
        return dataclasses.replace(p, a=visible(p.a), b=visible(p.b), language=visible(p.language))

    def near(n: Nearest) -> Nearest:
        return dataclasses.replace(n, candidate=visible(n.candidate),
                                   other=None if n.other is None else visible(n.other),
                                   flagged_with=tuple(visible(c) for c in n.flagged_with))

    return dataclasses.replace(
        report, flagged=tuple(pair(p) for p in report.flagged), nearest=tuple(near(n) for n in report.nearest),
        skipped=tuple(Skipped(visible(s.candidate), visible(s.reason)) for s in report.skipped),
        sources=tuple(dataclasses.replace(s, candidate=visible(s.candidate)) for s in report.sources))


# --- tokens ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tokens:
    values: tuple[str, ...]
    lines: tuple[tuple[int, int], ...]  # each token's first and last line


def normalised_text(text: str) -> str:
    """Line ends as pygments sees them (``\\r\\n`` and a lone ``\\r`` end a line), so line numbers agree everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=32)
def _lexer(language: str) -> Lexer | None:
    from pygments.lexers import get_lexer_by_name  # loads the one lexer asked for
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


_KEEP = "keep"  # as written, stripped
_DROP = "drop"
_WRITTEN_NAMES = (token.Name.Builtin, token.Name.Exception, token.Name.Decorator, token.Name.Function.Magic,
                  token.Name.Variable.Magic)  # renaming cannot change these


@cache
def _action(kind: _TokenType) -> str:
    """What becomes of a token of this kind: dropped, kept as written, or one of ``N``, ``S`` and ``#``."""
    def under(*parents: _TokenType) -> bool:
        return any(token.is_token_subtype(kind, parent) for parent in parents)

    if under(token.Comment.Preproc, token.Comment.PreprocFile):  # C and C++ #include, #define
        return _KEEP
    if under(token.Comment, token.Literal.String.Doc):
        return _DROP
    if under(token.Literal.String):
        return "S"
    if under(token.Literal.Number):
        return "#"
    if under(*_WRITTEN_NAMES):
        return _KEEP
    if under(token.Name):
        return "N"
    return _KEEP  # keywords, operators, punctuation; text other than whitespace (some lexers' leftovers)


def _normalise(kind: _TokenType, value: str) -> str | None:
    """The token as compared: None to drop it, ``N`` for a name, ``S`` for a string, ``#`` for a number."""
    action = _action(kind)
    if action == _DROP:
        return None
    if action == _KEEP:
        return value.strip() or None
    return action


# For a language pygments has no lexer for: words as written, numbers and strings abstracted, no comments known.
_FALLBACK = re.compile(r"""(?P<s>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<n>\d[\w.]*)|(?P<w>\w+)|(?P<p>\S)""")


def _fallback_tokens(text: str) -> Iterator[tuple[int, str]]:
    for match in _FALLBACK.finditer(text):
        kind = match.lastgroup
        yield match.start(), {"s": "S", "n": "#"}.get(kind or "", match.group())


def tokenize(text: str, language: str) -> Tokens:
    """The normalised tokens of ``text`` with their lines; adjacent string pieces (an f-string's parts) are one."""
    text = normalised_text(text)
    starts = [i for i, char in enumerate(text) if char == "\n"]

    def line(offset: int) -> int:
        return bisect_left(starts, offset) + 1

    values: list[str] = []
    lines: list[tuple[int, int]] = []
    lexer = _lexer(language)
    if lexer is None:
        pieces: Iterable[tuple[int, str, int]] = (
            (offset, value, offset) for offset, value in _fallback_tokens(text))
    else:
        pieces = _lexed(lexer, text)
    for offset, value, end in pieces:
        first, last = line(offset), line(end)
        if value == "S" and values and values[-1] == "S":
            lines[-1] = (lines[-1][0], last)
            continue
        values.append(value)
        lines.append((first, last))
        if len(values) >= MAX_TOKENS:
            break
    return Tokens(tuple(values), tuple(lines))


def _lexed(lexer: Lexer, text: str) -> Iterator[tuple[int, str, int]]:
    source = text if text.endswith("\n") else text + "\n"
    for offset, kind, value in lexer.get_tokens_unprocessed(source):
        shown = _normalise(kind, value)
        if shown is not None:
            inner = value.rstrip("\n")
            yield offset, shown, offset + max(0, len(inner) - 1)


# --- fingerprints ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """One file's winnowed fingerprints; tokens that come from the starter count for nothing."""

    candidate: str
    language: str
    size: int  # tokens of its own (not the starter's) that its fingerprints cover
    lines: tuple[tuple[int, int], ...]  # each token's lines in the file
    own_before: tuple[int, ...]  # own_before[i]: how many of the first i tokens are its own
    positions: Mapping[int, tuple[int, ...]]  # fingerprint hash -> where its k-gram starts


def _ids(values: Sequence[str]) -> list[int]:
    memo: dict[str, int] = {}
    out = []
    for value in values:
        found = memo.get(value)
        if found is None:
            found = memo[value] = zlib.crc32(value.encode("utf-8", "surrogatepass"))
        out.append(found)
    return out


def kgram_hashes(values: Sequence[str], k: int) -> list[int]:
    """A hash of every run of ``k`` tokens; tuples of ints hash the same in every process (no string salting)."""
    ids = _ids(values)
    return [hash(tuple(ids[i:i + k])) for i in range(len(ids) - k + 1)]


def winnow(hashes: Sequence[int], window: int) -> list[int]:
    """Positions picked by robust winnowing: the smallest hash of every window of ``window`` hashes, each once.

    Of equal smallest hashes the one already picked stays picked, else the rightmost is taken, so a run of
    repeated code (equal hashes) gives one fingerprint a window rather than one a k-gram.
    """
    if not hashes:
        return []
    if len(hashes) <= window:
        smallest = min(hashes)
        return [len(hashes) - 1 - hashes[::-1].index(smallest)]
    picked: list[int] = []
    current = -1
    for start in range(len(hashes) - window + 1):
        end = start + window
        if current < start:  # the picked hash left the window: the rightmost smallest of the window
            span = hashes[start:end]
            current = end - 1 - span[::-1].index(min(span))
            picked.append(current)
        elif hashes[end - 1] < hashes[current]:
            current = end - 1
            picked.append(current)
    return picked


def starter_mask(values: Sequence[str], starter: Sequence[str], n: int = STARTER_GRAM) -> list[bool]:
    """Which tokens lie in a run of ``n`` tokens that the starter also has, wherever it has it."""
    mask = [False] * len(values)
    if len(starter) < n or len(values) < n:
        return mask
    known = set(kgram_hashes(starter, n))
    for i, h in enumerate(kgram_hashes(values, n)):
        if h in known:
            mask[i:i + n] = [True] * n
    return mask


def fingerprint(candidate: str, language: str, tokens: Tokens, starter: Tokens | None = None, *,
                kgram: int = KGRAM, window: int = WINDOW) -> Fingerprint:
    """Winnowed k-gram hashes; a k-gram made only of the starter's tokens is no fingerprint.

    The starter's tokens stay in the sequence, so a short method (``return len(self.items)``) is still seen
    together with its signature, wherever the method stands in the file.
    """
    mask = starter_mask(tokens.values, starter.values) if starter is not None else [False] * len(tokens.values)
    own_before = [0]
    for gone in mask:
        own_before.append(own_before[-1] + (not gone))
    hashes = kgram_hashes(tokens.values, kgram)
    positions: dict[int, list[int]] = {}
    for position in winnow(hashes, window):
        if own_before[position + kgram] > own_before[position]:
            positions.setdefault(hashes[position], []).append(position)
    size = _covered(tuple(own_before), (p for ps in positions.values() for p in ps), kgram)
    return Fingerprint(candidate, language, size, tokens.lines, tuple(own_before),
                       {h: tuple(p) for h, p in positions.items()})


# --- comparing -----------------------------------------------------------------------------------------------


def _covered(own: Sequence[int], starts: Iterable[int], kgram: int) -> int:
    """How many of a file's own tokens (``own``: its ``own_before``) the k-grams at ``starts`` cover together."""
    total = 0
    reach = 0
    for start in sorted(starts):
        end = start + kgram
        if end > reach:
            total += own[end] - own[max(start, reach)]
            reach = end
    return total


def score_pair(a: Fingerprint, b: Fingerprint, kgram: int = KGRAM) -> tuple[float, float, float]:
    """(score, coverage of a, coverage of b); see the module's docstring."""
    if not a.size or not b.size:
        return 0.0, 0.0, 0.0
    shared = a.positions.keys() & b.positions.keys()
    if not shared:
        return 0.0, 0.0, 0.0
    covered_a = _covered(a.own_before, (p for h in shared for p in a.positions[h]), kgram)
    covered_b = _covered(b.own_before, (p for h in shared for p in b.positions[h]), kgram)
    return (covered_a + covered_b) / (a.size + b.size), covered_a / a.size, covered_b / b.size


def _line_span(lines: Sequence[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
    last = min(last, len(lines) - 1)
    return lines[first][0], lines[last][1]


def regions(a: Fingerprint, b: Fingerprint, kgram: int = KGRAM, window: int = WINDOW) -> tuple[Region, ...]:
    """The matching passages, as pairs of line ranges: shared fingerprints chained along one diagonal."""
    pairs = sorted((pa, pb) for h in a.positions.keys() & b.positions.keys()
                   for pa in a.positions[h][:8] for pb in b.positions[h][:8])
    chains: list[list[tuple[int, int]]] = []
    open_by_diagonal: dict[int, list[tuple[int, int]]] = {}
    for pa, pb in pairs:
        chain = open_by_diagonal.get(pa - pb)
        if chain is not None and 0 < pa - chain[-1][0] <= kgram + window:
            chain.append((pa, pb))
        else:
            chain = [(pa, pb)]
            chains.append(chain)
            open_by_diagonal[pa - pb] = chain
    # Longest first, each stretch of tokens used once (as in greedy string tiling): a passage repeated in one
    # file would otherwise match every place it appears in the other.
    tiles = sorted(((fa, la + kgram, fb, lb + kgram) for (fa, fb), (la, lb) in ((c[0], c[-1]) for c in chains)),
                   key=lambda t: (t[0] - t[1], t[0], t[2]))
    kept: list[tuple[int, int, int, int]] = []
    for tile in tiles:
        a0, a1, b0, b1 = tile
        if any(_overlap(a0, a1, k[0], k[1]) * 2 >= a1 - a0 or _overlap(b0, b1, k[2], k[3]) * 2 >= b1 - b0
               for k in kept):
            continue
        kept.append(tile)
    kept = sorted(kept[:MAX_REGIONS])
    return tuple(Region(_line_span(a.lines, a0, a1 - 1), _line_span(b.lines, b0, b1 - 1), a1 - a0)
                 for a0, a1, b0, b1 in kept)


def _overlap(start: int, end: int, other_start: int, other_end: int) -> int:
    return max(0, min(end, other_end) - max(start, other_start))


def compare(sources: Sequence[SourceFile], starters: Mapping[str, str] | None = None, *,
            threshold: float = DEFAULT_THRESHOLD, kgram: int = KGRAM, window: int = WINDOW,
            skipped: Sequence[Skipped] = ()) -> SimilarityReport:
    """Score every pair of ``sources`` in the same language; flag the pairs at or above ``threshold``.

    ``starters`` maps a language to the starter code handed out for it, which counts for no one.
    """
    starter_tokens = {lang: tokenize(text, lang) for lang, text in (starters or {}).items()}
    prints: list[Fingerprint] = []
    left_out = list(skipped)
    for source in sources:
        tokens = tokenize(source.text, source.language)
        found = fingerprint(source.candidate, source.language, tokens, starter_tokens.get(source.language),
                            kgram=kgram, window=window)
        if found.size < MIN_TOKENS:
            left_out.append(Skipped(source.candidate, f"too little code of its own to compare ({found.size} tokens "
                                                      f"besides the starter; {MIN_TOKENS} needed)"))
            continue
        prints.append(found)
    best: dict[str, tuple[str | None, float]] = {p.candidate: (None, 0.0) for p in prints}
    flagged: list[SimilarPair] = []
    compared = 0
    by_language: dict[str, list[Fingerprint]] = {}
    for found in prints:
        by_language.setdefault(found.language, []).append(found)
    for language, group in by_language.items():
        for a, b in combinations(group, 2):
            compared += 1
            score, coverage_a, coverage_b = score_pair(a, b, kgram)
            for one, other in ((a, b), (b, a)):
                if score > best[one.candidate][1]:
                    best[one.candidate] = (other.candidate, score)
            if score >= threshold and score > 0:
                flagged.append(SimilarPair(a.candidate, b.candidate, language, score, coverage_a, coverage_b,
                                           regions(a, b, kgram, window)))
    flagged.sort(key=lambda p: (-p.score, p.a, p.b))
    partners: dict[str, list[str]] = {}
    for pair in flagged:
        partners.setdefault(pair.a, []).append(pair.b)
        partners.setdefault(pair.b, []).append(pair.a)
    nearest = tuple(Nearest(p.candidate, best[p.candidate][0], best[p.candidate][1],
                            tuple(partners.get(p.candidate, ()))) for p in prints)
    involved = set(partners)
    return SimilarityReport(threshold, kgram, window, compared, tuple(flagged), nearest, tuple(left_out),
                            tuple(s for s in sources if s.candidate in involved))

