# BUG: silently skips empty requirements between commas instead of raising ValueError
import re

_NAME = r"[A-Za-z0-9._/-]+"
_REQ = re.compile(rf"\s*(?:!\s*(?P<absent>{_NAME})|(?P<key>{_NAME})\s*(?:(?P<op>==|!=|=)\s*(?P<value>{_NAME})"
                  rf"|\s(?P<setop>in|notin)\s*\((?P<values>[^()]*)\))?)\s*")


def _split(selector):
    parts, depth, cur = [], 0, ""
    for ch in selector:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            raise ValueError("unbalanced")
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if depth:
        raise ValueError("unbalanced")
    return parts + [cur]


def matches(selector, labels):
    verdicts = []
    for piece in _split(selector):
        if not piece.strip():
            continue  # tolerate stray commas
        m = _REQ.fullmatch(piece)
        if m is None:
            raise ValueError(piece)
        if m.group("absent"):
            verdicts.append(m.group("absent") not in labels)
            continue
        key = m.group("key")
        if m.group("op") == "!=":
            verdicts.append(labels.get(key) != m.group("value"))
        elif m.group("op"):
            verdicts.append(labels.get(key) == m.group("value"))
        elif m.group("setop"):
            values = {v.strip() for v in m.group("values").split(",")}
            inside = key in labels and labels[key] in values
            verdicts.append(inside if m.group("setop") == "in" else not inside)
        else:
            verdicts.append(key in labels)
    return all(verdicts)
