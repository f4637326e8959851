"""Text a submission produced, made safe to show a person: on a terminal, in a spreadsheet, in a CI viewer.

A grading's messages, test names and captured output are written by the candidate's code, and a candidate's
name comes from a file name, so both are hostile: an escape sequence could clear the reviewer's screen, rewrite
the verdict line, plant a hyperlink or write their clipboard (OSC 52), and a bidi override reorders what they
read. Every such character becomes its printable escape (``\\x1b``, ``\\r``, ``\\u202e``), so what the submission
tried is shown, not done. What follows an ESC (``[2J``, ``]52;c;...``) is plain text once the ESC is gone, so it
stays as written.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # every command's output goes through here; only grading commands should load the sandbox
    from sandbox import GradeResult, TestResult

# C0 controls but tab and newline, DEL, the C1 controls (8-bit CSI U+009B and OSC U+009D among them), the bidi
# embeddings, overrides and isolates, and surrogates: a lone one cannot be encoded, so it would crash the
# printing, or with surrogateescape reach the terminal as the raw byte it stands for (0x9b is CSI).
_UNSAFE = re.compile("\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Legal code points that XML 1.0 still refuses (the rest of what it refuses is in _UNSAFE).
_NOT_XML = re.compile("[\ufffe\uffff]")
# OWASP's list: a spreadsheet evaluates a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    found = match.group()
    if found == "\r\n":
        return "\n"
    if found == "\r":
        return "\\r"
    code = ord(found)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every terminal control made a printable escape; newlines and tabs stay, CRLF becomes LF.

    The result holds no character this replaces, so applying it again changes nothing.
    """
    return _UNSAFE.sub(_escape, text)


def csv_cell(value: str) -> str:
    """A cell no spreadsheet runs: controls made visible, and a leading ``'`` on what could start a formula."""
    shown = visible(value)
    if value.startswith(_FORMULA_START) or shown.startswith(_FORMULA_START):
        return "'" + shown
    return shown


def xml_text(value: str) -> str:
    """Text legal in XML 1.0 whatever it held (ElementTree writes any character, so a NUL makes the file unreadable)."""
    return _NOT_XML.sub(_escape, visible(value))


def _shown(text: str) -> str:
    # The fields come from a JSON report the submission may have shaped, so a "string" may be a number or a list.
    return visible(str(text))


def _sanitized_test(test: TestResult) -> TestResult:
    return dataclasses.replace(test, name=_shown(test.name),
                               message=None if test.message is None else _shown(test.message),
                               output=_shown(test.output))


def sanitized(result: GradeResult) -> GradeResult:
    """A copy of ``result`` whose submission-written text (the message, each test's name, message and output) is
    :func:`visible`."""
    return dataclasses.replace(result, message=None if result.message is None else _shown(result.message),
                               tests=tuple(_sanitized_test(test) for test in result.tests))
