"""vector-clock: implement increment, merge and compare for vector clocks.

A clock is a dict[str, int] mapping a node name to its counter; a missing node means 0, so {"x": 0} equals {}.
No function may mutate its arguments. See the question for the full contract.
"""


def increment(clock: dict, node: str) -> dict:
    """Return a new clock equal to `clock` with `node`'s counter one higher."""
    raise NotImplementedError


def merge(a: dict, b: dict) -> dict:
    """Return the element-wise maximum of `a` and `b`."""
    raise NotImplementedError


def compare(a: dict, b: dict) -> str:
    """Return "equal", "before" (a happened before b), "after" (b happened before a) or "concurrent"."""
    raise NotImplementedError
