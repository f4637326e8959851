// Expiry kept as nanoseconds since the clock's epoch; nothing is removed early: reads ignore expired entries and
// Len counts the live ones.
package solution

import (
	"fmt"
	"time"
)

type slot[V any] struct {
	val      V
	deadline int64
}

type TTLCache[K comparable, V any] struct {
	def   time.Duration
	clock func() time.Time
	m     map[K]slot[V]
}

func New[K comparable, V any](defaultTTL time.Duration, clock func() time.Time) (*TTLCache[K, V], error) {
	if defaultTTL <= 0 {
		return nil, fmt.Errorf("invalid default ttl %v", defaultTTL)
	}
	c := &TTLCache[K, V]{def: defaultTTL, clock: clock, m: make(map[K]slot[V])}
	if c.clock == nil {
		c.clock = time.Now
	}
	return c, nil
}

func (c *TTLCache[K, V]) now() int64 { return c.clock().UnixNano() }

func (c *TTLCache[K, V]) Set(key K, v V) { c.m[key] = slot[V]{v, c.now() + int64(c.def)} }

func (c *TTLCache[K, V]) SetWithTTL(key K, v V, ttl time.Duration) error {
	if ttl <= 0 {
		return fmt.Errorf("invalid ttl %v", ttl)
	}
	c.m[key] = slot[V]{v, c.now() + int64(ttl)}
	return nil
}

func (c *TTLCache[K, V]) Get(key K) (V, bool) {
	s, ok := c.m[key]
	if !ok || c.now() >= s.deadline {
		var zero V
		return zero, false
	}
	return s.val, true
}

func (c *TTLCache[K, V]) Delete(key K) bool {
	s, ok := c.m[key]
	if !ok {
		return false
	}
	delete(c.m, key)
	return c.now() < s.deadline
}

func (c *TTLCache[K, V]) Len() int {
	now, n := c.now(), 0
	for _, s := range c.m {
		if now < s.deadline {
			n++
		}
	}
	return n
}
