// A tokenizer (identifiers, operators, parentheses, commas) and a recursive-descent parser over the tokens.
package solution

import (
	"fmt"
	"unicode"
)

type token struct {
	kind string // "id", "op", "(", ")", ","
	text string
}

func tokenize(s string) ([]token, error) {
	var toks []token
	for i := 0; i < len(s); {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case c == '(' || c == ')' || c == ',':
			toks = append(toks, token{string(c), string(c)})
			i++
		case c == '=' || c == '!':
			if i+1 < len(s) && s[i+1] == '=' {
				toks = append(toks, token{"op", s[i : i+2]})
				i += 2
			} else {
				toks = append(toks, token{"op", string(c)})
				i++
			}
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '_' || c == '.' || c == '/':
			j := i
			for j < len(s) && (unicode.IsLetter(rune(s[j])) || unicode.IsDigit(rune(s[j])) ||
				s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == '/') {
				j++
			}
			toks = append(toks, token{"id", s[i:j]})
			i = j
		default:
			return nil, fmt.Errorf("unexpected %q", c)
		}
	}
	return toks, nil
}

type parser struct {
	toks []token
	pos  int
}

func (p *parser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{kind: "end"}
}

func (p *parser) next() token { t := p.peek(); p.pos++; return t }

func (p *parser) expect(kind string) (token, error) {
	t := p.next()
	if t.kind != kind {
		return t, fmt.Errorf("expected %s, got %q", kind, t.text)
	}
	return t, nil
}

type test func(map[string]string) bool

func (p *parser) requirement() (test, error) {
	if t := p.peek(); t.kind == "op" && t.text == "!" {
		p.next()
		k, err := p.expect("id")
		if err != nil {
			return nil, err
		}
		return func(l map[string]string) bool { _, ok := l[k.text]; return !ok }, nil
	}
	k, err := p.expect("id")
	if err != nil {
		return nil, err
	}
	t := p.peek()
	switch {
	case t.kind == "op" && (t.text == "=" || t.text == "==" || t.text == "!="):
		p.next()
		v, err := p.expect("id")
		if err != nil {
			return nil, err
		}
		if t.text == "!=" {
			return func(l map[string]string) bool { got, ok := l[k.text]; return !ok || got != v.text }, nil
		}
		return func(l map[string]string) bool { got, ok := l[k.text]; return ok && got == v.text }, nil
	case t.kind == "id" && (t.text == "in" || t.text == "notin"):
		p.next()
		if _, err := p.expect("("); err != nil {
			return nil, err
		}
		set := map[string]bool{}
		for {
			v, err := p.expect("id")
			if err != nil {
				return nil, err
			}
			set[v.text] = true
			if p.peek().kind == ")" {
				p.next()
				break
			}
			if _, err := p.expect(","); err != nil {
				return nil, err
			}
		}
		in := t.text == "in"
		return func(l map[string]string) bool { got, ok := l[k.text]; return (ok && set[got]) == in }, nil
	case t.kind == "," || t.kind == "end":
		return func(l map[string]string) bool { _, ok := l[k.text]; return ok }, nil
	}
	return nil, fmt.Errorf("unexpected %q after key %q", t.text, k.text)
}

func Matches(selector string, labels map[string]string) (bool, error) {
	toks, err := tokenize(selector)
	if err != nil {
		return false, err
	}
	if len(toks) == 0 {
		return true, nil
	}
	p := &parser{toks: toks}
	var tests []test
	for {
		t, err := p.requirement()
		if err != nil {
			return false, err
		}
		tests = append(tests, t)
		if p.peek().kind == "end" {
			break
		}
		if _, err := p.expect(","); err != nil {
			return false, err
		}
	}
	for _, t := range tests {
		if !t(labels) {
			return false, nil
		}
	}
	return true, nil
}
