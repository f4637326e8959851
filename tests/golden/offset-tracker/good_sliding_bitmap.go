// A bitmap window starting at the committable offset: bit i says committable+i is done; the window shifts as
// the front fills and is reallocated small once it empties.
package solution

import (
	"errors"
	"math/bits"
)

type OffsetTracker struct {
	start, base int64    // base: the committable offset, bit 0 of words
	words       []uint64 // offsets done at or above base
}

func New(start int64) *OffsetTracker { return &OffsetTracker{start: start, base: start} }

func (t *OffsetTracker) Done(offset int64) error {
	if offset < t.start {
		return errors.New("offset below start")
	}
	if offset < t.base {
		return nil
	}
	i := offset - t.base
	for int64(len(t.words))*64 <= i {
		t.words = append(t.words, 0)
	}
	t.words[i/64] |= 1 << (i % 64)
	// Advance over the done prefix.
	for len(t.words) > 0 {
		if t.words[0] == ^uint64(0) {
			t.words = t.words[1:]
			t.base += 64
			continue
		}
		n := bits.TrailingZeros64(^t.words[0])
		if n == 0 {
			break
		}
		t.base += int64(n)
		carry := uint64(0)
		for w := len(t.words) - 1; w >= 0; w-- { // shift the window right by n bits
			next := t.words[w] << (64 - n)
			t.words[w] = t.words[w]>>n | carry
			carry = next
		}
	}
	if len(t.words) == 0 {
		t.words = nil
	}
	return nil
}

func (t *OffsetTracker) Committable() int64 { return t.base }
