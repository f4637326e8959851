# BUG: parses and evaluates one requirement at a time, returning False before a later malformed requirement is seen
import re

_TOKEN = re.compile(r"(==|!=|=|!|\(|\)|,)|([A-Za-z0-9._/-]+)|(\s+)|(.)", re.DOTALL)


def _tokenize(selector):
    tokens = []
    for match in _TOKEN.finditer(selector):
        symbol, word, _space, other = match.groups()
        if other is not None:
            raise ValueError(f"unexpected character {other!r} in label selector {selector!r}")
        if symbol is not None:
            tokens.append(("sym", symbol))
        elif word is not None:
            tokens.append(("word", word))
    return tokens


class _Parser:
    def __init__(self, selector):
        self.selector = selector
        self.tokens = _tokenize(selector)
        self.pos = 0

    def fail(self, what):
        raise ValueError(f"{what} in label selector {self.selector!r}")

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def word(self, what):
        kind, text = self.take()
        if kind != "word":
            self.fail(f"expected {what}")
        return text

    def expect(self, symbol):
        if self.take() != ("sym", symbol):
            self.fail(f"expected {symbol!r}")

    def parse(self):
        requirements = []
        if not self.tokens:
            return requirements
        while True:
            requirements.append(self.requirement())
            kind, text = self.take()
            if kind is None:
                return requirements
            if (kind, text) != ("sym", ","):
                self.fail(f"unexpected {text!r}")

    def requirement(self):
        if self.peek() == ("sym", "!"):
            self.take()
            return ("!", self.word("a key after '!'"), None)
        key = self.word("a key")
        kind, text = self.peek()
        if kind is None or (kind, text) == ("sym", ","):
            return ("exists", key, None)
        self.take()
        if kind == "sym" and text in ("=", "==", "!="):
            return ("!=" if text == "!=" else "=", key, self.word("a value"))
        if kind == "word" and text in ("in", "notin"):
            self.expect("(")
            values = {self.word("a value")}
            while self.peek() == ("sym", ","):
                self.take()
                values.add(self.word("a value"))
            self.expect(")")
            return (text, key, values)
        self.fail(f"expected an operator after {key!r}")


def matches(selector: str, labels: dict[str, str]) -> bool:
    parser = _Parser(selector)
    if not parser.tokens:
        return True
    while True:
        op, key, arg = parser.requirement()
        present = key in labels
        if op == "exists" and not present:
            return False
        if op == "!" and present:
            return False
        if op == "=" and not (present and labels[key] == arg):
            return False
        if op == "!=" and present and labels[key] == arg:
            return False
        if op == "in" and not (present and labels[key] in arg):
            return False
        if op == "notin" and present and labels[key] in arg:
            return False
        kind, text = parser.take()
        if kind is None:
            return True
        if (kind, text) != ("sym", ","):
            parser.fail(f"unexpected {text!r}")
