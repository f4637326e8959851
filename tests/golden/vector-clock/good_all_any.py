"""Vector clocks with all() over the union of nodes; results omit zero entries."""


def _nodes(a, b):
    return set(a).union(b)


def increment(clock, node):
    out = {k: v for k, v in clock.items() if v}
    out[node] = clock.get(node, 0) + 1
    return out


def merge(a, b):
    out = {}
    for k in _nodes(a, b):
        v = max(a.get(k, 0), b.get(k, 0))
        if v:
            out[k] = v
    return out


def compare(a, b):
    nodes = _nodes(a, b)
    le = all(a.get(k, 0) <= b.get(k, 0) for k in nodes)
    ge = all(a.get(k, 0) >= b.get(k, 0) for k in nodes)
    return {(True, True): "equal", (True, False): "before", (False, True): "after"}.get((le, ge), "concurrent")
