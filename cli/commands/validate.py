from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import json_option
from drillkit.bank.changes import changed_questions
from drillkit.bank.item_writing import ChoiceStats
from drillkit.bank.validate import choice_stats_of, validate
from drillkit.errors import UsageError
from drillkit.safe_text import visible
from sandbox.languages import LANGUAGES


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--run-graders", is_flag=True, help="Also run each coding question's reference (must pass) and "
              "starter (must fail) in the sandbox.")
@click.option("--changed", "changed_base", is_flag=False, flag_value="", default=None, metavar="[BASE]",
              help="Check only what this branch changed since BASE (default origin/main, else main), "
                   "uncommitted and untracked files included.")
@click.option("--update-lock", is_flag=True, help="Record new ids, bumped revisions and retired ids in "
              "questions/answers.lock first.")
@click.option("--strict", is_flag=True, help="Item-writing warnings fail the check too (and, with --stats, any "
              "missed target).")
@click.option("--stats", is_flag=True, help="Instead of checking files, print how far guessing by length or "
              "position gets on the choice questions (of PATHs, or the whole bank), against the targets.")
@json_option
def validate_command(paths: tuple[Path, ...], run_graders: bool, changed_base: str | None, update_lock: bool,
                     strict: bool, stats: bool, as_json: bool) -> None:
    """Check question files: schema, ids, qualifications, graders, answers, near-duplicates, answers.lock, and
    item writing (warnings).

    With PATHs (files or folders; grader files stand for their question) only those are checked, against the
    whole bank. Exits 1 when anything is wrong, or with --strict when anything is warned about.
    """
    if stats:
        if run_graders or update_lock or changed_base is not None:
            raise UsageError("--stats takes only PATHs, --strict and --json")
        result = choice_stats_of(app().bank, paths)
        render_stats(result, as_json)
        if strict and not result.met:
            raise click.exceptions.Exit(1)
        return
    baseline = None
    if changed_base is not None:
        if paths:
            raise UsageError("pass PATHs or --changed, not both")
        changes = changed_questions(changed_base or None)
        if not changes.questions:
            console.info(f"no changed question files since {changes.base}; nothing to check", style="green")
            return
        paths, baseline = changes.questions, changes.baseline
    runner = None
    if run_graders:
        from drillkit.graders import run_reference_and_starter

        runner = run_reference_and_starter
    report = validate(app().bank_paths, paths, grader_runner=runner, update=update_lock, baseline=baseline,
                      strict=strict)
    if as_json:
        console.print_json({
            "ok": report.ok,
            "checked": report.checked,
            "problems": [{"path": str(p.path), "line": p.line, "message": p.message} for p in report.problems],
            "warnings": [{"path": str(p.path), "line": p.line, "message": p.message} for p in report.warnings],
            "unlocked": list(report.unlocked),
            "lock_update": report.lock_update and {
                "path": str(report.lock_update.path), "added": list(report.lock_update.added),
                "updated": list(report.lock_update.updated), "removed": list(report.lock_update.removed)},
            "graders": [{"question": c.question_id, "language": c.language, "role": c.role, "status": c.status,
                         "expected": c.expected, "ok": c.ok, "detail": visible(c.detail)} for c in report.grader_checks],
        })
    else:
        if report.lock_update is not None:
            done = report.lock_update
            console.info(f"{done.path}: {len(done.added)} added, {len(done.updated)} revision(s) recorded, "
                         f"{len(done.removed)} retired" + ("" if done.changed else " (already up to date)"))
        if report.unlocked:
            console.note(f"{len(report.unlocked)} question(s) not in answers.lock yet (run drillkit validate "
                         f"--update-lock): {', '.join(report.unlocked)}")
        for problem in report.problems:
            console.err.print(str(problem), markup=False, highlight=False)
        for warning in report.warnings:
            console.err.print(f"{warning} (warning)", markup=False, highlight=False)
        if report.grader_checks:
            console.table(
                ["question", "file", "verdict", "expected", ""],
                ([c.question_id, f"{c.language}/{c.role}{LANGUAGES[c.language].extensions[0]}",
                  console.verdict(c.status), c.expected,
                  console.styled("ok", "green") if c.ok else console.styled(visible(c.detail) or "WRONG", "bold red")]
                 for c in report.grader_checks),
                title="graders",
            )
        failures = sum(1 for c in report.grader_checks if not c.ok)
        warned = f", {len(report.warnings)} item-writing warning(s)" if report.warnings else ""
        if report.ok:
            console.info(f"✔ {report.checked} question file(s) valid{warned}", style="green")
        elif not report.problems and not failures:
            console.error(f"{len(report.warnings)} item-writing warning(s) in {report.checked} question file(s) "
                          "(--strict)")
        else:
            console.error(f"{len(report.problems)} problem(s), {failures} grader check(s) wrong "
                          f"in {report.checked} question file(s)")
    if not report.ok:
        raise click.exceptions.Exit(1)


def render_stats(stats: ChoiceStats, as_json: bool) -> None:
    if as_json:
        console.print_json(stats.to_json())
    else:
        console.table(
            ["target", "share", "bound", "questions", ""],
            ([t.name, f"{t.value:.0%}", t.bound, f"{t.count}/{t.out_of}",
              console.styled("met", "green") if t.met else console.styled("missed", "bold red")] for t in stats.targets),
            title=f"choice questions: {stats.single_choice} single-choice, {stats.multiple_choice} multiple-choice",
        )
        patterns = ", ".join(f"{pattern}: {count}" for pattern, count in stats.patterns) or "none"
        console.info(f"multiple-choice patterns (correct of total): {patterns}")
        missed = sum(not t.met for t in stats.targets)
        if missed:
            console.error(f"{missed} target(s) missed")
        else:
            console.info("✔ every target met", style="green")
