// Reference solution for lru-cache: a map from key to node of a doubly linked list kept in recency order, most
// recently used at the front, so that get, put and eviction are O(1).
package solution

import "errors"

// LRUCache is a fixed-capacity cache that evicts the least recently used key.
type LRUCache[K comparable, V any] struct {
	capacity int
	items    map[K]*node[K, V]
	head     node[K, V] // sentinel: head.next is the most recently used, head.prev the least
}

type node[K comparable, V any] struct {
	key        K
	value      V
	prev, next *node[K, V]
}

// New returns an empty cache that holds at most capacity keys; a capacity below 1 is an error.
func New[K comparable, V any](capacity int) (*LRUCache[K, V], error) {
	if capacity < 1 {
		return nil, errors.New("lru: capacity must be at least 1")
	}
	c := &LRUCache[K, V]{capacity: capacity, items: make(map[K]*node[K, V], capacity)}
	c.head.prev, c.head.next = &c.head, &c.head
	return c, nil
}

// Get returns the value for key and whether it was present; a hit makes key the most recently used.
func (c *LRUCache[K, V]) Get(key K) (V, bool) {
	n, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.unlink(n)
	c.pushFront(n)
	return n.value, true
}

// Put inserts or overwrites key, which becomes the most recently used; when that makes the cache hold more than
// its capacity, the least recently used key is evicted.
func (c *LRUCache[K, V]) Put(key K, value V) {
	if n, ok := c.items[key]; ok {
		n.value = value
		c.unlink(n)
		c.pushFront(n)
		return
	}
	n := &node[K, V]{key: key, value: value}
	c.items[key] = n
	c.pushFront(n)
	if len(c.items) > c.capacity {
		oldest := c.head.prev
		c.unlink(oldest)
		delete(c.items, oldest.key)
	}
}

// Len returns the number of keys held.
func (c *LRUCache[K, V]) Len() int { return len(c.items) }

// Contains reports whether key is held, without changing its recency.
func (c *LRUCache[K, V]) Contains(key K) bool {
	_, ok := c.items[key]
	return ok
}

func (c *LRUCache[K, V]) unlink(n *node[K, V]) {
	n.prev.next, n.next.prev = n.next, n.prev
}

func (c *LRUCache[K, V]) pushFront(n *node[K, V]) {
	n.prev, n.next = &c.head, c.head.next
	c.head.next.prev = n
	c.head.next = n
}
