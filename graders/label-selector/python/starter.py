"""Kubernetes label selectors.

Implement `matches` as described in the question: parse a selector such as
"app=web,tier in (frontend, backend),!canary" and decide whether a set of
labels satisfies every requirement. A malformed selector raises ValueError.
"""


def matches(selector: str, labels: dict[str, str]) -> bool:
    """True if `labels` satisfies every comma-separated requirement of `selector`."""
    raise NotImplementedError
