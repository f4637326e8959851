// A map of key to element of container/list, the list kept most recently used first.
package solution

import (
	"container/list"
	"fmt"
)

type entry[K comparable, V any] struct {
	key   K
	value V
}

type LRUCache[K comparable, V any] struct {
	capacity int
	order    *list.List
	index    map[K]*list.Element
}

func New[K comparable, V any](capacity int) (*LRUCache[K, V], error) {
	if capacity < 1 {
		return nil, fmt.Errorf("capacity %d: must be at least 1", capacity)
	}
	return &LRUCache[K, V]{capacity: capacity, order: list.New(), index: map[K]*list.Element{}}, nil
}

func (c *LRUCache[K, V]) Get(key K) (V, bool) {
	if e, ok := c.index[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry[K, V]).value, true
	}
	var zero V
	return zero, false
}

func (c *LRUCache[K, V]) Put(key K, value V) {
	if e, ok := c.index[key]; ok {
		e.Value.(*entry[K, V]).value = value
		c.order.MoveToFront(e)
		return
	}
	c.index[key] = c.order.PushFront(&entry[K, V]{key, value})
	if c.order.Len() > c.capacity {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.index, last.Value.(*entry[K, V]).key)
	}
}

func (c *LRUCache[K, V]) Len() int { return len(c.index) }

func (c *LRUCache[K, V]) Contains(key K) bool {
	_, ok := c.index[key]
	return ok
}
