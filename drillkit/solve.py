"""``drillkit solve``: the starter file, with the prompt as a comment header."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from drillkit.bank import Bank
from drillkit.errors import DrillkitError, UsageError
from drillkit.graders import coding_question

EXTENSIONS = {"python": ".py"}
COMMENT = {"python": "#"}


@dataclass(frozen=True)
class StartedSolution:
    path: Path
    created: bool


def starter_text(prompt: str, title: str, starter: str, language: str) -> str:
    mark = COMMENT[language]
    lines = [f"{mark} {title}", mark]
    for paragraph in prompt.strip().splitlines():
        wrapped = textwrap.wrap(paragraph, 100) or [""]
        lines.extend(f"{mark} {line}".rstrip() for line in wrapped)
    return "\n".join(lines) + "\n\n" + starter


def write_starter(bank: Bank, question_id: str, directory: Path, language: str, *, force: bool = False) -> StartedSolution:
    question = coding_question(bank, question_id, language)
    if language not in EXTENSIONS:
        raise UsageError(f"unsupported language '{language}'")
    path = directory / f"{question.id.replace('-', '_')}{EXTENSIONS[language]}"
    if path.exists() and not force:
        return StartedSolution(path, created=False)
    starters = sorted(bank.grader_dir(question, language).glob("starter.*"))
    if not starters:
        raise DrillkitError(f"'{question_id}' has no starter file", hint="run drillkit validate")
    text = starter_text(question.prompt, question.title, starters[0].read_text(encoding="utf-8"), language)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}", hint="pick a writable --dir") from None
    return StartedSolution(path, created=True)
