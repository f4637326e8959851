// Each requirement matched against a few anchored regular expressions; commas split at depth zero.
package solution

import (
	"errors"
	"regexp"
	"slices"
	"strings"
)

const key = `([A-Za-z0-9][A-Za-z0-9._/-]*)`
const val = `([A-Za-z0-9._-]+)`

var (
	reEquality = regexp.MustCompile(`^\s*` + key + `\s*(==|!=|=)\s*` + val + `\s*$`)
	reSet      = regexp.MustCompile(`^\s*` + key + `\s+(in|notin)\s*\(([^()]*)\)\s*$`)
	reExists   = regexp.MustCompile(`^\s*` + key + `\s*$`)
	reAbsent   = regexp.MustCompile(`^\s*!\s*` + key + `\s*$`)
	reValue    = regexp.MustCompile(`^\s*` + val + `\s*$`)
)

var ErrMalformed = errors.New("malformed selector")

func split(s string) ([]string, error) {
	var out []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, s[last:i])
				last = i + 1
			}
		}
		if depth < 0 || depth > 1 {
			return nil, ErrMalformed
		}
	}
	if depth != 0 {
		return nil, ErrMalformed
	}
	return append(out, s[last:]), nil
}

func Matches(selector string, labels map[string]string) (bool, error) {
	if strings.TrimSpace(selector) == "" {
		return true, nil
	}
	parts, err := split(selector)
	if err != nil {
		return false, err
	}
	var checks []func() bool
	for _, p := range parts {
		if m := reEquality.FindStringSubmatch(p); m != nil {
			k, op, v := m[1], m[2], m[3]
			checks = append(checks, func() bool {
				got, ok := labels[k]
				if op == "!=" {
					return !ok || got != v
				}
				return ok && got == v
			})
		} else if m := reSet.FindStringSubmatch(p); m != nil {
			k, op := m[1], m[2]
			var values []string
			for _, item := range strings.Split(m[3], ",") {
				vm := reValue.FindStringSubmatch(item)
				if vm == nil {
					return false, ErrMalformed
				}
				values = append(values, vm[1])
			}
			checks = append(checks, func() bool {
				got, ok := labels[k]
				in := ok && slices.Contains(values, got)
				if op == "in" {
					return in
				}
				return !in
			})
		} else if m := reAbsent.FindStringSubmatch(p); m != nil {
			k := m[1]
			checks = append(checks, func() bool { _, ok := labels[k]; return !ok })
		} else if m := reExists.FindStringSubmatch(p); m != nil {
			k := m[1]
			checks = append(checks, func() bool { _, ok := labels[k]; return ok })
		} else {
			return false, ErrMalformed
		}
	}
	for _, check := range checks {
		if !check() {
			return false, nil
		}
	}
	return true, nil
}
