"""One module per command; each parses options, calls one domain function and renders the result."""

from __future__ import annotations

from cli.commands.check import check_command
from cli.commands.list import list_command
from cli.commands.new import new_command
from cli.commands.quiz import quiz_command
from cli.commands.sandbox import sandbox_group
from cli.commands.show import show_command
from cli.commands.solve import solve_command
from cli.commands.validate import validate_command

COMMANDS = [list_command, show_command, quiz_command, validate_command, new_command, solve_command, check_command,
            sandbox_group]
