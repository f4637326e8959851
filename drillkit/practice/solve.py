"""``drillkit solve``: the starter file, with the prompt as a comment header."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank import Bank
from drillkit.errors import DrillkitError, UsageError
from drillkit.graders import coding_question, language_api
from drillkit.model import solution_file_name
from sandbox.languages import LANGUAGES


@dataclass(frozen=True)
class StartedSolution:
    path: Path
    created: bool


def starter_text(prompt: str, title: str, starter: str, language: str, api: str | None = None) -> str:
    """The starter under a comment header: the title, the prompt and, for a language other than Python, the
    exercise's API in that language (the prompt states the contract in Python's terms)."""
    mark = LANGUAGES[language].comment
    lines = [f"{mark} {title}", mark]
    text = prompt.strip() + (f"\n\nIn {LANGUAGES[language].title}:\n\n{api.strip()}" if api else "")
    for paragraph in text.splitlines():
        wrapped = textwrap.wrap(paragraph, 100) or [""]
        lines.extend(f"{mark} {line}".rstrip() for line in wrapped)
    return "\n".join(lines) + "\n\n" + starter


def write_starter(bank: Bank, question_id: str, directory: Path, language: str, *, force: bool = False) -> StartedSolution:
    if language not in LANGUAGES:
        raise UsageError(f"unsupported language '{language}'", hint=f"use one of: {', '.join(LANGUAGES)}")
    question = coding_question(bank, question_id, language)
    path = directory / solution_file_name(question.id, language)
    if path.exists() and not force:
        return StartedSolution(path, created=False)
    starters = sorted(bank.grader_dir(question, language).glob("starter.*"))
    if not starters:
        raise DrillkitError(f"'{question_id}' has no starter file", hint="run drillkit validate")
    text = starter_text(question.prompt, question.title, starters[0].read_text(encoding="utf-8"), language,
                        language_api(bank, question, language))
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}", hint="pick a writable --dir") from None
    return StartedSolution(path, created=True)
