"""One module per command; each parses options, calls one domain function and renders the result.

Commands are imported only when invoked (or when help lists them), so `drillkit list` does not pay for the
sandbox, the scheduler or the exporters.
"""

from __future__ import annotations

# name shown to the user -> "module:attribute", in the order `drillkit --help` lists them
COMMANDS: dict[str, str] = {
    "list": "cli.commands.list:list_command",
    "show": "cli.commands.show:show_command",
    "quiz": "cli.commands.quiz:quiz_command",
    "review": "cli.commands.review:review_command",
    "stats": "cli.commands.stats:stats_command",
    "progress": "cli.commands.progress:progress_group",
    "solve": "cli.commands.solve:solve_command",
    "check": "cli.commands.check:check_command",
    "watch": "cli.commands.watch:watch_command",
    "set": "cli.commands.set:set_command",
    "score": "cli.commands.score:score_command",
    "grade": "cli.commands.grade:grade_command",
    "validate": "cli.commands.validate:validate_command",
    "new": "cli.commands.new:new_command",
    "export": "cli.commands.export:export_command",
    "sandbox": "cli.commands.sandbox:sandbox_group",
    "completion": "cli.commands.completion:completion_command",
}
