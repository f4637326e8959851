"""The ``drillkit`` entry point: the command group, and the one place errors become exit codes."""

from __future__ import annotations

import importlib
import os
import signal
import sys
import traceback
from typing import Any

import click

from cli import console
from cli.context import AppContext
from drillkit import __version__
from drillkit.errors import DrillkitError, SandboxUnavailableError, UsageError

# Exit codes follow pytest's habit: 0 ok, 1 a finding (failed grade, invalid bank), 2 usage, 3 sandbox cannot run.
EXIT_CODES: tuple[tuple[type[DrillkitError], int], ...] = (
    (SandboxUnavailableError, 3),
    (UsageError, 2),
    (DrillkitError, 1),
)
EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70


def exit_code_for(exc: DrillkitError) -> int:
    return next(code for cls, code in EXIT_CODES if isinstance(exc, cls))


class DrillkitGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        from cli.commands import COMMANDS

        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from cli.commands import COMMANDS

        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DrillkitError as exc:
            if os.environ.get("DRILLKIT_DEBUG") == "1":
                traceback.print_exc()
            console.error(str(exc))
            ctx.exit(exit_code_for(exc))
        except KeyboardInterrupt:
            console.error("interrupted")
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug in drillkit: still one line unless debugging
            if os.environ.get("DRILLKIT_DEBUG") == "1":
                raise
            console.error(f"internal error: {type(exc).__name__}: {exc} (set DRILLKIT_DEBUG=1 for the traceback)")
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=DrillkitGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--bank", "bank_paths", multiple=True, type=click.Path(file_okay=False), envvar=None,
              help="A team's own bank (a folder with questions/ and graders/) layered on top of the built-in one. "
                   "Repeatable; DRILLKIT_BANK adds more.")
@click.version_option(__version__, prog_name="drillkit")
@click.pass_context
def cli(ctx: click.Context, bank_paths: tuple[str, ...]) -> None:
    """Practice and run backend engineering interviews: quizzes, spaced review, sandboxed coding answers."""
    ctx.obj = AppContext(bank_paths)




def _terminate(signum: int, frame: object) -> None:
    # SIGTERM takes the same path as Ctrl-C, so running gradings remove their containers on the way out.
    raise KeyboardInterrupt


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(prog_name="drillkit")
    except KeyboardInterrupt:
        console.error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
