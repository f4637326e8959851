"""drillkit's grading sandbox: runs a submission against a grader's tests in an isolated container.

Public API: :func:`grade`, :class:`Limits`, :class:`GradeResult`, the backends, image building and the errors.
It depends on no other drillkit package.
"""

from sandbox.errors import ImageBuildError, SandboxError, SandboxUnavailable
from sandbox.grading import grade
from sandbox.limits import DEFAULT_LIMITS, Limits
from sandbox.result import STATUSES, GradeResult, RawRun, TestResult

__all__ = [
    "DEFAULT_LIMITS",
    "STATUSES",
    "GradeResult",
    "ImageBuildError",
    "Limits",
    "RawRun",
    "SandboxError",
    "SandboxUnavailable",
    "TestResult",
    "grade",
]
