"""The languages a submission may be written in: what a language is to the sandbox.

A language is a runner image (``sandbox/images/<name>/``), a driver in it that speaks the wire protocol
(``sandbox/protocol.md``), the name the candidate's file takes inside the sandbox, and how long loading may take
(compiling included). The tests are always the exercise's one pytest suite in ``graders/<id>/python/``; another
language adds only files of the solution side in ``graders/<id>/<name>/``: an adapter that maps the Python
contract onto the language's idiomatic API, a reference and a starter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

# The exercise's tests live here whatever the submission's language.
TESTS_LANGUAGE = "python"


@dataclass(frozen=True)
class Language:
    name: str
    title: str
    extensions: tuple[str, ...]  # the first is the one `solve` writes
    submission: str  # the candidate's file as the driver finds it in /tmp/submission
    comment: str  # a line comment, for the prompt `solve` puts on top of the starter
    compiled: bool
    load_seconds: float  # loading the submission, compiling included, before the first test gives up
    adapter: str | None  # the file of graders/<id>/<name>/ that maps the tests' contract onto the language's API


LANGUAGES: dict[str, Language] = {
    "python": Language("python", "Python", (".py",), "solution.py", "#", False, 5.0, None),
    "go": Language("go", "Go", (".go",), "solution.go", "//", True, 40.0, "adapter.go"),
    "java": Language("java", "Java", (".java",), "Solution.java", "//", True, 40.0, "Adapter.java"),
    "cpp": Language("cpp", "C++", (".hpp", ".cpp", ".cc", ".cxx", ".h", ".hh"), "solution.hpp", "//", True, 60.0,
                    "adapter.cpp"),
}
# Files of a language's grader folder that never reach the sandbox: the candidate must not get the answer.
PRIVATE_FILE_STEMS = ("reference.", "starter.", "API.")


def language(name: str) -> Language:
    try:
        return LANGUAGES[name]
    except KeyError:
        raise ValueError(f"unknown language '{name}' (known: {', '.join(LANGUAGES)})") from None


def language_of(path: str | PurePath) -> str | None:
    """The language a file's extension names, or None."""
    suffix = PurePath(path).suffix.lower()
    return next((lang.name for lang in LANGUAGES.values() if suffix in lang.extensions), None)
