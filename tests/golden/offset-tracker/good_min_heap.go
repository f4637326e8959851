// A min-heap of the offsets done above the committable one, popped while its top is the committable offset.
package solution

import (
	"container/heap"
	"fmt"
)

type int64Heap []int64

func (h int64Heap) Len() int           { return len(h) }
func (h int64Heap) Less(i, j int) bool { return h[i] < h[j] }
func (h int64Heap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *int64Heap) Push(x any)        { *h = append(*h, x.(int64)) }
func (h *int64Heap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type OffsetTracker struct {
	start, next int64
	pending     int64Heap
	inHeap      map[int64]bool
}

func New(start int64) *OffsetTracker {
	return &OffsetTracker{start: start, next: start, inHeap: map[int64]bool{}}
}

func (t *OffsetTracker) Done(offset int64) error {
	if offset < t.start {
		return fmt.Errorf("offset %d < start %d", offset, t.start)
	}
	if offset < t.next || t.inHeap[offset] {
		return nil
	}
	if offset == t.next {
		t.next++
	} else {
		heap.Push(&t.pending, offset)
		t.inHeap[offset] = true
	}
	for len(t.pending) > 0 && t.pending[0] == t.next {
		delete(t.inHeap, heap.Pop(&t.pending).(int64))
		t.next++
	}
	if len(t.pending) == 0 && len(t.inHeap) == 0 {
		t.pending, t.inHeap = nil, map[int64]bool{}
	}
	return nil
}

func (t *OffsetTracker) Committable() int64 { return t.next }
