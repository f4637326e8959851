// BUG: len counts expired keys that were never read
package solution

import (
	"errors"
	"time"
)

// TTLCache is a cache whose entries expire a time-to-live after they were set.
type TTLCache[K comparable, V any] struct {
	defaultTTL time.Duration
	now        func() time.Time
	entries    map[K]entry[V]
}

type entry[V any] struct {
	value   V
	expires time.Time
}

// ErrTTL is returned for a time-to-live that is not positive.
var ErrTTL = errors.New("ttl: must be positive")

// New returns an empty cache whose entries live defaultTTL unless set with their own; clock is the time source
// (nil means time.Now). A defaultTTL that is not positive is an error.
func New[K comparable, V any](defaultTTL time.Duration, clock func() time.Time) (*TTLCache[K, V], error) {
	if defaultTTL <= 0 {
		return nil, ErrTTL
	}
	if clock == nil {
		clock = time.Now
	}
	return &TTLCache[K, V]{defaultTTL: defaultTTL, now: clock, entries: map[K]entry[V]{}}, nil
}

// Set stores value under key for the default time-to-live, replacing any value and expiry it had.
func (c *TTLCache[K, V]) Set(key K, value V) {
	c.entries[key] = entry[V]{value, c.now().Add(c.defaultTTL)}
}

// SetWithTTL stores value under key for ttl; a ttl that is not positive is an error.
func (c *TTLCache[K, V]) SetWithTTL(key K, value V, ttl time.Duration) error {
	if ttl <= 0 {
		return ErrTTL
	}
	c.entries[key] = entry[V]{value, c.now().Add(ttl)}
	return nil
}

// live reports whether e has not expired at now: an entry expires once now reaches its expiry.
func live[V any](e entry[V], now time.Time) bool { return now.Before(e.expires) }

// Get returns the value of a live key and true, or false when the key is absent or expired.
func (c *TTLCache[K, V]) Get(key K) (V, bool) {
	e, ok := c.entries[key]
	if ok && live(e, c.now()) {
		return e.value, true
	}
	if ok {
		delete(c.entries, key)
	}
	var zero V
	return zero, false
}

// Delete removes key and reports whether it was live.
func (c *TTLCache[K, V]) Delete(key K) bool {
	e, ok := c.entries[key]
	delete(c.entries, key)
	return ok && live(e, c.now())
}

// Len returns the number of live keys.
func (c *TTLCache[K, V]) Len() int {
	return len(c.entries)
}
