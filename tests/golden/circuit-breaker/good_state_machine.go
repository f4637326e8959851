// An explicit state machine: the stored state moves from Open to HalfOpen when it is looked at after the timeout.
package solution

import (
	"errors"
	"fmt"
	"time"
)

type State int

const (
	Closed State = iota
	Open
	HalfOpen
)

var ErrCircuitOpen = errors.New("circuit open")

type CircuitBreaker struct {
	threshold int
	timeout   time.Duration
	now       func() time.Time
	state     State
	fails     int
	since     time.Time
}

func New(failureThreshold int, recoveryTimeout time.Duration, clock func() time.Time) *CircuitBreaker {
	if clock == nil {
		clock = time.Now
	}
	return &CircuitBreaker{threshold: failureThreshold, timeout: recoveryTimeout, now: clock}
}

func (b *CircuitBreaker) State() State {
	if b.state == Open && b.now().Sub(b.since) >= b.timeout {
		b.state = HalfOpen
	}
	return b.state
}

func (b *CircuitBreaker) Call(fn func() (any, error)) (any, error) {
	switch b.State() {
	case Open:
		return nil, fmt.Errorf("rejected: %w", ErrCircuitOpen)
	case HalfOpen:
		v, err := fn()
		if err != nil {
			b.state, b.since = Open, b.now()
			return nil, err
		}
		b.state, b.fails = Closed, 0
		return v, nil
	}
	v, err := fn()
	if err != nil {
		b.fails++
		if b.fails >= b.threshold {
			b.state, b.since, b.fails = Open, b.now(), 0
		}
		return nil, err
	}
	b.fails = 0
	return v, nil
}
