"""Reference solution for vector-clock: pure functions over dict[str, int], where a missing node means 0."""


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
    a_smaller = b_smaller = False
    for node in a.keys() | b.keys():
        x, y = a.get(node, 0), b.get(node, 0)
        if x < y:
            a_smaller = True
        elif x > y:
            b_smaller = True
    if a_smaller and b_smaller:
        return "concurrent"
    if a_smaller:
        return "before"
    if b_smaller:
        return "after"
    return "equal"
