// BUG: values inside in (...) keep their surrounding spaces, so ( a , b ) never matches
package solution

import (
	"fmt"
	"strings"
)

type requirement struct {
	key    string
	op     string // "=", "!=", "in", "notin", "exists", "!"
	values []string
}

// Matches reports whether labels satisfy every requirement of a Kubernetes label selector: k=v, k==v, k!=v,
// k in (a,b), k notin (a,b), k (exists) and !k (absent), separated by commas. The empty selector matches
// everything. A malformed selector is an error.
func Matches(selector string, labels map[string]string) (bool, error) {
	reqs, err := parse(selector)
	if err != nil {
		return false, err
	}
	for _, r := range reqs {
		value, present := labels[r.key]
		var ok bool
		switch r.op {
		case "=":
			ok = present && value == r.values[0]
		case "!=":
			ok = !present || value != r.values[0]
		case "in":
			ok = present && contains(r.values, value)
		case "notin":
			ok = !present || !contains(r.values, value)
		case "exists":
			ok = present
		case "!":
			ok = !present
		}
		if !ok {
			return false, nil
		}
	}
	return true, nil
}

func contains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

func parse(selector string) ([]requirement, error) {
	if strings.TrimSpace(selector) == "" {
		return nil, nil
	}
	var parts []string
	depth, start := 0, 0
	for i, c := range selector {
		switch c {
		case '(':
			depth++
			if depth > 1 {
				return nil, fmt.Errorf("selector %q: nested parentheses", selector)
			}
		case ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("selector %q: unbalanced parentheses", selector)
			}
		case ',':
			if depth == 0 {
				parts = append(parts, selector[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("selector %q: unbalanced parentheses", selector)
	}
	parts = append(parts, selector[start:])
	reqs := make([]requirement, 0, len(parts))
	for _, part := range parts {
		r, err := parseRequirement(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("selector %q: %w", selector, err)
		}
		reqs = append(reqs, r)
	}
	return reqs, nil
}

func isKeyChar(c byte) bool { return isValueChar(c) || c == '/' }
func isValueChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
}

func word(s string, isChar func(byte) bool) (string, string) {
	i := 0
	for i < len(s) && isChar(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

func value(s string) (string, error) {
	v, rest := word(strings.TrimSpace(s), isValueChar)
	if v == "" || rest != "" {
		return "", fmt.Errorf("bad value %q", s)
	}
	return v, nil
}

func parseRequirement(s string) (requirement, error) {
	if s == "" {
		return requirement{}, fmt.Errorf("empty requirement")
	}
	if strings.HasPrefix(s, "!") && !strings.HasPrefix(s, "!=") {
		key, rest := word(strings.TrimSpace(s[1:]), isKeyChar)
		if key == "" || strings.TrimSpace(rest) != "" {
			return requirement{}, fmt.Errorf("bad requirement %q", s)
		}
		return requirement{key: key, op: "!"}, nil
	}
	key, rest := word(s, isKeyChar)
	if key == "" {
		return requirement{}, fmt.Errorf("missing key in %q", s)
	}
	rest = strings.TrimSpace(rest)
	for _, op := range []string{"==", "!=", "="} {
		if strings.HasPrefix(rest, op) {
			v, err := value(rest[len(op):])
			if err != nil {
				return requirement{}, err
			}
			if op == "==" {
				op = "="
			}
			return requirement{key: key, op: op, values: []string{v}}, nil
		}
	}
	if rest == "" {
		return requirement{key: key, op: "exists"}, nil
	}
	op, list := word(rest, isValueChar)
	list = strings.TrimSpace(list)
	if (op != "in" && op != "notin") || !strings.HasPrefix(list, "(") || !strings.HasSuffix(list, ")") {
		return requirement{}, fmt.Errorf("bad requirement %q", s)
	}
	r := requirement{key: key, op: op}
	for _, item := range strings.Split(list[1:len(list)-1], ",") {
		v := item
		if _, err := value(item); err != nil {
			return requirement{}, err
		}
		r.values = append(r.values, v)
	}
	return r, nil
}
