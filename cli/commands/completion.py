from __future__ import annotations

import click
from click.shell_completion import get_completion_class

from cli import console
from drillkit.errors import UsageError

COMPLETE_VAR = "_DRILLKIT_COMPLETE"
SHELLS = ("bash", "zsh", "fish")
INSTALL = {
    "bash": ("add to ~/.bashrc:  eval \"$(_DRILLKIT_COMPLETE=bash_source drillkit)\"\n"
             "or save it:        drillkit completion bash > ~/.local/share/bash-completion/completions/drillkit"),
    "zsh": "add to ~/.zshrc (after compinit):  eval \"$(_DRILLKIT_COMPLETE=zsh_source drillkit)\"",
    "fish": "save it:  drillkit completion fish > ~/.config/fish/completions/drillkit.fish",
}


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
@click.pass_context
def completion_command(ctx: click.Context, shell: str) -> None:
    """Print the shell completion script for SHELL (bash, zsh or fish) and how to install it.

    Completes commands, options, and question ids for show, solve and check.
    """
    completion_class = get_completion_class(shell)
    if completion_class is None:  # click knows every shell in SHELLS; this guards a future click dropping one
        raise UsageError(f"this version of click has no completion for {shell}")
    # The script names the installed command, whatever name this process was started under.
    script = completion_class(ctx.find_root().command, {}, "drillkit", COMPLETE_VAR).source()
    console.raw(script)
    console.note(INSTALL[shell])
