// The open circuit stores the time at which it lets a trial through (a deadline) instead of when it opened.
package solution

import (
	"errors"
	"time"
)

type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

var ErrCircuitOpen = errors.New("circuit breaker: open")

type CircuitBreaker struct {
	maxFailures int
	cooldown    time.Duration
	clock       func() time.Time
	failures    int
	retryAt     *time.Time // nil while closed
}

func New(failureThreshold int, recoveryTimeout time.Duration, clock func() time.Time) *CircuitBreaker {
	b := &CircuitBreaker{maxFailures: failureThreshold, cooldown: recoveryTimeout, clock: clock}
	if b.clock == nil {
		b.clock = time.Now
	}
	return b
}

func (b *CircuitBreaker) State() State {
	if b.retryAt == nil {
		return Closed
	}
	if b.clock().Before(*b.retryAt) {
		return Open
	}
	return HalfOpen
}

func (b *CircuitBreaker) open() {
	at := b.clock().Add(b.cooldown)
	b.retryAt, b.failures = &at, 0
}

func (b *CircuitBreaker) Call(fn func() (any, error)) (any, error) {
	st := b.State()
	if st == Open {
		return nil, ErrCircuitOpen
	}
	out, err := fn()
	switch {
	case err == nil:
		b.retryAt, b.failures = nil, 0
		return out, nil
	case st == HalfOpen:
		b.open()
	default:
		b.failures++
		if b.failures >= b.maxFailures {
			b.open()
		}
	}
	return out, err
}
