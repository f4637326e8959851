// The offset-tracker contract (OffsetTracker in the Python tests) on top of the Go API.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type tracker = solution.OffsetTracker

func main() {
	dk.Serve(dk.Class[*tracker]{
		Sig: "OffsetTracker(start=0)",
		New: func(a *dk.Args) (*tracker, error) {
			start := int64(0)
			if a.Has("start") {
				start = a.Int64("start")
			}
			return solution.New(start), nil
		},
		Methods: dk.Methods[*tracker]{
			"done(offset)": func(t *tracker, a *dk.Args) (any, error) {
				return nil, dk.As("ValueError", t.Done(a.Int64("offset")))
			},
		},
		Attrs: dk.Attrs[*tracker]{
			"committable": func(t *tracker) any { return t.Committable() },
		},
	})
}
