// BUG: every offset done is kept in the map, even in-order ones: memory grows with the offsets seen
package solution

import "fmt"

// OffsetTracker tracks out-of-order completion of the records of one partition.
type OffsetTracker struct {
	start       int64
	committable int64
	ahead       map[int64]struct{} // offsets done above committable
}

// New returns a tracker whose first offset is start.
func New(start int64) *OffsetTracker {
	return &OffsetTracker{start: start, committable: start, ahead: map[int64]struct{}{}}
}

// Done marks offset processed; repeats are ignored. An offset below the start is an error.
func (t *OffsetTracker) Done(offset int64) error {
	if offset < t.start {
		return fmt.Errorf("offset %d is below the start %d", offset, t.start)
	}
	if offset < t.committable {
		return nil
	}
	t.ahead[offset] = struct{}{}
	for {
		if _, ok := t.ahead[t.committable]; !ok {
			break
		}
		t.committable++
	}
	return nil
}

// Committable returns the offset to commit: the lowest offset not yet done (all below it are done).
func (t *OffsetTracker) Committable() int64 { return t.committable }
