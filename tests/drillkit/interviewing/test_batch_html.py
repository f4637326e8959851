"""The batch's HTML report: every candidate and test, the flagged pairs side by side, hostile text kept inert."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drillkit.interviewing.batch import BatchReport, CandidateResult, report_html, write_report
from drillkit.interviewing.batch_html import MAX_PAIRS_SHOWN, batch_html
from drillkit.interviewing.similarity import SourceFile, compare
from sandbox import GradeResult
from sandbox import TestResult as GradedTest
from tests.conftest import REPO

SIMILAR = REPO / "tests" / "fixtures" / "similarity" / "lru-cache"
ORIGINAL = (SIMILAR / "ind_ordereddict.py").read_text()
DISGUISED = (SIMILAR / "copy_ordereddict__renamed_reordered.py").read_text()
INDEPENDENT = (SIMILAR / "ind_linked_list.py").read_text()

# A submission that would run script in the reviewer's browser if its text were pasted into the page as markup.
PAYLOAD = ("</script><script>document.body.setAttribute('data-pwned', 'script')</script>"
           "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">"
           "<style>body { display: none }</style>\u202e")
HOSTILE_CODE = f'"""{PAYLOAD}"""\n' + ORIGINAL.replace("# a hit moves", f"# {PAYLOAD} a hit moves")
HOSTILE_NAME = 'eve"><img src=x onerror=alert(1)>'


def result(candidate: str, status: str, tests: tuple[GradedTest, ...], message: str | None = None) -> CandidateResult:
    passed = sum(t.status == "pass" for t in tests)
    grade = GradeResult("lru-cache", "python", status, passed, len(tests) - passed, len(tests), 0.5,  # type: ignore[arg-type]
                        message, tests)
    return CandidateResult(candidate, Path(f"{candidate}.py"), status, passed, len(tests) - passed, len(tests), 1.2,
                           message, grade)


def batch() -> BatchReport:
    ok = (GradedTest("test_get_returns_default", "pass"), GradedTest("test_evicts_least_recent", "pass"))
    results = (
        result("alice", "pass", ok),
        result("bob", "pass", ok),
        result("carol", "fail", (GradedTest("test_get_returns_default", "pass"),
                                 GradedTest("test_evicts_least_recent", "fail", "expected 'b' evicted, got <'a'>",
                                            "debug: evicting\n")), "1 of 2 tests did not pass"),
        result(HOSTILE_NAME, "pass", (GradedTest(f"test_{PAYLOAD}", "pass", None, PAYLOAD),)),
        CandidateResult("dave", Path("dave.py"), "timeout", 0, 0, 2, 8.0, "the time limit was hit"),
    )
    sources = [SourceFile("alice", "python", ORIGINAL), SourceFile("bob", "python", DISGUISED),
               SourceFile("carol", "python", INDEPENDENT), SourceFile(HOSTILE_NAME, "python", HOSTILE_CODE)]
    return BatchReport("lru-cache", "python", 2, 12.5, results, compare(sources))


def test_the_page_is_self_contained_and_names_every_candidate_with_verdict_and_tests() -> None:
    page = batch_html(batch())
    assert page.startswith("<!DOCTYPE html>")
    for candidate in ("alice", "bob", "carol", "dave", html.escape(HOSTILE_NAME)):
        assert page.count(f">{candidate}</h2>") == 1, candidate  # a section each
    assert "expected &#x27;b&#x27; evicted, got &lt;&#x27;a&#x27;&gt;" in page and "debug: evicting" in page
    assert '<span class="verdict timeout">TIMEOUT</span>' in page and "No test ran." in page
    assert page.count("<style>") == 1 and "<script" not in page and "<link" not in page and "url(" not in page


def test_each_flagged_pair_is_shown_side_by_side_with_the_matching_lines_marked() -> None:
    report = batch()
    assert report.similarity is not None
    flagged = {frozenset((p.a, p.b)) for p in report.similarity.flagged}
    assert flagged == {frozenset(pair) for pair in (("alice", "bob"), ("alice", HOSTILE_NAME), ("bob", HOSTILE_NAME))}
    page = batch_html(report)
    assert page.count('<section class="sheet pair"') == 3
    alice_bob = page[page.index('<section class="sheet pair" id="p-'):]
    # The original's put() line is marked as matching, with a tip naming the other file's lines.
    assert re.search(r'<tr class="m r\d" title="matches [^"]+ lines \d+–\d+"><td class="ln">\d+</td>'
                     r'<td class="tx">        self\.entries\[key\] = value</td></tr>', alice_bob)
    assert "not a verdict of copying" in page and "independent solutions of a short exercise" in page
    assert '<span class="flag">flagged</span>' in page
    carol = page[page.index(">carol</a></td>"):].split("</tr>")[0]
    assert "flagged" not in carol and re.search(r"alice 0\.\d\d", carol)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.links.update(value or "" for name, value in attrs if name == "href")


def test_hostile_text_is_escaped_everywhere_not_run() -> None:
    page = batch_html(batch())
    parsed = Tags()
    parsed.feed(page)
    # Only the page's own elements and attributes: nothing the submissions or their names wrote became markup.
    assert parsed.tags <= {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3", "p",
                           "section", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div", "ul", "li",
                           "details", "summary", "pre", "strong"}
    assert parsed.attributes <= {"lang", "charset", "name", "content", "class", "id", "href", "title"}
    assert all(re.fullmatch(r"#[cp]-\d+", link) for link in parsed.links)
    assert "&lt;/script&gt;&lt;script&gt;document.body.setAttribute" in page
    assert "&lt;img src=x onerror=&quot;document.body" in page
    assert "\u202e" not in page and "\\u202e" in page  # a bidi override is shown, not obeyed
    assert "eve&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_only_the_highest_pairs_are_shown_side_by_side_in_a_huge_batch() -> None:
    sources = [SourceFile(f"c{i:02d}", "python", ORIGINAL) for i in range(12)]  # 66 identical pairs
    report = BatchReport("lru-cache", "python", 1, 1.0, (), compare(sources))
    page = batch_html(report)
    assert page.count('<section class="sheet pair"') == MAX_PAIRS_SHOWN
    assert f"The {66 - MAX_PAIRS_SHOWN} lowest-scoring flagged pair(s) are not shown side by side" in page


def test_without_a_comparison_the_page_has_the_candidates_only() -> None:
    page = report_html(dataclasses.replace(batch(), similarity=None))
    assert "Similar submissions" not in page and ">alice</h2>" in page


def test_write_report_writes_html_by_extension(tmp_path: Path) -> None:
    target = tmp_path / "review.html"
    assert write_report(batch(), target) == "html"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- in a real browser ----------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def chromium(*args: str) -> str:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                               "--disable-component-update", "--disable-sync", "--no-first-run",
                               f"--user-data-dir={profile}", *args], capture_output=True, timeout=120, check=True,
                              text=True)
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_the_report_renders_in_a_headless_browser_and_nothing_in_it_runs(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    write_report(batch(), page)
    screenshot = tmp_path / "review.png"
    chromium(f"--screenshot={screenshot}", "--window-size=1400,2000", page.as_uri())
    png = screenshot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")) == (1400, 2000)
    assert len(png) > 60_000  # a blank or unstyled page compresses to far less
    # The DOM after the page loaded and ran whatever it would run: no element the submission wrote, no change.
    dom = chromium("--dump-dom", page.as_uri())
    body = re.search(r"<body[^>]*>", dom)
    assert body is not None and "data-pwned" not in body.group()
    assert "<img" not in dom and dom.count("<script") == 0 and dom.count("<style>") == 1
    for candidate in ("alice", "bob", "carol", "dave", html.escape(HOSTILE_NAME, quote=False)):
        assert f">{candidate}</h2>" in dom, candidate
