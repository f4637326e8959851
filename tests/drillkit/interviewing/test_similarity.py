"""Similar submissions: tokens that survive disguises, the starter removed, winnowing, scores, regions, languages.

The fixtures in tests/fixtures/similarity/<exercise>/ are ``ind_<name>``: solutions written independently, in
different styles (all pass the exercise's grader), and ``copy_<name>__<how>``: ``ind_<name>`` disguised by
renaming, reformatting, changed comments and reordered functions. The default threshold was tuned on them.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drillkit.interviewing.similarity import (
    DEFAULT_THRESHOLD,
    KGRAM,
    MAX_TOKENS,
    MIN_TOKENS,
    WINDOW,
    SimilarityReport,
    SourceFile,
    compare,
    fingerprint,
    kgram_hashes,
    language_of,
    sanitized_similarity,
    score_pair,
    tokenize,
    winnow,
)

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "similarity"
LRU = FIXTURES / "lru-cache"


def original_of(stem: str) -> str:
    return stem.split("__")[0].removeprefix("copy_").removeprefix("ind_")


def starter_of(exercise: str) -> dict[str, str]:
    starter = REPO / "graders" / exercise / "python" / "starter.py"
    return {"python": starter.read_text()} if starter.exists() else {}


def sources_in(folder: Path, *stems: str) -> list[SourceFile]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and (not stems or p.stem in stems))
    return [SourceFile(p.stem, language_of(p, "python"), p.read_text()) for p in files]


def flagged_pairs(report: SimilarityReport) -> set[frozenset[str]]:
    return {frozenset((p.a, p.b)) for p in report.flagged}


def score_of(report: SimilarityReport, a: str, b: str) -> float:
    (score,) = [p.score for p in report.flagged if {p.a, p.b} == {a, b}] or [0.0]
    return score


# --- tokens ---------------------------------------------------------------------------------------------------

ORIGINAL = '''
def merge(a: dict, b: dict) -> dict:
    """Element-wise maximum."""
    merged = dict(a)  # copy first
    for name, count in b.items():
        if name not in merged or merged[name] < count:
            merged[name] = count
    return merged
'''

DISGUISED = '''
# merging two clocks
def combine(x: dict, y: dict) -> dict:
    out=dict( x )
    for k , c in y.items(): # walk the other one
        if (k not in out
                or out[k] < c): out[k]=c
    return out
'''


def test_renaming_reformatting_and_comments_leave_the_tokens_as_they_were() -> None:
    # The parenthesised condition adds two tokens; everything else the disguise did is gone.
    original, disguised = tokenize(ORIGINAL, "python").values, tokenize(DISGUISED, "python").values
    assert [t for t in disguised if t not in "()"] == [t for t in original if t not in "()"]
    assert "merge" not in original and "merged" not in original and "N" in original
    assert "dict" in original and "def" in original  # builtins and keywords stay as written


def test_strings_numbers_comments_and_docstrings_are_normalised() -> None:
    tokens = tokenize('"""doc"""\nx = f"a{b}c" + \'d\' + 42  # note\n', "python").values
    assert tokens == ("N", "=", "S", "N", "S", "+", "S", "+", "#")


def test_tokens_keep_their_lines_whatever_the_line_ends() -> None:
    for text in ("a = 1\nb = 2\n\nc = 3\n", "a = 1\r\nb = 2\r\n\r\nc = 3\r\n", "a = 1\rb = 2\r\rc = 3"):
        tokens = tokenize(text, "python")
        assert [lines for value, lines in zip(tokens.values, tokens.lines, strict=True) if value == "="] == [
            (1, 1), (2, 2), (4, 4)]


def test_a_multi_line_string_spans_its_lines() -> None:
    tokens = tokenize('x = """one\ntwo\nthree"""\ny = 1\n', "python")
    assert tokens.lines[tokens.values.index("S")] == (1, 3)


@pytest.mark.parametrize(("language", "code"), [
    ("go", 'package p\n// c\nfunc Add(a int, b int) int { return a + b } /* d */\n'),
    ("java", 'class A { /** d */ int add(int a, int b) { return a + b; } // c\n}\n'),
    ("cpp", '#include <vector>\n// c\nint add(int a, int b) { return a + b; } /* d */\n'),
])
def test_other_languages_are_tokenized_by_their_own_lexer(language: str, code: str) -> None:
    values = tokenize(code, language).values
    assert "+" in values and "return" in values and "int" in values
    assert not any(v.startswith(("//", "/*")) for v in values)  # comments gone
    assert "add" not in values and "Add" not in values  # names abstracted


def test_a_language_without_a_lexer_falls_back_to_words_and_punctuation() -> None:
    assert tokenize('say "hi" 42 times;', "no-such-language").values == ("say", "S", "#", "times", ";")


def test_hostile_input_is_tokenized_without_error_and_with_bounded_work() -> None:
    for text in ("\x00\x1b[2J\u202e'unterminated", "def (((", "\ufeff" + "é" * 100, ""):
        tokenize(text, "python")
    started = time.monotonic()
    huge = tokenize("x;" * 600_000, "python")
    assert len(huge.values) == MAX_TOKENS
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(("name", "language"), [("a.py", "python"), ("b.GO", "go"), ("C.java", "java"),
                                                ("d.cpp", "cpp"), ("e.hpp", "cpp"), ("f.txt", "python"),
                                                ("noextension", "python")])
def test_the_extension_tells_the_language_else_the_grading_language(name: str, language: str) -> None:
    assert language_of(Path(name), "python") == language


# --- fingerprints ----------------------------------------------------------------------------------------------


def test_winnowing_keeps_a_fingerprint_of_every_shared_passage_long_enough() -> None:
    rng = random.Random(7)
    vocabulary = [str(i) for i in range(40)]
    for _ in range(200):
        shared = rng.choices(vocabulary, k=KGRAM + WINDOW - 1)
        a = rng.choices(vocabulary, k=rng.randint(0, 30)) + shared + rng.choices(vocabulary, k=rng.randint(0, 30))
        b = rng.choices(vocabulary, k=rng.randint(0, 30)) + shared + rng.choices(vocabulary, k=rng.randint(0, 30))
        ha, hb = kgram_hashes(a, KGRAM), kgram_hashes(b, KGRAM)
        assert {ha[i] for i in winnow(ha, WINDOW)} & {hb[i] for i in winnow(hb, WINDOW)}


def test_winnowing_picks_far_fewer_hashes_than_there_are_kgrams() -> None:
    rng = random.Random(1)
    hashes = kgram_hashes([str(rng.random()) for _ in range(1000)], KGRAM)
    picked = winnow(hashes, WINDOW)
    assert picked == sorted(set(picked))
    assert len(picked) < len(hashes) / 2  # about 2 / (WINDOW + 1) of them
    repeated = kgram_hashes(["x", ";"] * 500, KGRAM)  # equal hashes: robust winnowing keeps the one it has
    assert len(winnow(repeated, WINDOW)) <= len(repeated) / (WINDOW - 1)


def test_fingerprints_are_the_same_in_every_process() -> None:
    """Python salts str hashes per process; the k-gram hashes must not depend on it, or scores would wobble."""
    code = ("from drillkit.interviewing.similarity import kgram_hashes, tokenize; import sys; "
            "sys.stdout.write(repr(kgram_hashes(tokenize(sys.stdin.read(), 'python').values, 10)))")
    text = (LRU / "ind_linked_list.py").read_text()
    runs = set()
    for seed in ("1", "2"):
        out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}, cwd=REPO)
        runs.add(out.stdout)
    assert runs == {repr(kgram_hashes(tokenize(text, "python").values, 10))}


# --- the fixtures: copies flagged, independent solutions not ------------------------------------------------


def test_a_renamed_and_reordered_copy_is_flagged_with_its_original() -> None:
    report = compare(sources_in(LRU, "ind_ordereddict", "copy_ordereddict__renamed_reordered"), starter_of("lru-cache"))
    (pair,) = report.flagged
    assert {pair.a, pair.b} == {"ind_ordereddict", "copy_ordereddict__renamed_reordered"}
    assert pair.score >= 0.9 and pair.coverage_a >= 0.85 and pair.coverage_b >= 0.85
    # The copy's put() (lines 16-23) matches the original's (lines 19-26), though it stands elsewhere in the file.
    assert pair.a == "copy_ordereddict__renamed_reordered"
    assert any(r.a_lines[0] <= 17 and r.a_lines[1] >= 22 and r.b_lines[0] <= 20 and r.b_lines[1] >= 25
               for r in pair.regions), pair.regions


def test_an_independent_solution_is_flagged_with_neither_the_original_nor_its_copy() -> None:
    report = compare(sources_in(LRU, "ind_ordereddict", "copy_ordereddict__renamed_reordered", "ind_linked_list"),
                     starter_of("lru-cache"))
    assert flagged_pairs(report) == {frozenset(("ind_ordereddict", "copy_ordereddict__renamed_reordered"))}
    nearest = report.nearest_of("ind_linked_list")
    assert nearest is not None and not nearest.flagged and nearest.score < DEFAULT_THRESHOLD - 0.2
    assert report.compared == 3


@pytest.mark.parametrize("exercise", ["lru-cache", "vector-clock", "token-bucket", "go", "java"])
def test_every_disguised_copy_is_flagged_and_no_two_independent_solutions_are(exercise: str) -> None:
    sources = sources_in(FIXTURES / exercise)
    report = compare(sources, starter_of(exercise))
    same = {frozenset((a.candidate, b.candidate)) for a, b in itertools.combinations(sources, 2)
            if original_of(a.candidate) == original_of(b.candidate)}
    assert same, "each folder holds at least one copy"
    assert flagged_pairs(report) == same
    assert report.skipped == ()


def test_the_default_threshold_has_room_on_both_sides_on_the_fixtures() -> None:
    """The tuning, kept true: copies score well above the threshold, independent solutions below it."""
    copies: list[float] = []
    independent: list[float] = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        report = compare(sources_in(folder), starter_of(folder.name), threshold=0.0)
        for pair in report.flagged:
            (copies if original_of(pair.a) == original_of(pair.b) else independent).append(pair.score)
    assert min(copies) >= DEFAULT_THRESHOLD + 0.1
    assert max(independent) <= DEFAULT_THRESHOLD - 0.05
    assert len(copies) == 12 and len(independent) >= 50


def test_two_independent_canonical_solutions_score_high_but_are_not_flagged() -> None:
    """The honest limit: two OrderedDict LRU caches written apart look alike; the score shows it, not a flag."""
    report = compare(sources_in(LRU, "ind_ordereddict", "ind_ordereddict_canonical", "ind_lazy_deque"),
                     starter_of("lru-cache"), threshold=0.0)
    canonical = score_of(report, "ind_ordereddict", "ind_ordereddict_canonical")
    assert 0.5 <= canonical < DEFAULT_THRESHOLD
    assert canonical > score_of(report, "ind_ordereddict_canonical", "ind_lazy_deque")


def test_a_batch_with_mixed_languages_compares_only_within_a_language() -> None:
    shared_c_like = (FIXTURES / "java" / "ind_linkedhashmap.java").read_text()
    sources = [
        *sources_in(LRU, "ind_ordereddict", "copy_ordereddict__renamed_reordered", "ind_linked_list"),
        *sources_in(FIXTURES / "go"),
        *sources_in(FIXTURES / "java"),
        # The same text as Java and as C++: identical tokens, but never compared across languages.
        SourceFile("same-text-as-cpp", "cpp", shared_c_like),
    ]
    report = compare(sources, starter_of("lru-cache"))
    assert report.compared == 3 + 1 + 1  # python 3 pairs, go 1, java 1; the lone C++ file has no partner
    assert flagged_pairs(report) == {
        frozenset(("ind_ordereddict", "copy_ordereddict__renamed_reordered")),
        frozenset(("ind_list", "copy_list__renamed_reordered")),
        frozenset(("ind_linkedhashmap", "copy_linkedhashmap__renamed_reordered")),
    }
    assert {p.language for p in report.flagged} == {"python", "go", "java"}
    cpp = report.nearest_of("same-text-as-cpp")
    assert cpp is not None and cpp.other is None and cpp.score == 0.0
    # Compared on its own, the same text is of course a copy.
    alone = compare([SourceFile("x", "cpp", shared_c_like), SourceFile("y", "cpp", shared_c_like)])
    assert alone.flagged[0].score == 1.0


# --- the starter ----------------------------------------------------------------------------------------------

HELPER = '''

class _Node:
    """Given: a node of a doubly linked list."""

    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None


def _check_capacity(capacity):
    """Given: raise ValueError for a capacity below one."""
    if not isinstance(capacity, int) or capacity < 1:
        raise ValueError(f"capacity must be a positive int, got {capacity!r}")
    return capacity
'''


def test_code_handed_out_in_the_starter_counts_for_no_one() -> None:
    starter = (REPO / "graders" / "lru-cache" / "python" / "starter.py").read_text() + HELPER
    # Two independent solutions, each carrying the whole starter (its helper included) at the top.
    a = SourceFile("a", "python", HELPER + (LRU / "ind_lazy_deque.py").read_text())
    b = SourceFile("b", "python", HELPER + (LRU / "ind_dict_links.py").read_text())
    without = compare([a, b], threshold=0.0).flagged[0]
    (pair,) = compare([a, b], {"python": starter}, threshold=0.0).flagged
    assert pair.score < without.score - 0.1
    helper_lines = HELPER.count("\n")
    assert any(r.a_lines[1] <= helper_lines for r in without.regions)  # the helper matched itself...
    assert all(r.a_lines[1] > helper_lines and r.b_lines[1] > helper_lines for r in pair.regions)  # ...no longer


def test_an_untouched_starter_is_too_short_to_compare() -> None:
    starter = starter_of("lru-cache")
    same = [SourceFile(name, "python", starter["python"] + "\n# done\n") for name in ("a", "b")]
    report = compare(same, starter)
    assert report.flagged == () and report.compared == 0
    assert [s.candidate for s in report.skipped] == ["a", "b"]
    assert f"{MIN_TOKENS} needed" in report.skipped[0].reason


def test_fingerprint_counts_only_the_files_own_tokens() -> None:
    starter = tokenize(starter_of("lru-cache")["python"], "python")
    tokens = tokenize((LRU / "ind_ordereddict_canonical.py").read_text(), "python")
    found = fingerprint("x", "python", tokens, starter)
    assert 0 < found.size < len(tokens.values)
    assert score_pair(found, found) == (1.0, 1.0, 1.0)


# --- the report -----------------------------------------------------------------------------------------------


def test_the_report_orders_pairs_by_score_and_names_each_candidates_nearest() -> None:
    report = compare(sources_in(LRU), starter_of("lru-cache"))
    scores = [p.score for p in report.flagged]
    assert scores == sorted(scores, reverse=True)
    assert [n.candidate for n in report.nearest] == [s.candidate for s in sources_in(LRU)]
    original = report.nearest_of("ind_ordereddict")
    assert original is not None and set(original.flagged_with) == {
        "copy_ordereddict__renamed_reordered", "copy_ordereddict__reformatted_recommented",
        "copy_ordereddict__all_disguises"}
    assert {s.candidate for s in report.sources} == {c for p in report.flagged for c in (p.a, p.b)}
    data = json.loads(json.dumps(report.to_json()))
    assert data["threshold"] == DEFAULT_THRESHOLD and data["kgram"] == KGRAM and data["window"] == WINDOW
    assert data["flagged"][0]["regions"][0]["a_lines"][0] >= 1
    assert "not a verdict of copying" in data["note"]


def test_names_in_the_report_are_made_safe_to_show() -> None:
    text = (LRU / "ind_linked_list.py").read_text()
    report = sanitized_similarity(compare([SourceFile("eve\x1b[2J", "python", text),
                                           SourceFile("bob\u202e", "python", text)]))
    (pair,) = report.flagged
    assert (pair.a, pair.b) == ("eve\\x1b[2J", "bob\\u202e")
    assert report.nearest[0].flagged_with == ("bob\\u202e",)
    assert report.sources[0].candidate == "eve\\x1b[2J"


def test_two_hundred_submissions_are_compared_in_seconds() -> None:
    rng = random.Random(3)
    bases = [p.read_text() for p in sorted(LRU.glob("ind_*.py"))]
    sources = [SourceFile(f"c{i:03d}", "python", bases[i % len(bases)] + f"\n# {rng.random()}\n") for i in range(200)]
    started = time.monotonic()
    report = compare(sources, starter_of("lru-cache"))
    assert report.compared == 200 * 199 // 2
    assert time.monotonic() - started < 15  # about 1.5 s on a two-core machine; bench/similarity.py measures it
