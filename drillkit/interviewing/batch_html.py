"""The batch's HTML report: one self-contained page to read after ``drillkit grade``.

Per candidate the verdict and every test's result; per flagged pair the two files side by side with the matching
passages highlighted in the same colour on both sides. Everything a submission wrote (file contents, test names,
messages, output) and every candidate's name (a file name) is hostile: each string is made
:func:`~drillkit.safe_text.visible` (controls and bidi overrides shown as escapes) and then HTML-escaped, and the
page has no script, no external resource and no inline event handler of its own, so nothing in it can run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from drillkit.interviewing.batch import BatchReport, CandidateResult, sanitized_report
from drillkit.interviewing.similarity import LIMITS, SimilarityReport, SimilarPair, SourceFile, normalised_text
from drillkit.safe_text import visible

MAX_PAIRS_SHOWN = 50  # side by side; every flagged pair is still in the table
MAX_LINES_SHOWN = 2000
REGION_COLOURS = 6

CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --accent: #2457c5; --code-bg: #fbfcfe; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #eceff4; line-height: 1.45;
       font: 15px/1.45 "Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1500px; margin: 20px auto; padding: 0 16px; }
header.doc, section.sheet { background: #fff; border: 1px solid var(--line); border-radius: 8px;
       padding: 22px 28px; margin: 0 0 16px; }
header.doc { border-top: 6px solid var(--accent); }
h1 { margin: 0 0 4px; font-size: 1.7rem; }
h2 { margin: 0 0 10px; font-size: 1.3rem; overflow-wrap: anywhere; }
h3 { margin: 0 0 6px; font-size: 0.95rem; overflow-wrap: anywhere; }
p { margin: 0.4em 0; }
.subtitle, .muted { color: var(--muted); }
.limits { background: #fff8e6; border-left: 4px solid #d59a00; padding: 8px 12px; border-radius: 4px; }
a { color: var(--accent); text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.msg { overflow-wrap: anywhere; white-space: pre-wrap; }
.verdict { display: inline-block; font-weight: 700; font-size: 0.8rem; padding: 1px 8px; border-radius: 999px;
           background: #eef0f4; color: var(--muted); }
.verdict.pass { background: #e3f5ea; color: #1d6b42; }
.verdict.fail { background: #fde8e8; color: #a12626; }
.verdict.error { background: #f6e6fa; color: #7b2591; }
.verdict.timeout, .verdict.memory { background: #fff4de; color: #8a5a00; }
.verdict.skip { background: #f1f2f5; color: var(--muted); }
.flag { display: inline-block; font-weight: 700; font-size: 0.8rem; padding: 1px 8px; border-radius: 999px;
        background: #fde8e8; color: #a12626; }
.facts { display: flex; flex-wrap: wrap; gap: 6px 14px; margin: 0 0 10px; color: var(--muted); font-size: 0.9rem; }
.sxs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; }
.code { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; background: var(--code-bg); }
.code h3 { margin: 0; padding: 6px 10px; background: #f5f7fa; border-bottom: 1px solid var(--line); }
table.src { border: none; font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
table.src td { border: none; padding: 0 8px; }
table.src td.ln { width: 3.5em; text-align: right; color: #98a0ad; user-select: none; border-right: 1px solid var(--line); }
table.src td.tx { white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
tr.m td.ln { color: var(--ink); font-weight: 600; }
tr.r0 td { background: #ffe9a8; } tr.r1 td { background: #c9e8ff; } tr.r2 td { background: #d6f5d0; }
tr.r3 td { background: #f7d4ef; } tr.r4 td { background: #ffd9c2; } tr.r5 td { background: #e0dcff; }
span.r0, span.r1, span.r2, span.r3, span.r4, span.r5 { padding: 0 4px; border-radius: 3px; }
span.r0 { background: #ffe9a8; } span.r1 { background: #c9e8ff; } span.r2 { background: #d6f5d0; }
span.r3 { background: #f7d4ef; } span.r4 { background: #ffd9c2; } span.r5 { background: #e0dcff; }
ul.regions { margin: 6px 0 12px; padding-left: 1.2em; font-size: 0.9rem; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f6fa; padding: 6px 8px;
              border-radius: 4px; margin: 4px 0 0; font-size: 0.85rem; }
@media print {
  body { background: #fff; font-size: 10pt; }
  main { max-width: none; margin: 0; padding: 0; }
  header.doc, section.sheet { border: none; padding: 0; margin: 0 0 12pt; }
  section.pair, section.candidate { break-before: page; page-break-before: always; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def shown(text: object) -> str:
    """Hostile text as inert HTML: controls made visible escapes, then every markup character escaped."""
    return html.escape(visible(str(text)), quote=True)


def _verdict(status: str) -> str:
    kind = status if status in ("pass", "fail", "error", "timeout", "memory", "skip") else "other"
    return f'<span class="verdict {kind}">{shown(status.upper())}</span>'


def _lines(a: int, b: int) -> str:
    return f"{a}" if a == b else f"{a}–{b}"


def _pair_title(pair: SimilarPair) -> str:
    return f"{shown(pair.a)} ↔ {shown(pair.b)}"


# --- sections --------------------------------------------------------------------------------------------------


def _summary(report: BatchReport, pair_ids: dict[tuple[str, str], str]) -> list[str]:
    similarity = report.similarity
    parts = ['<section class="sheet" id="candidates"><h2>Candidates</h2>', "<table>",
             "<thead><tr><th>candidate</th><th>verdict</th><th>tests</th><th>time</th><th>most similar</th>"
             "<th>message</th></tr></thead><tbody>"]
    for index, r in enumerate(report.results, 1):
        nearest = similarity.nearest_of(r.candidate) if similarity is not None else None
        if nearest is None:
            alike = '<span class="muted">not compared</span>' if similarity is not None else ""
        elif nearest.other is None:
            alike = '<span class="muted">none</span>'
        else:
            alike = f"{shown(nearest.other)} {nearest.score:.2f}"
            if nearest.flagged:
                target = pair_ids.get((r.candidate, nearest.other)) or pair_ids.get((nearest.other, r.candidate))
                flag = '<span class="flag">flagged</span>'
                alike += f' <a href="#{target}">{flag}</a>' if target else f" {flag}"
        parts.append(f'<tr><td><a href="#c-{index}">{shown(r.candidate)}</a></td><td>{_verdict(r.status)}</td>'
                     f'<td class="num">{r.passed}/{r.total}</td><td class="num">{r.seconds:.1f} s</td>'
                     f'<td>{alike}</td><td class="msg">{shown(r.message or "")}</td></tr>')
    parts += ["</tbody></table>", "</section>"]
    return parts


def _similarity_overview(similarity: SimilarityReport, pair_ids: dict[tuple[str, str], str]) -> list[str]:
    parts = ['<section class="sheet" id="similarity"><h2>Similar submissions</h2>',
             f'<p>{similarity.compared} pair(s) compared, each within one language; pairs scoring '
             f"{similarity.threshold:.2f} or more are flagged. Score: the share of both files' code, names, "
             f"comments, layout, function order and the starter aside, found in the other file "
             f"(winnowed fingerprints of {similarity.kgram} tokens).</p>",
             f'<p class="limits">{shown(LIMITS)}</p>']
    if similarity.flagged:
        parts += ["<table><thead><tr><th>pair</th><th>score</th><th>first file covered</th>"
                  "<th>second file covered</th><th>language</th></tr></thead><tbody>"]
        for pair in similarity.flagged:
            target = pair_ids.get((pair.a, pair.b))
            title = f'<a href="#{target}">{_pair_title(pair)}</a>' if target else _pair_title(pair)
            parts.append(f'<tr><td>{title}</td><td class="num">{pair.score:.2f}</td>'
                         f'<td class="num">{pair.coverage_a:.0%}</td><td class="num">{pair.coverage_b:.0%}</td>'
                         f"<td>{shown(pair.language)}</td></tr>")
        parts.append("</tbody></table>")
        hidden = len(similarity.flagged) - len(pair_ids)
        if hidden > 0:
            parts.append(f'<p class="muted">The {hidden} lowest-scoring flagged pair(s) are not shown side by side '
                         f"below; the JSON report has their matching lines.</p>")
    else:
        parts.append(f"<p>No pair scored {similarity.threshold:.2f} or more.</p>")
    if similarity.skipped:
        parts.append("<p>Not compared:</p><ul>")
        parts += [f"<li>{shown(s.candidate)}: {shown(s.reason)}</li>" for s in similarity.skipped]
        parts.append("</ul>")
    parts.append("</section>")
    return parts


def _code(source: SourceFile | None, name: str, marks: dict[int, int], tips: dict[int, str]) -> list[str]:
    parts = ['<div class="code">', f"<h3>{shown(name)}</h3>"]
    if source is None:
        return [*parts, '<p class="muted">(the file could not be read)</p>', "</div>"]
    lines = normalised_text(source.text).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    parts.append('<table class="src"><tbody>')
    for number, line in enumerate(lines[:MAX_LINES_SHOWN], 1):
        region = marks.get(number)
        if region is None:
            parts.append(f'<tr><td class="ln">{number}</td><td class="tx">{shown(line)}</td></tr>')
        else:
            parts.append(f'<tr class="m r{region % REGION_COLOURS}" title="{shown(tips[number])}">'
                         f'<td class="ln">{number}</td><td class="tx">{shown(line)}</td></tr>')
    parts.append("</tbody></table>")
    if len(lines) > MAX_LINES_SHOWN:
        parts.append(f'<p class="muted">… {len(lines) - MAX_LINES_SHOWN} more lines not shown</p>')
    return [*parts, "</div>"]


def _marks(spans: Iterable[tuple[int, tuple[int, int], str]]) -> tuple[dict[int, int], dict[int, str]]:
    marks: dict[int, int] = {}
    tips: dict[int, str] = {}
    for index, (first, last), tip in spans:
        for number in range(first, last + 1):
            if number not in marks:
                marks[number] = index
                tips[number] = tip
    return marks, tips


def _pair_section(pair: SimilarPair, anchor: str, similarity: SimilarityReport) -> list[str]:
    parts = [f'<section class="sheet pair" id="{anchor}"><h2>{_pair_title(pair)}</h2>',
             f'<div class="facts"><span>score <strong>{pair.score:.2f}</strong></span>'
             f"<span>{shown(pair.a)}: {pair.coverage_a:.0%} of its code matched</span>"
             f"<span>{shown(pair.b)}: {pair.coverage_b:.0%} of its code matched</span>"
             f"<span>{shown(pair.language)}</span></div>"]
    if pair.regions:
        parts.append('<ul class="regions">')
        for index, region in enumerate(pair.regions):
            parts.append(f'<li><span class="r{index % REGION_COLOURS}">{shown(pair.a)} lines '
                         f"{_lines(*region.a_lines)}</span> ↔ <span class=\"r{index % REGION_COLOURS}\">"
                         f"{shown(pair.b)} lines {_lines(*region.b_lines)}</span> ({region.tokens} tokens)</li>")
        parts.append("</ul>")
    marks_a, tips_a = _marks((i, r.a_lines, f"matches {visible(pair.b)} lines {_lines(*r.b_lines)}")
                             for i, r in enumerate(pair.regions))
    marks_b, tips_b = _marks((i, r.b_lines, f"matches {visible(pair.a)} lines {_lines(*r.a_lines)}")
                             for i, r in enumerate(pair.regions))
    parts.append('<div class="sxs">')
    parts += _code(similarity.source_of(pair.a), pair.a, marks_a, tips_a)
    parts += _code(similarity.source_of(pair.b), pair.b, marks_b, tips_b)
    parts += ["</div>", "</section>"]
    return parts


def _candidate_section(r: CandidateResult, index: int, report: BatchReport) -> list[str]:
    parts = [f'<section class="sheet candidate" id="c-{index}"><h2>{shown(r.candidate)}</h2>',
             f'<div class="facts">{_verdict(r.status)}<span>{r.passed}/{r.total} tests passed</span>'
             f"<span>{r.seconds:.1f} s</span><span>{shown(r.path)}</span></div>"]
    nearest = report.similarity.nearest_of(r.candidate) if report.similarity is not None else None
    if nearest is not None and nearest.flagged:
        parts.append(f'<p><span class="flag">similar</span> to {shown(", ".join(nearest.flagged_with))}</p>')
    if r.message:
        parts.append(f'<p class="msg">{shown(r.message)}</p>')
    tests = r.grade.tests if r.grade is not None else ()
    if tests:
        parts.append("<table><thead><tr><th>test</th><th>verdict</th><th>message</th></tr></thead><tbody>")
        for test in tests:
            detail = shown(test.message or "")
            if test.output:
                detail += f"<details><summary>output</summary><pre>{shown(test.output)}</pre></details>"
            parts.append(f"<tr><td>{shown(test.name)}</td><td>{_verdict(test.status)}</td>"
                         f'<td class="msg">{detail}</td></tr>')
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="muted">No test ran.</p>')
    parts.append("</section>")
    return parts


def _counts(report: BatchReport) -> str:
    return ", ".join(f"{n} {status}" for status, n in report.counts().items()) or "nothing graded"


def batch_html(report: BatchReport) -> str:
    """The whole batch as one page: candidates, the similar pairs side by side, then each candidate's tests."""
    # Names are made visible once (as in every other report); the text of each file is escaped where it is shown.
    report = sanitized_report(report)
    similarity = report.similarity
    shown_pairs: Sequence[SimilarPair] = similarity.flagged[:MAX_PAIRS_SHOWN] if similarity is not None else ()
    pair_ids = {(p.a, p.b): f"p-{i}" for i, p in enumerate(shown_pairs, 1)}
    title = f"drillkit grade: {report.question}"
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{shown(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>", "<main>",
        f'<header class="doc"><h1>{shown(title)}</h1><p class="subtitle">{len(report.results)} candidate(s) in '
        f"{shown(report.language)}, graded in {report.seconds:.1f} s: {shown(_counts(report))}"
        + (f"; {len(similarity.flagged)} similar pair(s) flagged" if similarity is not None else "")
        + "</p></header>",
    ]
    parts += _summary(report, pair_ids)
    if similarity is not None:
        parts += _similarity_overview(similarity, pair_ids)
        for pair in shown_pairs:
            parts += _pair_section(pair, pair_ids[(pair.a, pair.b)], similarity)
    for index, r in enumerate(report.results, 1):
        parts += _candidate_section(r, index, report)
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
