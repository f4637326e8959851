// Reference solution for offset-tracker: the committable offset and the set of offsets done above it; the set
// holds only the gap's offsets, so memory is bounded by the gap, not by the offsets seen.
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
	if offset > t.committable {
		t.ahead[offset] = struct{}{}
		return nil
	}
	t.committable++
	for {
		if _, ok := t.ahead[t.committable]; !ok {
			break
		}
		delete(t.ahead, t.committable)
		t.committable++
	}
	if len(t.ahead) == 0 {
		t.ahead = map[int64]struct{}{} // Go maps do not shrink: start afresh once the gap is closed
	}
	return nil
}

// Committable returns the offset to commit: the lowest offset not yet done (all below it are done).
func (t *OffsetTracker) Committable() int64 { return t.committable }
