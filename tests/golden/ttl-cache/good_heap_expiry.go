// Expiries in a min-heap beside the map: every read first pops whatever has expired, so Len is the map's size.
package solution

import (
	"container/heap"
	"errors"
	"time"
)

type item[K comparable] struct {
	key     K
	expires time.Time
	version uint64
}

type expiries[K comparable] []item[K]

func (h expiries[K]) Len() int           { return len(h) }
func (h expiries[K]) Less(i, j int) bool { return h[i].expires.Before(h[j].expires) }
func (h expiries[K]) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *expiries[K]) Push(x any)        { *h = append(*h, x.(item[K])) }
func (h *expiries[K]) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type value[V any] struct {
	v       V
	version uint64
}

type TTLCache[K comparable, V any] struct {
	ttl     time.Duration
	clock   func() time.Time
	values  map[K]value[V]
	heap    expiries[K]
	version uint64
}

func New[K comparable, V any](defaultTTL time.Duration, clock func() time.Time) (*TTLCache[K, V], error) {
	if defaultTTL <= 0 {
		return nil, errors.New("default ttl must be positive")
	}
	if clock == nil {
		clock = time.Now
	}
	return &TTLCache[K, V]{ttl: defaultTTL, clock: clock, values: map[K]value[V]{}}, nil
}

func (c *TTLCache[K, V]) expire() {
	now := c.clock()
	for len(c.heap) > 0 && !now.Before(c.heap[0].expires) {
		it := heap.Pop(&c.heap).(item[K])
		if v, ok := c.values[it.key]; ok && v.version == it.version {
			delete(c.values, it.key)
		}
	}
}

func (c *TTLCache[K, V]) Set(key K, v V) { _ = c.SetWithTTL(key, v, c.ttl) }

func (c *TTLCache[K, V]) SetWithTTL(key K, v V, ttl time.Duration) error {
	if ttl <= 0 {
		return errors.New("ttl must be positive")
	}
	c.version++
	c.values[key] = value[V]{v, c.version}
	heap.Push(&c.heap, item[K]{key, c.clock().Add(ttl), c.version})
	return nil
}

func (c *TTLCache[K, V]) Get(key K) (V, bool) {
	c.expire()
	v, ok := c.values[key]
	return v.v, ok
}

func (c *TTLCache[K, V]) Delete(key K) bool {
	c.expire()
	_, ok := c.values[key]
	delete(c.values, key)
	return ok
}

func (c *TTLCache[K, V]) Len() int {
	c.expire()
	return len(c.values)
}
