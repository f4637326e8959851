"""Similarity of a batch: 200 submissions compared pair by pair, next to difflib on the same pairs.

Generates N submissions to lru-cache from the independent solutions in tests/fixtures/similarity/lru-cache/: each
is one of them with every local name, argument and attribute renamed at random, its methods shuffled and a few
statements of its own added, so a batch holds groups of disguised copies. Times

- the fingerprinting alone (tokenizing, removing the starter, winnowing: once per file),
- ``drillkit.interviewing.similarity.compare``: fingerprinting plus every pair scored, and the flagged pairs' matching lines,
- difflib's ``SequenceMatcher.ratio`` over the same files' normalised tokens (the plain way to compare two
  files), on a sample of pairs scaled up to all of them (every pair would take minutes),

prints the times and their ratio, how many same-source and different-source pairs were flagged, and the
fixture scores the default threshold was tuned on (disguised copies against independent solutions).
Run: python bench/similarity.py [-n 200] [--baseline-pairs 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import ast
import builtins
import difflib
import itertools
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from drillkit.interviewing.similarity import (  # noqa: E402
    DEFAULT_THRESHOLD,
    SourceFile,
    compare,
    fingerprint,
    language_of,
    score_pair,
    tokenize,
)

FIXTURES = REPO / "tests" / "fixtures" / "similarity"
STARTER = REPO / "graders" / "lru-cache" / "python" / "starter.py"
KEEP = set(dir(builtins)) | {"self", "OrderedDict", "deque", "LRUCache", "get", "put"}
EXTRA = (
    "self.calls = getattr(self, 'calls', 0) + 1",
    "assert self is not None",
    "marker = len(str(self)) if False else 0",
    "_unused = [n for n in range(3) if n % 2]",
    "trace = []",
)


class Disguise(ast.NodeTransformer):
    """Renames what a candidate names (locals, arguments, attributes, helper methods) consistently."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: dict[str, str] = {}

    def new(self, name: str) -> str:
        if name in KEEP or (name.startswith("__") and name.endswith("__")):
            return name
        if name not in self.names:
            self.names[name] = f"{self.rng.choice(['v', 'tmp', 'item', 'x', 'node', 'data'])}_{len(self.names)}"
        return self.names[name]

    def visit_Name(self, node: ast.Name) -> ast.Name:
        node.id = self.new(node.id)
        return node

    def visit_arg(self, node: ast.arg) -> ast.arg:
        node.arg = self.new(node.arg)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.Attribute:
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            node.attr = self.new(node.attr)
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        self.generic_visit(node)
        node.name = self.new(node.name)
        return node

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.ImportFrom:
        return node


def disguised(source: str, rng: random.Random) -> str:
    tree = Disguise(rng).visit(ast.parse(source))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            methods = [n for n in node.body if isinstance(n, ast.FunctionDef)]
            others = [n for n in node.body if not isinstance(n, ast.FunctionDef)]
            rng.shuffle(methods)
            for method in rng.sample(methods, k=min(len(methods), rng.randint(0, 3))):
                method.body.insert(0, ast.parse(rng.choice(EXTRA)).body[0])
            node.body = others + methods  # type: ignore[operator]
    return f"# candidate's solution {rng.randint(0, 10**6)}\n" + ast.unparse(ast.fix_missing_locations(tree)) + "\n"


def generate(count: int, seed: int) -> tuple[list[SourceFile], dict[str, str]]:
    rng = random.Random(seed)
    bases = sorted((FIXTURES / "lru-cache").glob("ind_*.py"))
    sources, origin = [], {}
    for index in range(count):
        base = bases[index % len(bases)]
        name = f"candidate-{index:03d}"
        sources.append(SourceFile(name, "python", disguised(base.read_text(), rng)))
        origin[name] = base.stem
    return sources, origin


def fixture_scores() -> None:
    """The scores the default threshold was tuned on: each file of a folder against every other."""
    copies: list[tuple[float, str]] = []
    independent: list[tuple[float, str]] = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        starter_file = REPO / "graders" / folder.name / "python" / "starter.py"
        files = sorted(p for p in folder.iterdir() if p.is_file())
        language = language_of(files[0], "python")
        starter = tokenize(starter_file.read_text(), language) if starter_file.exists() else None
        prints = {f.stem: fingerprint(f.stem, language, tokenize(f.read_text(), language), starter) for f in files}
        for a, b in itertools.combinations(prints, 2):
            score = score_pair(prints[a], prints[b])[0]
            same = _original(a) == _original(b)
            (copies if same else independent).append((score, f"{folder.name}: {a} / {b}"))
    copies.sort()
    independent.sort(reverse=True)
    print(f"fixture scores (tests/fixtures/similarity/), threshold {DEFAULT_THRESHOLD}:")
    print(f"  disguised copies and their original ({len(copies)} pairs): {copies[0][0]:.3f} to {copies[-1][0]:.3f}; "
          f"lowest: {copies[0][1]}")
    print(f"  independent solutions ({len(independent)} pairs): at most {independent[0][0]:.3f} "
          f"({independent[0][1]}); next {independent[1][0]:.3f}, {independent[2][0]:.3f}")


def _original(stem: str) -> str:
    """``copy_<original>__<how>`` is a disguised copy of ``ind_<original>``."""
    return stem.split("__")[0].removeprefix("copy_").removeprefix("ind_")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", "--submissions", type=int, default=200)
    parser.add_argument("--baseline-pairs", type=int, default=1000,
                        help="pairs difflib compares (a random sample), scaled up to all pairs")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sources, origin = generate(args.submissions, args.seed)
    starter = STARTER.read_text()
    pairs = args.submissions * (args.submissions - 1) // 2
    tokenize(sources[0].text, "python")  # the lexer's import and regexes, paid once by either side

    started = time.perf_counter()
    starter_tokens = tokenize(starter, "python")
    prints = [fingerprint(s.candidate, s.language, tokenize(s.text, s.language), starter_tokens) for s in sources]
    fingerprinting = time.perf_counter() - started

    started = time.perf_counter()
    report = compare(sources, {"python": starter})
    ours = time.perf_counter() - started

    tokens = {p.candidate: tokenize(s.text, "python").values for p, s in zip(prints, sources, strict=True)}
    rng = random.Random(args.seed)
    all_pairs = list(itertools.combinations(range(len(sources)), 2))
    sample = rng.sample(all_pairs, min(args.baseline_pairs, len(all_pairs)))
    started = time.perf_counter()
    for i, j in sample:
        difflib.SequenceMatcher(None, tokens[sources[i].candidate], tokens[sources[j].candidate],
                                autojunk=False).ratio()
    difflib_time = (time.perf_counter() - started) * len(all_pairs) / max(1, len(sample))

    same = sum(1 for a, b in itertools.combinations(sources, 2) if origin[a.candidate] == origin[b.candidate])
    flagged_same = sum(1 for p in report.flagged if origin[p.a] == origin[p.b])
    flagged_other = len(report.flagged) - flagged_same
    lines = sum(s.text.count("\n") for s in sources) / len(sources)
    print(f"{args.submissions} submissions to lru-cache (about {lines:.0f} lines each), {pairs} pairs")
    print(f"  fingerprinting alone (once per file):          {fingerprinting:7.2f} s")
    print(f"  drillkit similarity, every pair + regions:      {ours:7.2f} s")
    print(f"  difflib ratio on the same pairs (from {len(sample)}):  {difflib_time:7.2f} s")
    print(f"  ratio difflib / drillkit: {difflib_time / ours:.0f}x")
    print(f"  flagged at {report.threshold}: {flagged_same} of {same} pairs disguised from the same solution, "
          f"{flagged_other} of {pairs - same} pairs from different solutions")
    fixture_scores()
    return 0


if __name__ == "__main__":
    sys.exit(main())
