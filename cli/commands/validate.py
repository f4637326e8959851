from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import json_option
from drillkit.changes import changed_questions
from drillkit.errors import UsageError
from drillkit.safe_text import visible
from drillkit.validate import validate


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--run-graders", is_flag=True, help="Also run each coding question's reference (must pass) and "
              "starter (must fail) in the sandbox.")
@click.option("--changed", "changed_base", is_flag=False, flag_value="", default=None, metavar="[BASE]",
              help="Check only what this branch changed since BASE (default origin/main, else main), "
                   "uncommitted and untracked files included.")
@click.option("--update-lock", is_flag=True, help="Record new ids, bumped revisions and retired ids in "
              "questions/answers.lock first.")
@json_option
def validate_command(paths: tuple[Path, ...], run_graders: bool, changed_base: str | None, update_lock: bool,
                     as_json: bool) -> None:
    """Check question files: schema, ids, qualifications, graders, answers, near-duplicates, answers.lock.

    With PATHs (files or folders; grader files stand for their question) only those are checked, against the
    whole bank. Exits 1 when anything is wrong.
    """
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
    report = validate(app().bank_paths, paths, grader_runner=runner, update=update_lock, baseline=baseline)
    if as_json:
        console.print_json({
            "ok": report.ok,
            "checked": report.checked,
            "problems": [{"path": str(p.path), "line": p.line, "message": p.message} for p in report.problems],
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
        if report.grader_checks:
            console.table(
                ["question", "file", "verdict", "expected", ""],
                ([c.question_id, f"{c.role}.py", console.verdict(c.status), c.expected,
                  console.styled("ok", "green") if c.ok else console.styled(visible(c.detail) or "WRONG", "bold red")]
                 for c in report.grader_checks),
                title="graders",
            )
        failures = sum(1 for c in report.grader_checks if not c.ok)
        if report.ok:
            console.info(f"✔ {report.checked} question file(s) valid", style="green")
        else:
            console.error(f"{len(report.problems)} problem(s), {failures} grader check(s) wrong "
                          f"in {report.checked} question file(s)")
    if not report.ok:
        raise click.exceptions.Exit(1)
