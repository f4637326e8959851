# BUG: does not strip spaces around the values inside parentheses, so 'tier in ( a , b )' never matches
import re

_NAME = r"[A-Za-z0-9._/-]+"


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
    return parts


def matches(selector, labels):
    if not selector.strip():
        return True
    checks = []
    for raw in _split(selector):
        req = raw.strip()
        m = re.fullmatch(rf"({_NAME})\s+(in|notin)\s*\(([^()]*)\)", req)
        if m:
            key, op, inner = m.groups()
            values = set(inner.split(","))
            if any(not v.strip() for v in values):
                raise ValueError(req)
            inside = key in labels and labels[key] in values
            checks.append(inside if op == "in" else not inside)
            continue
        m = re.fullmatch(rf"({_NAME})\s*(==|!=|=)\s*({_NAME})", req)
        if m:
            key, op, value = m.groups()
            equal = key in labels and labels[key] == value
            checks.append(not equal if op == "!=" else equal)
            continue
        m = re.fullmatch(rf"(!?)\s*({_NAME})", req)
        if m is None:
            raise ValueError(req)
        checks.append((m.group(2) in labels) != (m.group(1) == "!"))
    return all(checks)
