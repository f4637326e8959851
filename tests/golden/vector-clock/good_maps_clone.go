// maps.Clone and a single pass over the union of the keys.
package solution

import "maps"

type Clock map[string]int

type Order int

const (
	Equal Order = iota
	Before
	After
	Concurrent
)

func Increment(c Clock, node string) Clock {
	out := maps.Clone(c)
	if out == nil {
		out = Clock{}
	}
	out[node] = c[node] + 1
	return out
}

func Merge(a, b Clock) Clock {
	out := maps.Clone(a)
	if out == nil {
		out = Clock{}
	}
	for k, v := range b {
		if v > out[k] {
			out[k] = v
		}
	}
	return out
}

func Compare(a, b Clock) Order {
	keys := map[string]struct{}{}
	for k := range a {
		keys[k] = struct{}{}
	}
	for k := range b {
		keys[k] = struct{}{}
	}
	less, greater := false, false
	for k := range keys {
		switch x, y := a[k], b[k]; {
		case x < y:
			less = true
		case x > y:
			greater = true
		}
	}
	switch {
	case less && greater:
		return Concurrent
	case less:
		return Before
	case greater:
		return After
	default:
		return Equal
	}
}
