// The lru-cache contract (LRUCache in the Python tests) on top of the Go API: keys of any hashable type as
// dk.Key, values as they came; get's default on top of (value, ok).
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type cache = solution.LRUCache[dk.Key, any]

func main() {
	dk.Serve(dk.Class[*cache]{
		Sig: "LRUCache(capacity)",
		New: func(a *dk.Args) (*cache, error) {
			c, err := solution.New[dk.Key, any](a.Int("capacity"))
			return c, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*cache]{
			"get(key, default=None)": func(c *cache, a *dk.Args) (any, error) {
				if v, ok := c.Get(a.Key("key")); ok {
					return v, nil
				}
				return a.Value("default"), nil
			},
			"put(key, value)": func(c *cache, a *dk.Args) (any, error) {
				c.Put(a.Key("key"), a.Value("value"))
				return nil, nil
			},
			"__len__()":         func(c *cache, _ *dk.Args) (any, error) { return c.Len(), nil },
			"__contains__(key)": func(c *cache, a *dk.Args) (any, error) { return c.Contains(a.Key("key")), nil },
		},
	})
}
