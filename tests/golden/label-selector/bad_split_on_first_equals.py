# BUG: splits a requirement at the first '=' only, so 'a=b=c' is accepted with the value 'b=c'
def _evaluate(req, labels):
    if "!=" in req:
        key, value = (s.strip() for s in req.split("!=", 1))
        if not key or not value:
            raise ValueError(req)
        return labels.get(key) != value
    if "=" in req:
        key, value = (s.strip() for s in req.replace("==", "=", 1).split("=", 1))
        if not key or not value:
            raise ValueError(req)
        return key in labels and labels[key] == value
    words = req.split(None, 1)
    if len(words) == 2:
        key, rest = words
        op, _, values = rest.partition("(")
        op = op.strip()
        if op not in ("in", "notin") or not values.endswith(")") or "(" in values[:-1] or ")" in values[:-1]:
            raise ValueError(req)
        members = {v.strip() for v in values[:-1].split(",")}
        inside = key in labels and labels[key] in members
        return inside if op == "in" else not inside
    if req.startswith("!"):
        key = req[1:].strip()
        if not key:
            raise ValueError(req)
        return key not in labels
    return req in labels


def _split(selector):
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(selector):
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            raise ValueError("unbalanced parenthesis")
        if ch == "," and depth == 0:
            parts.append(selector[start:i])
            start = i + 1
    if depth:
        raise ValueError("unbalanced parenthesis")
    parts.append(selector[start:])
    return [p.strip() for p in parts]


def matches(selector, labels):
    if not selector.strip():
        return True
    requirements = _split(selector)
    if any(not r for r in requirements):
        raise ValueError("empty requirement")
    results = [_evaluate(r, labels) for r in requirements]
    return all(results)
