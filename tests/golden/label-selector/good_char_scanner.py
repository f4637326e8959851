"""Recursive descent directly over the characters, building (op, key, values) tuples."""

_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-")


class _Cursor:
    def __init__(self, text):
        self.text, self.i = text, 0

    def skip_ws(self):
        while self.i < len(self.text) and self.text[self.i].isspace():
            self.i += 1

    def at_end(self):
        self.skip_ws()
        return self.i >= len(self.text)

    def startswith(self, s):
        self.skip_ws()
        return self.text.startswith(s, self.i)

    def eat(self, s):
        if not self.startswith(s):
            raise ValueError(f"expected {s!r} at position {self.i} of {self.text!r}")
        self.i += len(s)

    def name(self):
        self.skip_ws()
        j = self.i
        while j < len(self.text) and self.text[j] in _NAME_CHARS:
            j += 1
        if j == self.i:
            raise ValueError(f"expected a name at position {self.i} of {self.text!r}")
        word, self.i = self.text[self.i:j], j
        return word


def _requirement(cur):
    if cur.startswith("!") and not cur.startswith("!="):
        cur.eat("!")
        return ("absent", cur.name(), None)
    key = cur.name()
    if cur.at_end() or cur.startswith(","):
        return ("exists", key, None)
    for op in ("==", "!=", "="):
        if cur.startswith(op):
            cur.eat(op)
            return ("ne" if op == "!=" else "eq", key, cur.name())
    word = cur.name()
    if word not in ("in", "notin"):
        raise ValueError(f"unknown operator {word!r}")
    cur.eat("(")
    values = [cur.name()]
    while cur.startswith(","):
        cur.eat(",")
        values.append(cur.name())
    cur.eat(")")
    return (word, key, frozenset(values))


def matches(selector, labels):
    cur = _Cursor(selector)
    requirements = []
    if not cur.at_end():
        requirements.append(_requirement(cur))
        while not cur.at_end():
            cur.eat(",")
            requirements.append(_requirement(cur))
    result = True
    for op, key, arg in requirements:
        has = key in labels
        if op == "exists":
            result = result and has
        elif op == "absent":
            result = result and not has
        elif op == "eq":
            result = result and has and labels[key] == arg
        elif op == "ne":
            result = result and not (has and labels[key] == arg)
        elif op == "in":
            result = result and has and labels[key] in arg
        else:
            result = result and not (has and labels[key] in arg)
    return result
