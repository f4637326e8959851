"""The sandbox's own exceptions (it depends on no other drillkit package)."""

from __future__ import annotations


class SandboxError(Exception):
    """Base class: the sandbox could not do what was asked."""

    def __init__(self, message: str, *, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} (fix: {self.fix})" if self.fix else self.message


class SandboxUnavailable(SandboxError):
    """No daemon, no runner image, or a stale one: grading cannot start here; ``fix`` is the command that helps."""


class ImageBuildError(SandboxError):
    """Building the runner image (or its offline base) failed."""
