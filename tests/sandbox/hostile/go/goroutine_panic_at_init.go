// Starts a goroutine at init() that panics a moment later, killing the process mid-test (lru-cache).
package solution

import "time"

func init() {
	go func() {
		time.Sleep(50 * time.Millisecond)
		panic("boom from a goroutine")
	}()
}

// A wrong lru-cache behind the trick: nothing is ever stored, so only the trick could make it pass.
type LRUCache[K comparable, V any] struct{}

func New[K comparable, V any](capacity int) (*LRUCache[K, V], error) { return &LRUCache[K, V]{}, nil }
func (c *LRUCache[K, V]) Get(key K) (V, bool)                        { var zero V; return zero, false }
func (c *LRUCache[K, V]) Put(key K, value V)                         {}
func (c *LRUCache[K, V]) Len() int                                   { return 0 }
func (c *LRUCache[K, V]) Contains(key K) bool                        { return false }
