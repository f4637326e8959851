"""Resource limits of one grading, with global defaults and per-question overrides."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 60.0
    memory_mb: int = 512
    pids: int = 64
    cpus: float = 1.0
    output_kb: int = 1
    tmpfs_mb: int = 64
    # Per test: a call that has not answered by then fails that test alone and its solution process is replaced.
    test_seconds: float = 2.0
    # Once tests that hung have cost this much in total, the remaining tests are reported as timeouts unrun, so
    # a submission that loops everywhere gets its verdict in about this time.
    hang_seconds: float = 7.0

    def merged(self, overrides: dict[str, Any] | None) -> Limits:
        """These limits with every non-None override applied."""
        if not overrides:
            return self
        known = {f.name for f in dataclasses.fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ValueError(f"unknown limit(s): {', '.join(sorted(unknown))}")
        changes = {k: v for k, v in overrides.items() if v is not None}
        return dataclasses.replace(self, **changes)


DEFAULT_LIMITS = Limits()
