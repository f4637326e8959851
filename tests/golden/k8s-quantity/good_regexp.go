// One anchored regular expression, then big.Rat's own parser for the number and exponent.
package solution

import (
	"fmt"
	"math/big"
	"regexp"
)

var quantity = regexp.MustCompile(`^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:(Ki|Mi|Gi|Ti|Pi|Ei)|([numkMGTPE])|[eE]([+-]?[0-9]+))?$`)

var binary = map[string]int64{"Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40, "Pi": 1 << 50, "Ei": 1 << 60}
var decimal = map[string]string{"n": "1e-9", "u": "1e-6", "m": "1e-3", "k": "1e3", "M": "1e6", "G": "1e9",
	"T": "1e12", "P": "1e15", "E": "1e18"}

func ParseQuantity(text string) (*big.Rat, error) {
	m := quantity.FindStringSubmatch(text)
	if m == nil {
		return nil, fmt.Errorf("invalid quantity %q", text)
	}
	number := m[1]
	if m[4] != "" {
		number += "e" + m[4]
	}
	value, ok := new(big.Rat).SetString(number)
	if !ok {
		return nil, fmt.Errorf("invalid quantity %q", text)
	}
	switch {
	case m[2] != "":
		value.Mul(value, new(big.Rat).SetInt64(binary[m[2]]))
	case m[3] != "":
		factor, _ := new(big.Rat).SetString(decimal[m[3]])
		value.Mul(value, factor)
	}
	return value, nil
}
