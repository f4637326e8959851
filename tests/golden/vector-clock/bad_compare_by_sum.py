# BUG: compare orders clocks by the sum of their counters, like a Lamport timestamp, and never says concurrent unless sums tie
"""Vector clocks: functions over dict[str, int], where a missing node means 0."""


def increment(clock: dict, node: str) -> dict:
    """A new clock equal to `clock` with `node` one higher."""
    result = dict(clock)
    result[node] = result.get(node, 0) + 1
    return result


def merge(a: dict, b: dict) -> dict:
    """The element-wise maximum of two clocks, as a new dict."""
    return {node: max(a.get(node, 0), b.get(node, 0)) for node in a.keys() | b.keys()}


def compare(a: dict, b: dict) -> str:
    """'equal', 'before' (a happened before b), 'after' or 'concurrent'."""
    sa, sb = sum(a.values()), sum(b.values())
    a_smaller, b_smaller = sa < sb, sa > sb
    if sa == sb and any(a.get(k, 0) != b.get(k, 0) for k in a.keys() | b.keys()):
        a_smaller = b_smaller = True
    if a_smaller and b_smaller:
        return "concurrent"
    if a_smaller:
        return "before"
    if b_smaller:
        return "after"
    return "equal"
