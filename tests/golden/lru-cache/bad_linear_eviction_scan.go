// BUG: recency is a slice of keys, so every hit and every eviction scans or shifts it: O(n), too slow for the
// performance tests
package solution

import (
	"errors"
	"slices"
)

type LRUCache[K comparable, V any] struct {
	capacity int
	values   map[K]V
	order    []K // least recently used first
}

func New[K comparable, V any](capacity int) (*LRUCache[K, V], error) {
	if capacity < 1 {
		return nil, errors.New("capacity must be at least 1")
	}
	return &LRUCache[K, V]{capacity: capacity, values: map[K]V{}}, nil
}

func (c *LRUCache[K, V]) touch(key K) {
	if i := slices.Index(c.order, key); i >= 0 {
		c.order = slices.Delete(c.order, i, i+1)
	}
	c.order = append(c.order, key)
}

func (c *LRUCache[K, V]) Get(key K) (V, bool) {
	v, ok := c.values[key]
	if ok {
		c.touch(key)
	}
	return v, ok
}

func (c *LRUCache[K, V]) Put(key K, value V) {
	c.values[key] = value
	c.touch(key)
	if len(c.values) > c.capacity {
		oldest := c.order[0]
		c.order = slices.Delete(c.order, 0, 1)
		delete(c.values, oldest)
	}
}

func (c *LRUCache[K, V]) Len() int { return len(c.values) }

func (c *LRUCache[K, V]) Contains(key K) bool {
	_, ok := c.values[key]
	return ok
}
