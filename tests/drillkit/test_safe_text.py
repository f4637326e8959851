"""Submission text made safe to show: terminal controls visible, CSV cells inert, XML always well-formed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from drillkit.safe_text import csv_cell, sanitized, visible, xml_text
from sandbox import GradeResult
from sandbox import TestResult as GradedTest

# What a hostile submission prints, and how each must read once made visible.
ATTACKS = [
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
    ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),
    ("\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
     "\\x1b]8;;https://evil.example/\\x1b\\click me\\x1b]8;;\\x1b\\"),
    ("\x1b]52;c;cm0gLXJmIH4K\x07", "\\x1b]52;c;cm0gLXJmIH4K\\x07"),
    ("\x9b2J", "\\x9b2J"),
    ("\x9d0;title\x9c", "\\x9d0;title\\x9c"),
    ("\x1bc", "\\x1bc"),
    ("FAIL\rPASS", "FAIL\\rPASS"),
    ("FAIL\x08\x08\x08\x08PASS", "FAIL\\x08\\x08\\x08\\x08PASS"),
    ("ding\x07", "ding\\x07"),
    ("abc\u202edcba", "abc\\u202edcba"),
    ("\u2066isolated\u2069", "\\u2066isolated\\u2069"),
    ("nul\x00 vt\x0b ff\x0c del\x7f", "nul\\x00 vt\\x0b ff\\x0c del\\x7f"),
    ("\udc9b lone surrogate", "\\udc9b lone surrogate"),
]
CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7f, 0xa0), *range(0x202a, 0x202f), *range(0x2066, 0x206a))
            if chr(c) not in "\t\n"]


@pytest.mark.parametrize(("raw", "shown"), ATTACKS)
def test_every_control_sequence_is_shown_not_done(raw: str, shown: str) -> None:
    assert visible(raw) == shown


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_no_control_survives(control: str) -> None:
    result = visible(f"a{control}b")
    assert control not in result
    assert result.isprintable()


def test_newlines_and_tabs_stay_and_crlf_becomes_lf() -> None:
    assert visible("line 1\r\n\tline 2\n") == "line 1\n\tline 2\n"
    assert visible("a\r\r\nb") == "a\\r\nb"


def test_plain_text_is_left_alone() -> None:
    text = "expected 5, got <-1> — ünïcode [bold] C:\\path\\x1b"
    assert visible(text) == text


@pytest.mark.parametrize(("raw", "_"), ATTACKS)
def test_applying_it_twice_changes_nothing(raw: str, _: str) -> None:
    assert visible(visible(raw)) == visible(raw)


# --- CSV cells --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "cell"), [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\\r=1+1"),
    ("\r\n=1+1", "'\n=1+1"),
])
def test_a_cell_that_could_be_a_formula_gets_a_quote(raw: str, cell: str) -> None:
    assert csv_cell(raw) == cell


def test_a_normal_cell_is_left_alone() -> None:
    assert csv_cell("1 of 3 tests did not pass") == "1 of 3 tests did not pass"
    assert csv_cell("alice") == "alice"
    assert csv_cell("") == ""


def test_a_csv_cell_has_its_controls_made_visible() -> None:
    assert csv_cell("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"
    assert csv_cell("\x1b=1") == "\\x1b=1"  # starts with a backslash now: not a formula


# --- XML --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["nul\x00", "esc\x1b[31m", "vt\x0b", "nonchar\ufffe\uffff", "lone\ud800",
                                 "bell\x07 back\x08 \x9b", "\r\n crlf \r bare"])
def test_xml_text_always_parses_back(raw: str) -> None:
    element = ET.Element("case", message=xml_text(raw))
    element.text = xml_text(raw)
    parsed = ET.fromstring(ET.tostring(element, encoding="unicode"))
    assert parsed.text == xml_text(raw) == parsed.get("message")


def test_xml_text_shows_what_it_replaced() -> None:
    assert xml_text("a\x00b\x1bc\x0bd\ufffee\tf\ng") == "a\\x00b\\x1bc\\x0bd\\ufffee\tf\ng"


def test_unsanitised_text_is_what_breaks_the_xml() -> None:
    # The point of xml_text: ElementTree writes a NUL as it is, and the file no longer parses.
    element = ET.Element("case", message="nul\x00")
    with pytest.raises(ET.ParseError):
        ET.fromstring(ET.tostring(element, encoding="unicode"))


# --- a grading result -------------------------------------------------------------------------------------


def test_sanitized_covers_every_submission_field_and_leaves_the_counts() -> None:
    result = GradeResult("sandbox-add", "python", "fail", 0, 2, 2, 1.5, "\x1b[2J2 of 2 failed", (
        GradedTest("test_\x1b[31ma", "fail", "assert\r1 == 2", "printed\x9b2J\x07"),
        GradedTest("test_b", "error", None, "\u202eevil"),
    ))
    shown = sanitized(result)
    assert shown.message == "\\x1b[2J2 of 2 failed"
    assert [(t.name, t.status, t.message, t.output) for t in shown.tests] == [
        ("test_\\x1b[31ma", "fail", "assert\\r1 == 2", "printed\\x9b2J\\x07"),
        ("test_b", "error", None, "\\u202eevil"),
    ]
    assert (shown.question, shown.status, shown.passed, shown.failed, shown.total) == ("sandbox-add", "fail", 0, 2, 2)
    assert result.message == "\x1b[2J2 of 2 failed"  # a copy: the result itself is untouched


def test_sanitized_survives_a_report_field_that_is_not_a_string() -> None:
    forged = GradedTest("test_a", "fail", {"not": "a string"}, "")  # type: ignore[arg-type]
    assert sanitized(GradeResult("q", "python", "fail", 0, 1, 1, 0.1, None, (forged,))).tests[0].message == (
        "{'not': 'a string'}")
