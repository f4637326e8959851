from __future__ import annotations

import click

from cli import console
from cli.options import json_option
from drillkit.graders import build_image, doctor, prune_containers
from sandbox.image import defined_languages
from sandbox.languages import LANGUAGES


@click.group("sandbox")
def sandbox_group() -> None:
    """Build, check and clean the grading sandbox."""


@sandbox_group.command("build")
@click.option("--offline", is_flag=True, help="No registry: make the base with debootstrap from the host's Debian "
              "mirror and docker import (needs root and debootstrap).")
@click.option("--lang", "language", type=click.Choice([*LANGUAGES, "all"]), default="python", show_default=True,
              help="The runner to build; another language's builds on the Python runner (made first if missing).")
@click.option("--base", help="Build on this base image instead (must have python3).")
@click.option("--suite", help="Debian suite for --offline (default: the host's).")
@click.option("--mirror", help="Debian mirror URL for --offline (default: the one in the host's apt sources).")
@click.option("--rebuild-base", is_flag=True, help="Make the offline base again even if it exists.")
def build_command(offline: bool, language: str, base: str | None, suite: str | None, mirror: str | None,
                  rebuild_base: bool) -> None:
    """Build the runner image (tagged with a hash of its contents)."""
    for name in defined_languages() if language == "all" else [language]:
        with console.progress(f"building the {name} runner") as advance:
            result = build_image(offline=offline, language=name, base=base if name == "python" else None,
                                 suite=suite, mirror=mirror, rebuild_base=rebuild_base and name == "python",
                                 progress=lambda text: advance(0, text[:70]))
        console.info(f"built {result.tag} on {result.base} in {result.seconds:.0f}s", style="green")


@sandbox_group.command("doctor")
@click.option("--lang", "language", type=click.Choice(list(LANGUAGES)),
              help="Also require this language's runner (Python's is always required).")
@click.option("--runtime", help="Also check that the daemon has this runtime (e.g. runsc).")
@json_option
def doctor_command(language: str | None, runtime: str | None, as_json: bool) -> None:
    """Say what the sandbox needs that is missing, and the command that fixes it."""
    checks = doctor(language, runtime)
    if as_json:
        console.print_json([{"check": c.name, "ok": c.ok, "detail": c.detail, "fix": c.fix, "required": c.required}
                            for c in checks])
    else:
        console.table(["check", "", "detail", "fix"],
                      ([c.name, console.styled("ok", "green") if c.ok else console.styled("missing", "bold red"),
                        c.detail, c.fix or ""] for c in checks), keep=("check", ""))
    if not all(c.ok for c in checks if c.fix and c.required):
        raise click.exceptions.Exit(3)


@sandbox_group.command("prune")
@click.option("--all", "everything", is_flag=True, help="Also stop gradings that are running now.")
def prune_command(everything: bool) -> None:
    """Remove drillkit containers left behind by killed runs."""
    removed = prune_containers(everything)
    console.info(f"removed {len(removed)} container(s)" + (f": {', '.join(removed)}" if removed else ""))
