// The clock read as float seconds; the level is brought up to date on every request.
package solution

import (
	"fmt"
	"time"
)

type TokenBucket struct {
	capacity float64
	perSec   float64
	clock    func() time.Time
	level    float64
	stamp    float64
}

func seconds(t time.Time) float64 { return float64(t.UnixNano()) / 1e9 }

func New(capacity, refillPerSecond float64, clock func() time.Time) (*TokenBucket, error) {
	switch {
	case capacity <= 0:
		return nil, fmt.Errorf("capacity %v is not positive", capacity)
	case refillPerSecond <= 0:
		return nil, fmt.Errorf("refill rate %v is not positive", refillPerSecond)
	}
	if clock == nil {
		clock = time.Now
	}
	return &TokenBucket{capacity: capacity, perSec: refillPerSecond, clock: clock, level: capacity,
		stamp: seconds(clock())}, nil
}

func (b *TokenBucket) TryAcquire(tokens float64) (bool, error) {
	if tokens <= 0 {
		return false, fmt.Errorf("tokens %v is not positive", tokens)
	}
	now := seconds(b.clock())
	b.level = min(b.capacity, b.level+(now-b.stamp)*b.perSec)
	b.stamp = now
	if b.level >= tokens {
		b.level -= tokens
		return true, nil
	}
	return false, nil
}
