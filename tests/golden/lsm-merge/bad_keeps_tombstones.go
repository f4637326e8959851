// BUG: tombstones are kept in the result
package solution

import "container/heap"

// Entry is a key and its value, or a tombstone (a deletion) when Tombstone is set.
type Entry struct {
	Key       string
	Value     string
	Tombstone bool
}

type cursor struct {
	run, pos int
}

type cursors struct {
	runs [][]Entry
	h    []cursor
}

func (c *cursors) Len() int { return len(c.h) }
func (c *cursors) Less(i, j int) bool {
	a, b := c.runs[c.h[i].run][c.h[i].pos].Key, c.runs[c.h[j].run][c.h[j].pos].Key
	if a != b {
		return a < b
	}
	return c.h[i].run < c.h[j].run
}
func (c *cursors) Swap(i, j int) { c.h[i], c.h[j] = c.h[j], c.h[i] }
func (c *cursors) Push(x any)    { c.h = append(c.h, x.(cursor)) }
func (c *cursors) Pop() any {
	x := c.h[len(c.h)-1]
	c.h = c.h[:len(c.h)-1]
	return x
}

// MergeRuns compacts sorted runs (each sorted by key, keys unique; runs[0] is the newest) into one sorted run:
// for each key the newest entry wins, and a key whose newest entry is a tombstone is dropped. The runs are not
// changed.
func MergeRuns(runs [][]Entry) []Entry {
	c := &cursors{runs: runs}
	total := 0
	for i, run := range runs {
		total += len(run)
		if len(run) > 0 {
			c.h = append(c.h, cursor{i, 0})
		}
	}
	heap.Init(c)
	out := make([]Entry, 0, total)
	last, any := "", false
	for c.Len() > 0 {
		top := c.h[0]
		e := runs[top.run][top.pos]
		if !any || e.Key != last {
			last, any = e.Key, true
			out = append(out, e)
		}
		if top.pos+1 < len(runs[top.run]) {
			c.h[0].pos++
			heap.Fix(c, 0)
		} else {
			heap.Pop(c)
		}
	}
	return out
}
