// BUG: Merge adds the counters instead of taking the maximum
package solution

// Clock maps a node to its counter; a missing node means 0.
type Clock map[string]int

// Order is how two clocks' events relate.
type Order int

const (
	Equal      Order = iota
	Before           // a happened before b
	After            // a happened after b
	Concurrent       // neither
)

// Increment returns a new clock equal to c with node one higher; c is not changed.
func Increment(c Clock, node string) Clock {
	out := make(Clock, len(c)+1)
	for k, v := range c {
		out[k] = v
	}
	out[node]++
	return out
}

// Merge returns the element-wise maximum of a and b as a new clock.
func Merge(a, b Clock) Clock {
	out := make(Clock, max(len(a), len(b)))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] += v
	}
	return out
}

// Compare tells whether a happened before b, after it, at the same point, or concurrently.
func Compare(a, b Clock) Order {
	aSmaller, bSmaller := false, false
	check := func(x, y int) {
		if x < y {
			aSmaller = true
		} else if x > y {
			bSmaller = true
		}
	}
	for k, v := range a {
		check(v, b[k])
	}
	for k, v := range b {
		if _, seen := a[k]; !seen {
			check(0, v)
		}
	}
	switch {
	case aSmaller && bSmaller:
		return Concurrent
	case aSmaller:
		return Before
	case bSmaller:
		return After
	}
	return Equal
}
