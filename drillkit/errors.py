"""The domain's exceptions. The command line maps each class to one exit code in one place."""

from __future__ import annotations

from pathlib import Path


class DrillkitError(Exception):
    """Base class of every error drillkit reports to its user as one clear line."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(DrillkitError):
    """The user asked for something that cannot be done as asked (unknown id, bad option value, ...)."""


class NotFoundError(UsageError):
    """An id, file or qualification the user named does not exist."""


class BankError(DrillkitError):
    """A question bank file is malformed. Carries the file and line so the author can fix it."""

    def __init__(self, path: Path | str, line: int | None, message: str, *, hint: str | None = None) -> None:
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}" if line else f"{self.path}"
        super().__init__(f"{where}: {message}", hint=hint)


class SandboxUnavailableError(DrillkitError):
    """The grading sandbox cannot run here (no daemon, no image); the hint says which command fixes it."""


class ProgressStoreError(DrillkitError):
    """The progress database cannot be used (corrupt, foreign, newer, read-only)."""
