"""All terminal output goes through here: tables, Markdown, syntax, progress, JSON and the error line.

rich honours ``NO_COLOR`` (and ``FORCE_COLOR``); output to a pipe is plain text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from drillkit.safe_text import visible

# Consoles look up sys.stdout/sys.stderr at print time, so test runners that swap the streams see the output.
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)

VERDICT_STYLES = {
    "pass": "bold green",
    "fail": "bold red",
    "error": "bold magenta",
    "timeout": "bold yellow",
    "memory": "bold yellow",
    "skip": "dim",
}


def print_json(data: Any) -> None:
    """Plain JSON on stdout (no colour, no wrapping) for scripts."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


# Errors and warnings quote file names and exception text, which a hostile submission or file name can hold.
def error(message: str) -> None:
    err.print(Text("drillkit: error: ", style="bold red") + Text(visible(message)))


def warn(message: str) -> None:
    err.print(Text("drillkit: ", style="bold yellow") + Text(visible(message)))


def info(message: str, style: str | None = None) -> None:
    # Not wrapped: these lines carry paths and commands meant to be copied.
    out.print(Text(message, style=style or ""), soft_wrap=True)


def note(message: str) -> None:
    """Secondary information on stderr, so stdout stays clean for data."""
    err.print(Text(visible(message), style="dim"))


def markdown(text: str) -> None:
    from rich.markdown import Markdown  # its parser costs a command that shows no Markdown a tenth of a second

    out.print(Markdown(text))


def rule(title: str | Text = "") -> None:
    """A ``str`` title is rich markup; pass a :class:`Text` for one that quotes a submission."""
    out.print(Rule(title))


def panel(body: str | Text, title: str | None = None, style: str = "") -> None:
    out.print(Panel(body, title=title, border_style=style or "none", expand=True))


def code(source: str, language: str = "python") -> None:
    from rich.syntax import Syntax

    out.print(Syntax(source, language, word_wrap=True))


def table(columns: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str | None = None,
          justify: dict[str, str] | None = None, keep: Sequence[str] = ("id", "candidate")) -> None:
    """The ``keep`` columns never fold, so ids can be copied; the title-like columns take the spare width."""
    wrap = [c for c in columns if c not in keep]
    grid = Table(title=title, header_style="bold", show_lines=False)
    for column in columns:
        grid.add_column(column, justify=(justify or {}).get(column, "left"),  # type: ignore[arg-type]
                        no_wrap=column not in wrap, overflow="fold" if column in wrap else "ellipsis",
                        min_width=16 if column in ("title", "message") else None,
                        ratio=1 if column in ("title", "message") else None)
    for row in rows:
        grid.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    # A pipe has no width; wrapping ids there would break `grep`, so give tables room.
    if out.is_terminal:
        out.print(grid)
        return
    saved = out.width
    out.width = max(saved, 160)
    try:
        out.print(grid)
    finally:
        out.width = saved


def styled(text: str, style: str) -> Text:
    return Text(text, style=style)


def verdict(status: str) -> Text:
    return Text(status.upper(), style=VERDICT_STYLES.get(status, "bold"))


def bar(fraction: float, width: int = 20) -> Text:
    filled = max(0, min(width, round(fraction * width)))
    return Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")


@contextmanager
def progress(description: str, total: int | None = None) -> Iterator[Any]:
    """A progress bar on stderr; yields ``advance(step=1, note=None)``."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # Not markup: the notes quote candidates' file names and build logs, where `[` is just a bracket.
    columns = [SpinnerColumn(), TextColumn("{task.description}", markup=False)]
    if total is not None:
        columns += [BarColumn(), MofNCompleteColumn()]
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar_:
        task = bar_.add_task(description, total=total)

        def advance(step: int = 1, note: str | None = None) -> None:
            if note:
                bar_.update(task, description=f"{description} · {note}")
            bar_.advance(task, step)

        yield advance


def ask(prompt: str) -> str:
    """Read one line from stdin; EOFError propagates so callers can end cleanly when input closes."""
    out.print(Text(prompt, style="bold cyan"), end="")
    out.file.flush()
    line = sys.stdin.readline()
    if not line:
        out.print()
        raise EOFError
    return line.rstrip("\n")


def raw(text: str) -> None:
    """Text exactly as given on stdout (a shell script, say): no markup, wrapping or tab expansion."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


SPARK_LEVELS = "·▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int], style: str = "cyan") -> Text:
    """One character a value, scaled to the largest; a zero is a dot, so idle days stand out."""
    peak = max(values, default=0)
    top = len(SPARK_LEVELS) - 1
    return Text("".join(SPARK_LEVELS[max(1, round(v / peak * top)) if v > 0 else 0] for v in values), style=style)


def stacked_bar(parts: Sequence[tuple[float, str, str]], width: int = 20) -> Text:
    """Consecutive shares of one bar, each (fraction, mark, style), the rest dim; distinct marks read without colour."""
    bar_ = Text()
    used = 0
    for fraction, mark, style in parts:
        cells = max(0, min(width - used, round(fraction * width)))
        bar_.append(mark * cells, style=style)
        used += cells
    bar_.append("░" * (width - used), style="dim")
    return bar_


def clear() -> None:
    """Start a fresh screen in a terminal (a watcher's redraw); in a pipe or a log, just a blank line."""
    if out.is_terminal:
        out.clear()
    else:
        out.print()
