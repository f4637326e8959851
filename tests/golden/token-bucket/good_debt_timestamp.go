// No stored level: the bucket keeps the time at which it would be full again ("theoretical arrival time", as in
// GCRA); the level is capacity minus the time still to wait, times the rate.
package solution

import (
	"errors"
	"time"
)

type TokenBucket struct {
	capacity, rate float64
	clock          func() time.Time
	fullAt         time.Time
}

func New(capacity, refillPerSecond float64, clock func() time.Time) (*TokenBucket, error) {
	if !(capacity > 0) || !(refillPerSecond > 0) {
		return nil, errors.New("capacity and refill rate must be > 0")
	}
	if clock == nil {
		clock = time.Now
	}
	return &TokenBucket{capacity: capacity, rate: refillPerSecond, clock: clock, fullAt: clock()}, nil
}

func (b *TokenBucket) TryAcquire(tokens float64) (bool, error) {
	if !(tokens > 0) {
		return false, errors.New("tokens must be > 0")
	}
	now := b.clock()
	fullAt := b.fullAt
	if fullAt.Before(now) {
		fullAt = now
	}
	missing := fullAt.Sub(now).Seconds() * b.rate // tokens short of a full bucket
	if b.capacity-missing < tokens {
		return false, nil
	}
	b.fullAt = fullAt.Add(time.Duration(tokens / b.rate * float64(time.Second)))
	return true, nil
}
