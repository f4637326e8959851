// The label-selector contract (matches in the Python tests) on top of the Go API.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

func main() {
	dk.Serve(dk.Func("matches(selector, labels)", func(a *dk.Args) (any, error) {
		ok, err := solution.Matches(a.Str("selector"), a.StrMap("labels"))
		return ok, dk.As("ValueError", err)
	}))
}
