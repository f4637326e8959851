"""The backend interface: something that runs one job in isolation and says how it ended."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from sandbox.limits import Limits
from sandbox.result import RawRun

Mode = Literal["run", "collect", "serve"]


@dataclass(frozen=True)
class Job:
    language: str
    payload: bytes  # the harness's job: grader files, submission and policy, delivered on the runner's stdin
    limits: Limits
    mode: Mode = "run"


class Backend(Protocol):
    name: str

    def runner_id(self, language: str) -> str:
        """An id of the runner that changes whenever the harness does (used to key caches)."""
        ...

    def run(self, job: Job) -> RawRun:
        """Run the job to completion or to its wall-clock limit; always clean up what it started."""
        ...
