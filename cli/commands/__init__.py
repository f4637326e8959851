"""One module per command; each parses options, calls one domain function and renders the result."""

from __future__ import annotations

from cli.commands.check import check_command
from cli.commands.completion import completion_command
from cli.commands.export import export_command
from cli.commands.grade import grade_command
from cli.commands.list import list_command
from cli.commands.new import new_command
from cli.commands.progress import progress_group
from cli.commands.quiz import quiz_command
from cli.commands.review import review_command
from cli.commands.sandbox import sandbox_group
from cli.commands.set import set_command
from cli.commands.show import show_command
from cli.commands.solve import solve_command
from cli.commands.stats import stats_command
from cli.commands.validate import validate_command

COMMANDS = [list_command, show_command, quiz_command, validate_command, new_command, solve_command, check_command,
            sandbox_group, export_command, completion_command, review_command, stats_command, progress_group,
            set_command, grade_command]
