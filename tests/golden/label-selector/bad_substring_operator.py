# BUG: detects the set operators with a substring test, so names containing 'in' (domain, linux, ingress) are misparsed
def _split(selector):
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(selector):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced")
        elif ch == "," and depth == 0:
            parts.append(selector[start:i])
            start = i + 1
    if depth:
        raise ValueError("unbalanced")
    parts.append(selector[start:])
    return [p.strip() for p in parts]


def _check(req, labels):
    if not req:
        raise ValueError("empty requirement")
    for op in ("notin", "in"):
        if op in req:
            key, _, rest = req.partition(op)
            key, rest = key.strip(), rest.strip()
            if not key or not (rest.startswith("(") and rest.endswith(")")):
                raise ValueError(req)
            values = {v.strip() for v in rest[1:-1].split(",")}
            inside = key in labels and labels[key] in values
            return inside if op == "in" else not inside
    for op in ("!=", "==", "="):
        if op in req:
            key, _, value = (s.strip() for s in req.partition(op))
            if not key or not value or "=" in value:
                raise ValueError(req)
            equal = key in labels and labels[key] == value
            return not equal if op == "!=" else equal
    if req.startswith("!"):
        return req[1:].strip() not in labels
    if " " in req:
        raise ValueError(req)
    return req in labels


def matches(selector, labels):
    if not selector.strip():
        return True
    results = [_check(req, labels) for req in _split(selector)]
    return all(results)
