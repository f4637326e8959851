// Strips the suffix from the end first, then checks what is left is a plain signed decimal number.
package solution

import (
	"errors"
	"math/big"
	"strings"
)

var ErrInvalid = errors.New("invalid quantity")

type suffix struct {
	text      string
	base, exp int64
}

var suffixes = []suffix{
	{"Ki", 1024, 1}, {"Mi", 1024, 2}, {"Gi", 1024, 3}, {"Ti", 1024, 4}, {"Pi", 1024, 5}, {"Ei", 1024, 6},
	{"n", 10, -9}, {"u", 10, -6}, {"m", 10, -3}, {"k", 10, 3}, {"M", 10, 6}, {"G", 10, 9}, {"T", 10, 12},
	{"P", 10, 15}, {"E", 10, 18},
}

func isNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if len(s) > 0 && len(s) < len(strings.TrimLeft(s, "+-")) {
		return false
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if strings.Contains(frac, ".") || (intPart == "" && frac == "") {
		return false
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return false
		}
	}
	_ = hasDot
	return true
}

func ParseQuantity(text string) (*big.Rat, error) {
	sign := ""
	if strings.HasPrefix(text, "+") || strings.HasPrefix(text, "-") {
		sign, text = text[:1], text[1:]
	}
	number, factor := text, big.NewRat(1, 1)
	for _, s := range suffixes {
		if strings.HasSuffix(text, s.text) {
			number = strings.TrimSuffix(text, s.text)
			p := new(big.Int).Exp(big.NewInt(s.base), big.NewInt(max(s.exp, -s.exp)), nil)
			if s.exp < 0 {
				factor.SetFrac(big.NewInt(1), p)
			} else {
				factor.SetInt(p)
			}
			break
		}
	}
	if i := strings.IndexAny(number, "eE"); i >= 0 && number == text {
		exp := number[i+1:]
		number = number[:i]
		digits := strings.TrimLeft(exp, "+-")
		if len(exp)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
			return nil, ErrInvalid
		}
		f, ok := new(big.Rat).SetString("1e" + exp)
		if !ok {
			return nil, ErrInvalid
		}
		factor = f
	}
	if !isNumber(number) || strings.ContainsAny(number, "+-") {
		return nil, ErrInvalid
	}
	if strings.HasSuffix(number, ".") {
		number += "0"
	}
	if strings.HasPrefix(number, ".") {
		number = "0" + number
	}
	value, ok := new(big.Rat).SetString(sign + number)
	if !ok {
		return nil, ErrInvalid
	}
	return value.Mul(value, factor), nil
}
