// token-bucket: implement TokenBucket, a rate limiter that refills continuously up to its capacity.
// (The question's prompt goes above this line.)
package solution

import (
	"errors"
	"time"
)

// TokenBucket is a rate limiter that refills continuously up to its capacity.
type TokenBucket struct {
	// TODO: your fields
}

// New returns a full bucket; capacity and refillPerSecond must be positive. clock is the time source (nil means
// time.Now).
func New(capacity, refillPerSecond float64, clock func() time.Time) (*TokenBucket, error) {
	return nil, errors.New("not implemented")
}

// TryAcquire takes tokens if that many are available and reports whether it did; it takes none otherwise.
// Asking for a number of tokens that is not positive is an error.
func (b *TokenBucket) TryAcquire(tokens float64) (bool, error) {
	return false, errors.New("not implemented")
}
