// Reference solution for bloom-filter: the optimal number of bits and hashes for the capacity and error rate,
// and k positions per item from two 64-bit hashes (Kirsch-Mitzenmacher double hashing).
package solution

import (
	"errors"
	"hash/fnv"
	"math"
)

// BloomFilter is a set that may answer "present" for an item never added, but never "absent" for one added.
type BloomFilter struct {
	bits      []uint64
	numBits   int
	numHashes int
}

// New returns an empty filter sized so that holding capacity items gives about errorRate false positives.
// capacity must be at least 1 and errorRate strictly between 0 and 1.
func New(capacity int, errorRate float64) (*BloomFilter, error) {
	if capacity < 1 {
		return nil, errors.New("bloom: capacity must be at least 1")
	}
	if !(errorRate > 0 && errorRate < 1) {
		return nil, errors.New("bloom: error rate must be between 0 and 1")
	}
	m := int(math.Ceil(-float64(capacity) * math.Log(errorRate) / (math.Ln2 * math.Ln2)))
	m = max(m, 1)
	k := max(1, int(math.Round(float64(m)/float64(capacity)*math.Ln2)))
	return &BloomFilter{bits: make([]uint64, (m+63)/64), numBits: m, numHashes: k}, nil
}

func (f *BloomFilter) positions(item string, visit func(bit int) bool) bool {
	h := fnv.New64a()
	h.Write([]byte(item))
	h1 := h.Sum64()
	h2 := h1 * 0x9E3779B97F4A7C15 // a second, independent-enough hash: the first, mixed
	h2 ^= h2 >> 31
	h2 |= 1
	for i := 0; i < f.numHashes; i++ {
		if !visit(int((h1 + uint64(i)*h2) % uint64(f.numBits))) {
			return false
		}
	}
	return true
}

// Add adds item to the filter.
func (f *BloomFilter) Add(item string) {
	f.positions(item, func(bit int) bool {
		f.bits[bit/64] |= 1 << (bit % 64)
		return true
	})
}

// Contains reports whether item may have been added (never false for an item that was).
func (f *BloomFilter) Contains(item string) bool {
	return f.positions(item, func(bit int) bool { return f.bits[bit/64]&(1<<(bit%64)) != 0 })
}

// NumBits returns the number of bits of the filter.
func (f *BloomFilter) NumBits() int { return f.numBits }

// NumHashes returns the number of positions each item sets.
func (f *BloomFilter) NumHashes() int { return f.numHashes }
