// BUG: the bucket starts empty instead of full
package solution

import (
	"errors"
	"time"
)

// TokenBucket is a rate limiter that refills continuously up to its capacity.
type TokenBucket struct {
	capacity float64
	rate     float64 // tokens per second
	clock    func() time.Time
	tokens   float64
	last     time.Time
}

// New returns a full bucket; capacity and refillPerSecond must be positive. clock is the time source (nil means
// time.Now).
func New(capacity, refillPerSecond float64, clock func() time.Time) (*TokenBucket, error) {
	if capacity <= 0 || refillPerSecond <= 0 {
		return nil, errors.New("token bucket: capacity and refill rate must be positive")
	}
	if clock == nil {
		clock = time.Now
	}
	return &TokenBucket{capacity: capacity, rate: refillPerSecond, clock: clock, tokens: 0, last: clock()},
		nil
}

// TryAcquire takes tokens if that many are available and reports whether it did; it takes none otherwise.
// Asking for a number of tokens that is not positive is an error.
func (b *TokenBucket) TryAcquire(tokens float64) (bool, error) {
	if tokens <= 0 {
		return false, errors.New("token bucket: tokens must be positive")
	}
	now := b.clock()
	if elapsed := now.Sub(b.last).Seconds(); elapsed > 0 {
		b.tokens = min(b.capacity, b.tokens+elapsed*b.rate)
	}
	b.last = now
	if tokens > b.tokens {
		return false, nil
	}
	b.tokens -= tokens
	return true, nil
}
