// Nodes live in a slice and link by index (no pointers per entry); evicted slots are reused in place.
package solution

import "errors"

type slot[K comparable, V any] struct {
	key        K
	value      V
	prev, next int
}

type LRUCache[K comparable, V any] struct {
	capacity int
	slots    []slot[K, V] // slots[0] is the sentinel: its next is the newest, its prev the oldest
	index    map[K]int
}

var ErrCapacity = errors.New("capacity must be positive")

func New[K comparable, V any](capacity int) (*LRUCache[K, V], error) {
	if capacity <= 0 {
		return nil, ErrCapacity
	}
	c := &LRUCache[K, V]{capacity: capacity, slots: make([]slot[K, V], 1, min(capacity, 1<<16)+1),
		index: make(map[K]int)}
	return c, nil
}

func (c *LRUCache[K, V]) detach(i int) {
	s := &c.slots[i]
	c.slots[s.prev].next = s.next
	c.slots[s.next].prev = s.prev
}

func (c *LRUCache[K, V]) attachNewest(i int) {
	first := c.slots[0].next
	c.slots[i].prev, c.slots[i].next = 0, first
	c.slots[first].prev = i
	c.slots[0].next = i
}

func (c *LRUCache[K, V]) Get(key K) (V, bool) {
	i, ok := c.index[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.detach(i)
	c.attachNewest(i)
	return c.slots[i].value, true
}

func (c *LRUCache[K, V]) Put(key K, value V) {
	if i, ok := c.index[key]; ok {
		c.slots[i].value = value
		c.detach(i)
		c.attachNewest(i)
		return
	}
	var i int
	if len(c.index) == c.capacity {
		i = c.slots[0].prev // reuse the oldest slot
		c.detach(i)
		delete(c.index, c.slots[i].key)
	} else {
		c.slots = append(c.slots, slot[K, V]{})
		i = len(c.slots) - 1
	}
	c.slots[i].key, c.slots[i].value = key, value
	c.index[key] = i
	c.attachNewest(i)
}

func (c *LRUCache[K, V]) Len() int { return len(c.index) }

func (c *LRUCache[K, V]) Contains(key K) bool {
	_, ok := c.index[key]
	return ok
}
