// The snowflake-id contract (SnowflakeGenerator in the Python tests) on top of the Go API: the tests'
// millisecond clock as a func() int64, NextID's error as RuntimeError.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type generator = solution.Generator

func main() {
	dk.Serve(dk.Class[*generator]{
		Sig: "SnowflakeGenerator(worker_id, epoch_ms=1288834974657, clock_ms=None)",
		New: func(a *dk.Args) (*generator, error) {
			epoch := solution.TwitterEpoch
			if a.Has("epoch_ms") {
				epoch = a.Int64("epoch_ms")
			}
			var clock func() int64
			if ref := a.Ref("clock_ms"); ref != nil {
				clock = ref.Int
			}
			g, err := solution.New(a.Int64("worker_id"), epoch, clock)
			return g, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*generator]{
			"next_id()": func(g *generator, _ *dk.Args) (any, error) {
				id, err := g.NextID()
				return id, dk.As("RuntimeError", err)
			},
		},
	})
}
