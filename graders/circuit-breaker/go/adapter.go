// The circuit-breaker contract (CircuitBreaker, CircuitOpenError in the Python tests) on top of the Go API: the
// protected function is the tests' callable with the call's extra arguments bound; ErrCircuitOpen crosses as
// CircuitOpenError, the function's own error as the tests' exception itself.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type breaker = solution.CircuitBreaker

var states = map[solution.State]string{solution.Closed: "closed", solution.Open: "open", solution.HalfOpen: "half-open"}

func main() {
	dk.Serve(
		dk.ExceptionClass("CircuitOpenError", "Exception"),
		dk.Class[*breaker]{
			Sig: "CircuitBreaker(failure_threshold, recovery_timeout, clock=None)",
			New: func(a *dk.Args) (*breaker, error) {
				return solution.New(a.Int("failure_threshold"), a.Duration("recovery_timeout"), a.Clock("clock")), nil
			},
			Methods: dk.Methods[*breaker]{
				"call(fn, *args, **kwargs)": func(b *breaker, a *dk.Args) (any, error) {
					fn, args, kwargs := a.Ref("fn"), a.Rest(), a.Kwargs()
					v, err := b.Call(func() (any, error) { return fn.CallKw(args, kwargs) })
					return v, dk.Map(err, "Exception", dk.On(solution.ErrCircuitOpen, "CircuitOpenError"))
				},
			},
			Attrs: dk.Attrs[*breaker]{
				"state": func(b *breaker) any {
					if s, ok := states[b.State()]; ok {
						return s
					}
					return int(b.State())
				},
			},
		},
	)
}
