// The ttl-cache contract (TTLCache in the Python tests) on top of the Go API: seconds as time.Duration, the
// tests' clock (float seconds) as a func() time.Time, keys as dk.Key, get's default on top of (value, ok).
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type cache = solution.TTLCache[dk.Key, any]

func main() {
	dk.Serve(dk.Class[*cache]{
		Sig: "TTLCache(default_ttl, clock=None)",
		New: func(a *dk.Args) (*cache, error) {
			c, err := solution.New[dk.Key, any](a.Duration("default_ttl"), a.Clock("clock"))
			return c, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*cache]{
			"set(key, value, ttl=None)": func(c *cache, a *dk.Args) (any, error) {
				if a.Has("ttl") {
					return nil, dk.As("ValueError", c.SetWithTTL(a.Key("key"), a.Value("value"), a.Duration("ttl")))
				}
				c.Set(a.Key("key"), a.Value("value"))
				return nil, nil
			},
			"get(key, default=None)": func(c *cache, a *dk.Args) (any, error) {
				if v, ok := c.Get(a.Key("key")); ok {
					return v, nil
				}
				return a.Value("default"), nil
			},
			"delete(key)": func(c *cache, a *dk.Args) (any, error) { return c.Delete(a.Key("key")), nil },
			"__len__()":   func(c *cache, _ *dk.Args) (any, error) { return c.Len(), nil },
		},
	})
}
