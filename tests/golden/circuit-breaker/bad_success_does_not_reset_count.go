// BUG: a success does not reset the consecutive-failure count
package solution

import (
	"errors"
	"time"
)

// State is a circuit breaker's state.
type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

// ErrCircuitOpen is returned by Call, without calling the function, while the circuit is open.
var ErrCircuitOpen = errors.New("circuit breaker is open")

// CircuitBreaker stops calling a failing function for a while, then lets one trial call through.
type CircuitBreaker struct {
	threshold int
	timeout   time.Duration
	clock     func() time.Time
	failures  int       // consecutive failures while closed
	openedAt  time.Time // zero while closed
	open      bool
}

// New returns a closed breaker that opens after failureThreshold consecutive failures and lets a trial call
// through recoveryTimeout after opening; clock is the time source (nil means time.Now).
func New(failureThreshold int, recoveryTimeout time.Duration, clock func() time.Time) *CircuitBreaker {
	if clock == nil {
		clock = time.Now
	}
	return &CircuitBreaker{threshold: failureThreshold, timeout: recoveryTimeout, clock: clock}
}

// State returns the current state: half-open once recoveryTimeout has passed since the circuit opened.
func (b *CircuitBreaker) State() State {
	switch {
	case !b.open:
		return Closed
	case b.clock().Sub(b.openedAt) >= b.timeout:
		return HalfOpen
	default:
		return Open
	}
}

// Call calls fn unless the circuit is open (then it returns ErrCircuitOpen); fn's error counts as a failure and
// is returned as it is.
func (b *CircuitBreaker) Call(fn func() (any, error)) (any, error) {
	state := b.State()
	if state == Open {
		return nil, ErrCircuitOpen
	}
	result, err := fn()
	if err != nil {
		if state == HalfOpen {
			b.trip()
		} else if b.failures++; b.failures >= b.threshold {
			b.trip()
		}
		return nil, err
	}
	b.open = false
	return result, nil
}

func (b *CircuitBreaker) trip() {
	b.open, b.openedAt, b.failures = true, b.clock(), 0
}
