from __future__ import annotations

from pathlib import Path

import click

from cli import console
from cli.context import app
from cli.options import json_option
from drillkit.validate import validate


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--run-graders", is_flag=True, help="Also run each coding question's reference (must pass) and "
              "starter (must fail) in the sandbox.")
@json_option
def validate_command(paths: tuple[Path, ...], run_graders: bool, as_json: bool) -> None:
    """Check question files: schema, ids, qualifications, graders, answers, near-duplicates.

    With PATHs (files or folders) only those are checked, against the whole bank. Exits 1 when anything is wrong.
    """
    runner = None
    if run_graders:
        from drillkit.graders import run_reference_and_starter

        runner = run_reference_and_starter
    report = validate(app().bank_paths, paths, grader_runner=runner)
    if as_json:
        console.print_json({
            "ok": report.ok,
            "checked": report.checked,
            "problems": [{"path": str(p.path), "line": p.line, "message": p.message} for p in report.problems],
            "graders": [{"question": c.question_id, "language": c.language, "role": c.role, "status": c.status,
                         "expected": c.expected, "ok": c.ok, "detail": c.detail} for c in report.grader_checks],
        })
    else:
        for problem in report.problems:
            console.err.print(str(problem), markup=False, highlight=False)
        if report.grader_checks:
            console.table(
                ["question", "file", "verdict", "expected", ""],
                ([c.question_id, f"{c.role}.py", console.verdict(c.status), c.expected,
                  console.styled("ok", "green") if c.ok else console.styled(c.detail or "WRONG", "bold red")]
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
