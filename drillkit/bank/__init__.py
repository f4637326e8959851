"""Locating and loading question banks.

One resolver finds the data: the bank shipped with the package, then the layers named by ``DRILLKIT_BANK``
(``os.pathsep``-separated) and ``--bank``, each on top of the ones before. A question in an upper layer with the
same id replaces the lower one, which is how a team keeps a private variant of a public question.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drillkit.errors import BankError, NotFoundError, UsageError
from drillkit.model import Qualification, Question, question_from_data
from drillkit.yamlio import line_of, load_yaml, load_yaml_text
from sandbox.languages import LANGUAGES, TESTS_LANGUAGE

if TYPE_CHECKING:
    import jsonschema

SCHEMA_HEADER = "# yaml-language-server: $schema="
PLACEHOLDER = "TODO(drillkit)"
BANK_ENV = "DRILLKIT_BANK"


def builtin_root() -> Path:
    """The bank inside an installed wheel, or the repository's top level in a source checkout."""
    package = Path(__file__).resolve().parents[1]  # drillkit/, where the wheel puts the bank as _bank/
    packaged = package / "_bank"
    if (packaged / "questions").is_dir():
        return packaged
    return package.parent


@dataclass(frozen=True)
class BankRoot:
    path: Path
    builtin: bool = False

    @property
    def questions_dir(self) -> Path:
        return self.path / "questions"

    @property
    def graders_dir(self) -> Path:
        return self.path / "graders"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank file, as ``validate`` lists it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Bank:
    roots: tuple[BankRoot, ...]
    questions: tuple[Question, ...]
    qualifications: tuple[Qualification, ...]
    origin: dict[str, BankRoot] = field(default_factory=dict, compare=False, repr=False)

    def get(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise NotFoundError(f"unknown question id '{question_id}'", hint=_did_you_mean(question_id, self.ids()))

    def ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def qualification(self, qualification_id: str) -> Qualification:
        for qualification in self.qualifications:
            if qualification.id == qualification_id:
                return qualification
        known = ", ".join(q.id for q in self.qualifications)
        raise NotFoundError(f"unknown qualification '{qualification_id}'", hint=f"known: {known}")

    def grader_dir(self, question: Question, language: str) -> Path:
        """The exercise's folder for ``language``: the tests and Python files in ``python``, an adapter, a
        reference and a starter in any other."""
        root = self.origin.get(question.id, self.roots[0])
        return root.graders_dir / question.id / language

    def tests_dir(self, question: Question) -> Path:
        """The exercise's one test suite, whatever the submission's language."""
        return self.grader_dir(question, TESTS_LANGUAGE)


def _did_you_mean(word: str, candidates: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(candidates), n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(close) + "?"
    return "run `drillkit list` to see the ids"


def bank_roots(extra: Sequence[str | Path] = ()) -> tuple[BankRoot, ...]:
    roots = [BankRoot(builtin_root(), builtin=True)]
    env = os.environ.get(BANK_ENV, "")
    named = [p for p in env.split(os.pathsep) if p.strip()] + [str(p) for p in extra]
    for raw in named:
        path = Path(raw).expanduser()
        if not path.is_dir():
            raise UsageError(f"bank '{raw}' is not a folder", hint="pass a folder that holds questions/")
        if not (path / "questions").is_dir():
            raise UsageError(
                f"bank '{raw}' has no questions/ folder",
                hint="a bank holds questions/<qualification>/<id>.yaml and, for coding questions, graders/",
            )
        root = BankRoot(path.resolve())
        if root.path not in {r.path for r in roots}:
            roots.append(root)
    return tuple(roots)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((builtin_root() / "questions" / "schema.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema  # only when a file must be parsed: a warm cache never needs it

    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def _schema_message(error: jsonschema.ValidationError, data: Any) -> str:
    kind = data.get("kind") if isinstance(data, dict) else None
    path = list(error.absolute_path)
    if not path and not error.validator and isinstance(data, dict):
        # jsonschema reports a field forbidden for this kind without its name; find it by its value.
        path = [next((k for k, v in data.items() if v == error.instance), "?")]
        error.path.extend(path)
    where = "/".join(str(p) for p in path)
    prefix = f"{where}: " if where else ""
    if error.validator == "required" and isinstance(error.message, str):
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{prefix}missing required field '{missing}'"
    if error.validator == "additionalProperties":
        return f"{prefix}{error.message} (see questions/schema.json for the allowed fields)"
    if error.validator is None or "False schema" in error.message:
        return f"field '{where}' is not allowed for kind '{kind}'"
    message = error.message if len(error.message) <= 160 else error.message[:157] + "..."
    return f"{prefix}{message}"


def _schema_problems(data: Any, text: str, path: Path) -> list[Problem]:
    problems = []
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        if error.validator in {"if", "allOf"}:
            continue
        message = _schema_message(error, data)
        problems.append(Problem(path, line_of(text, list(error.absolute_path)), message))
    return problems


def _load_taxonomy(root: BankRoot) -> tuple[list[Qualification], list[Problem]]:
    path = root.questions_dir / "qualifications.yaml"
    if not path.exists():
        return [], []
    try:
        data = load_yaml(path)
    except BankError as exc:
        return [], [Problem(exc.path, exc.line, exc.message.split(": ", 1)[-1])]
    entries = data.get("qualifications") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [], [Problem(path, 1, "expected a top-level 'qualifications:' list")]
    result: list[Qualification] = []
    problems: list[Problem] = []
    text = path.read_text(encoding="utf-8")
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("id", "title")):
            problems.append(Problem(path, line_of(text, ["qualifications", index]), "each entry needs an id and a title"))
            continue
        phrases = entry.get("phrases", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            problems.append(Problem(path, line_of(text, ["qualifications", index, "phrases"]), "phrases must be a list of text"))
            continue
        result.append(Qualification(entry["id"], entry["title"], str(entry.get("description", "")).strip(), tuple(phrases)))
    return result, problems


def _merge_taxonomies(layers: Iterable[list[Qualification]]) -> tuple[Qualification, ...]:
    merged: dict[str, Qualification] = {}
    for layer in layers:
        for qualification in layer:
            earlier = merged.get(qualification.id)
            if earlier is not None:
                phrases = tuple(dict.fromkeys(earlier.phrases + qualification.phrases))
                qualification = Qualification(qualification.id, qualification.title,
                                              qualification.description or earlier.description, phrases)
            merged[qualification.id] = qualification
    return tuple(merged.values())


def _check_question(data: dict[str, Any], text: str, path: Path, taxonomy: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    if data.get("id") != path.stem:
        problems.append(Problem(path, line_of(text, ["id"]), f"id '{data.get('id')}' must equal the file name '{path.stem}'"))
    qualification = data.get("qualification")
    if qualification != path.parent.name:
        problems.append(Problem(path, line_of(text, ["qualification"]),
                                f"qualification '{qualification}' must match the folder '{path.parent.name}'"))
    elif qualification not in taxonomy:
        problems.append(Problem(path, line_of(text, ["qualification"]),
                                f"unknown qualification '{qualification}': add it to questions/qualifications.yaml"))
    kind = data.get("kind")
    choices = data.get("choices") or []
    correct = sum(1 for c in choices if isinstance(c, dict) and c.get("correct") is True)
    if kind == "single-choice" and correct != 1:
        problems.append(Problem(path, line_of(text, ["choices"]),
                                f"a single-choice question needs exactly one correct choice, found {correct}"))
    if kind == "multiple-choice" and (correct < 2 or correct == len(choices)):
        problems.append(Problem(path, line_of(text, ["choices"]),
                                f"a multiple-choice question needs at least two correct and one wrong choice, "
                                f"found {correct} correct of {len(choices)}"))
    if kind == "design" and data.get("rubric") is not None and not data.get("rubric"):
        problems.append(Problem(path, line_of(text, ["rubric"]), "a design question needs a rubric with points"))
    if not text.startswith(SCHEMA_HEADER):
        problems.append(Problem(path, 1, f"first line must be '{SCHEMA_HEADER}../schema.json' so editors validate the file"))
    if PLACEHOLDER in text:
        line = next(i for i, row in enumerate(text.splitlines(), 1) if PLACEHOLDER in row)
        problems.append(Problem(path, line, f"placeholder {PLACEHOLDER} left from `drillkit new`: replace it with real content"))
    return problems


def unlisted_language_folders(bank: Bank, question: Question) -> list[Problem]:
    """Grader folders for languages the question does not list: work nobody can reach, or a typo. Only `validate`
    says so, so that a language can be written before it is switched on."""
    exercise = bank.grader_dir(question, TESTS_LANGUAGE).parent
    if not exercise.is_dir():
        return []
    return [Problem(question.path, None, f"grader folder {folder} is for a language the question does not list: add "
                                         f"'{folder.name}' to languages when it is complete, or remove the folder")
            for folder in sorted(p for p in exercise.iterdir() if p.is_dir() and p.name != "__pycache__")
            if folder.name not in question.languages]


def grader_problems(root: BankRoot, question: Question) -> list[Problem]:
    problems = []
    exercise = root.graders_dir / question.id
    if TESTS_LANGUAGE not in question.languages:
        problems.append(Problem(question.path, None, f"coding question must list {TESTS_LANGUAGE}: its tests live in "
                                                     f"{exercise / TESTS_LANGUAGE} whatever the submission's language"))
    for language in question.languages:
        folder = exercise / language
        known = LANGUAGES.get(language)
        if known is None:
            problems.append(Problem(question.path, None, f"unknown language '{language}' "
                                                         f"(known: {', '.join(LANGUAGES)})"))
            continue
        if not folder.is_dir():
            problems.append(Problem(question.path, None,
                                    f"coding question has no grader folder {folder}: create it with the "
                                    f"{'tests, ' if language == TESTS_LANGUAGE else 'adapter, '}"
                                    "reference and starter (drillkit new --kind coding scaffolds one)"))
            continue
        for stem in ("reference", "starter"):
            if not [f for f in folder.glob(f"{stem}.*") if f.suffix in known.extensions]:
                problems.append(Problem(folder, None, f"grader folder has no {stem} file "
                                                      f"({stem}{known.extensions[0]} for {language})"))
        if language == TESTS_LANGUAGE and not list(folder.glob("test_*.py")):
            problems.append(Problem(folder, None, "grader folder has no test_*.py file"))
        if known.adapter is not None and not (folder / known.adapter).is_file():
            problems.append(Problem(folder, None, f"grader folder has no {known.adapter}: the {known.title} driver "
                                                  "needs it to map the tests' calls onto the API (see CONTRIBUTING.md)"))
        for file in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (*known.extensions, ".md")):
            text = file.read_text(encoding="utf-8", errors="replace")
            if PLACEHOLDER in text:
                line = next(i for i, row in enumerate(text.splitlines(), 1) if PLACEHOLDER in row)
                problems.append(Problem(file, line, f"placeholder {PLACEHOLDER} left from `drillkit new`: replace it"))
    return problems


def question_files(root: BankRoot) -> list[Path]:
    return sorted(p for p in root.questions_dir.glob("*/*.yaml") if p.is_file())


class _ParsedCache:
    """Parsed, schema-valid question data keyed by the file's content hash.

    Parsing and schema-checking four hundred files is most of a command's start-up; the result only changes when
    a file or the schema does, so it is kept in the user's cache directory (a lost or broken cache costs a reparse).
    """

    def __init__(self, path: Path | None, entries: dict[str, Any]) -> None:
        self.path = path
        self.entries = entries
        self.used: dict[str, Any] = {}
        self.dirty = False

    @classmethod
    def open(cls) -> _ParsedCache:
        try:
            from drillkit.paths import cache_dir

            version = hashlib.sha1(json.dumps(schema(), sort_keys=True).encode()).hexdigest()[:12]
            path = cache_dir() / f"bank-{version}.json"
            entries = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
            return cls(path, entries if isinstance(entries, dict) else {})
        except (OSError, ValueError):
            return cls(None, {})

    def get(self, digest: str) -> dict[str, Any] | None:
        data = self.entries.get(digest)
        if isinstance(data, dict):
            self.used[digest] = data
            return data
        return None

    def put(self, digest: str, data: dict[str, Any]) -> None:
        self.used[digest] = data
        self.dirty = True

    def save(self) -> None:
        # Only what this scan used is kept, so edited files do not pile up old versions.
        if self.path is None or not (self.dirty or len(self.used) != len(self.entries)):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.used), encoding="utf-8")
            os.replace(tmp, self.path)
        except (OSError, TypeError, ValueError):
            pass


def scan(roots: Sequence[BankRoot], *, only: Sequence[Path] | None = None) -> tuple[Bank, list[Problem]]:
    """Load every layer, collecting problems instead of stopping at the first."""
    problems: list[Problem] = []
    taxonomies = []
    for root in roots:
        layer, layer_problems = _load_taxonomy(root)
        taxonomies.append(layer)
        problems.extend(layer_problems)
    qualifications = _merge_taxonomies(taxonomies)
    known = {q.id for q in qualifications}
    selected = {p.resolve() for p in only} if only is not None else None
    by_id: dict[str, Question] = {}
    origin: dict[str, BankRoot] = {}
    cache = _ParsedCache.open()
    for root in roots:
        seen_in_layer: dict[str, Path] = {}
        for path in question_files(root):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(path, None, f"cannot read: {exc}"))
                continue
            digest = hashlib.sha1(text.encode()).hexdigest()
            data = cache.get(digest)
            if data is None:
                try:
                    data = load_yaml_text(text, path)
                except BankError as exc:
                    problems.append(Problem(path, exc.line, exc.message.split(": ", 1)[-1]))
                    continue
                if not isinstance(data, dict):
                    problems.append(Problem(path, 1, "expected a mapping of question fields"))
                    continue
                file_problems = _schema_problems(data, text, path)
                if not file_problems:
                    cache.put(digest, data)
            else:
                file_problems = []
            checked = selected is None or path.resolve() in selected
            file_problems += _check_question(data, text, path, known)
            if path.stem in seen_in_layer:
                file_problems.append(Problem(path, line_of(text, ["id"]),
                                             f"duplicate id '{path.stem}': also {seen_in_layer[path.stem]}"))
            seen_in_layer[path.stem] = path
            if file_problems:
                if checked:
                    problems.extend(file_problems)
                continue
            question = question_from_data(data, path)
            by_id[question.id] = question
            origin[question.id] = root
            if checked and question.kind == "coding":
                problems.extend(grader_problems(root, question))
    cache.save()
    order = {q.id: i for i, q in enumerate(qualifications)}
    questions = tuple(sorted(by_id.values(), key=lambda q: (order.get(q.qualification, 999), q.id)))
    return Bank(tuple(roots), questions, qualifications, origin), problems


def load_bank(extra_roots: Sequence[str | Path] = ()) -> Bank:
    """The bank for everyday commands: any problem stops with a clear line pointing at `drillkit validate`."""
    bank, problems = scan(bank_roots(extra_roots))
    if problems:
        first = problems[0]
        more = f"; {len(problems) - 1} more problem(s)" if len(problems) > 1 else ""
        raise BankError(first.path, first.line, first.message + more, hint="run `drillkit validate` to list them all")
    return bank
