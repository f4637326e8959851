// The k8s-quantity contract (parse_quantity in the Python tests) on top of the Go API: the exact *big.Rat
// crosses as a decimal.Decimal.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

func main() {
	dk.Serve(dk.Func("parse_quantity(text)", func(a *dk.Args) (any, error) {
		q, err := solution.ParseQuantity(a.Str("text"))
		if err != nil {
			return nil, dk.As("ValueError", err)
		}
		if q == nil {
			return nil, nil
		}
		return q, nil
	}))
}
