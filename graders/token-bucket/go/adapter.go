// The token-bucket contract (TokenBucket in the Python tests) on top of the Go API: the tests' clock (float
// seconds) as a func() time.Time, errors as ValueError.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type bucket = solution.TokenBucket

func main() {
	dk.Serve(dk.Class[*bucket]{
		Sig: "TokenBucket(capacity, refill_per_second, clock=None)",
		New: func(a *dk.Args) (*bucket, error) {
			b, err := solution.New(a.Float("capacity"), a.Float("refill_per_second"), a.Clock("clock"))
			return b, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*bucket]{
			"try_acquire(tokens=1)": func(b *bucket, a *dk.Args) (any, error) {
				ok, err := b.TryAcquire(a.FloatOr("tokens", 1))
				return ok, dk.As("ValueError", err)
			},
		},
	})
}
