// Compare through a "dominates" relation (every entry >=) tried both ways.
package solution

type Clock map[string]int

type Order int

const (
	Equal Order = iota
	Before
	After
	Concurrent
)

func Increment(c Clock, node string) Clock {
	next := Clock{}
	for n, v := range c {
		if v != 0 {
			next[n] = v
		}
	}
	next[node]++
	return next
}

func Merge(a, b Clock) Clock {
	m := Clock{}
	for _, c := range []Clock{a, b} {
		for n, v := range c {
			if v > m[n] {
				m[n] = v
			}
		}
	}
	return m
}

// dominates: every entry of x is at least the matching entry of y.
func dominates(x, y Clock) bool {
	for n, v := range y {
		if x[n] < v {
			return false
		}
	}
	return true
}

func Compare(a, b Clock) Order {
	ab, ba := dominates(a, b), dominates(b, a)
	switch {
	case ab && ba:
		return Equal
	case ba:
		return Before
	case ab:
		return After
	}
	return Concurrent
}
