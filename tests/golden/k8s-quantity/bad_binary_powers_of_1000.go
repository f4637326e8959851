// BUG: binary suffixes use powers of 1000 instead of 1024
package solution

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
)

var errSyntax = errors.New("quantity: invalid syntax")

var binarySuffixes = map[string]int64{"Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6} // powers of 1024
var decimalSuffixes = map[string]int64{"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12,
	"P": 15, "E": 18} // powers of 10

// ParseQuantity parses a Kubernetes resource quantity ("100m", "1Gi", "1.5k", "2e3") into its exact value.
// Anything else is an error.
func ParseQuantity(text string) (*big.Rat, error) {
	s := text
	negative := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		negative = s[0] == '-'
		s = s[1:]
	}
	intEnd := digits(s)
	whole, s := s[:intEnd], s[intEnd:]
	fraction := ""
	if strings.HasPrefix(s, ".") {
		end := 1 + digits(s[1:])
		fraction, s = s[1:end], s[end:]
	}
	if whole == "" && fraction == "" {
		return nil, errSyntax
	}
	mantissa, _ := new(big.Int).SetString("0"+whole+fraction, 10)
	value := new(big.Rat).SetFrac(mantissa, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(fraction))), nil))
	if power, ok := binarySuffixes[s]; ok {
		value.Mul(value, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(1000), big.NewInt(power), nil)))
	} else if exp, ok := decimalSuffixes[s]; ok {
		value.Mul(value, pow10(exp))
	} else if s[0] == 'e' || s[0] == 'E' {
		rest := s[1:]
		sign := ""
		if rest != "" && (rest[0] == '+' || rest[0] == '-') {
			sign, rest = rest[:1], rest[1:]
		}
		if rest == "" || digits(rest) != len(rest) {
			return nil, errSyntax
		}
		exp, err := strconv.ParseInt(sign+rest, 10, 32)
		if err != nil {
			return nil, errSyntax
		}
		value.Mul(value, pow10(exp))
	} else {
		return nil, errSyntax
	}
	if negative {
		value.Neg(value)
	}
	return value, nil
}

func digits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func pow10(exp int64) *big.Rat {
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(max(exp, -exp)), nil)
	if exp < 0 {
		return new(big.Rat).SetFrac(big.NewInt(1), p)
	}
	return new(big.Rat).SetInt(p)
}
