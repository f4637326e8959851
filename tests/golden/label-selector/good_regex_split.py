"""Split at top-level commas (tracking parentheses), then match each requirement with one regex."""
import re

_NAME = r"[A-Za-z0-9._/-]+"
_REQUIREMENT = re.compile(
    rf"\s*(?:"
    rf"!\s*(?P<absent>{_NAME})"
    rf"|(?P<key>{_NAME})\s*(?:(?P<op>==|!=|=)\s*(?P<value>{_NAME})"
    rf"|\s(?P<setop>in|notin)\s*\((?P<values>[^()]*)\))?"
    rf")\s*"
)


def _split_top_level(selector):
    pieces, depth, current = [], 0, []
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise ValueError("unbalanced ')'")
        if ch == "," and depth == 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    if depth != 0:
        raise ValueError("unbalanced '('")
    pieces.append("".join(current))
    return pieces


def _parse(piece):
    m = _REQUIREMENT.fullmatch(piece)
    if m is None:
        raise ValueError(f"malformed requirement {piece!r}")
    if m.group("absent"):
        absent = m.group("absent")
        return lambda labels: absent not in labels
    key = m.group("key")
    if m.group("op"):
        value = m.group("value")
        if m.group("op") == "!=":
            return lambda labels: labels.get(key) != value
        return lambda labels: key in labels and labels[key] == value
    if m.group("setop"):
        values = {v.strip() for v in m.group("values").split(",")}
        if any(re.fullmatch(_NAME, v) is None for v in values):
            raise ValueError(f"bad value list in {piece!r}")
        if m.group("setop") == "in":
            return lambda labels: key in labels and labels[key] in values
        return lambda labels: key not in labels or labels[key] not in values
    return lambda labels: key in labels


def matches(selector, labels):
    if not selector.strip():
        return True
    checks = [_parse(piece) for piece in _split_top_level(selector)]
    return all(check(labels) for check in checks)
