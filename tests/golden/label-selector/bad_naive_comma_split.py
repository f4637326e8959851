# BUG: splits the selector on every comma, so a set such as 'tier in (a,b)' is cut in two
import re

_NAME = r"[A-Za-z0-9._/-]+"


def matches(selector, labels):
    if not selector.strip():
        return True
    for part in selector.split(","):
        part = part.strip()
        if not part:
            raise ValueError("empty requirement")
        m = re.fullmatch(rf"({_NAME})\s+(in|notin)\s*\(\s*({_NAME})\s*\)", part)
        if m:
            key, op, value = m.groups()
            inside = labels.get(key) == value
            if (op == "in" and not inside) or (op == "notin" and inside):
                return False
            continue
        m = re.fullmatch(rf"({_NAME})\s*(==|!=|=)\s*({_NAME})", part)
        if m:
            key, op, value = m.groups()
            if (op == "!=") == (labels.get(key) == value):
                return False
            continue
        m = re.fullmatch(rf"(!?)\s*({_NAME})", part)
        if m:
            if (m.group(1) == "!") == (m.group(2) in labels):
                return False
            continue
        raise ValueError(f"malformed requirement {part!r}")
    return True
