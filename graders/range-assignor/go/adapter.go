// The range-assignor contract (range_assign in the Python tests) on top of the Go API.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

func main() {
	dk.Serve(dk.Func("range_assign(partitions, consumers)", func(a *dk.Args) (any, error) {
		assignment, err := solution.RangeAssign(a.Int("partitions"), a.Strings("consumers"))
		if err != nil {
			return nil, dk.As("ValueError", err)
		}
		return assignment, nil
	}))
}
