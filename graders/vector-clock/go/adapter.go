// The vector-clock contract (increment, merge, compare in the Python tests) on top of the Go API: clocks as
// solution.Clock maps (a change to an argument is reported to the tests), orders as their Python strings.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

var orders = map[solution.Order]string{solution.Equal: "equal", solution.Before: "before",
	solution.After: "after", solution.Concurrent: "concurrent"}

func main() {
	dk.Serve(
		dk.Func("increment(clock, node)", func(a *dk.Args) (any, error) {
			return solution.Increment(dk.IntMapOf[solution.Clock](a, "clock"), a.Str("node")), nil
		}),
		dk.Func("merge(a, b)", func(a *dk.Args) (any, error) {
			return solution.Merge(dk.IntMapOf[solution.Clock](a, "a"), dk.IntMapOf[solution.Clock](a, "b")), nil
		}),
		dk.Func("compare(a, b)", func(a *dk.Args) (any, error) {
			order := solution.Compare(dk.IntMapOf[solution.Clock](a, "a"), dk.IntMapOf[solution.Clock](a, "b"))
			if s, ok := orders[order]; ok {
				return s, nil
			}
			return int(order), nil
		}),
	)
}
