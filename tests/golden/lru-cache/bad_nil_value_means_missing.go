// BUG: a stored nil (None) value is reported as missing, so get returns the default
package solution

import (
	"container/list"
	"errors"
)

type item[K comparable, V any] struct {
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
		return nil, errors.New("capacity must be at least 1")
	}
	return &LRUCache[K, V]{capacity: capacity, order: list.New(), index: map[K]*list.Element{}}, nil
}

func (c *LRUCache[K, V]) Get(key K) (V, bool) {
	var zero V
	e := c.index[key]
	if e == nil {
		return zero, false
	}
	c.order.MoveToFront(e)
	v := e.Value.(*item[K, V]).value
	return v, any(v) != nil
}

func (c *LRUCache[K, V]) Put(key K, value V) {
	if e := c.index[key]; e != nil {
		e.Value.(*item[K, V]).value = value
		c.order.MoveToFront(e)
		return
	}
	c.index[key] = c.order.PushFront(&item[K, V]{key, value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.index, oldest.Value.(*item[K, V]).key)
	}
}

func (c *LRUCache[K, V]) Len() int { return c.order.Len() }

func (c *LRUCache[K, V]) Contains(key K) bool { return c.index[key] != nil }
