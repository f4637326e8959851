// BUG: each position keeps only the low 16 bits of its hash, so a filter of more than 65,536 bits never sets the rest
// k independently seeded FNV-1a hashes (the seed written before the item), bits in a []byte.
package solution

import (
	"errors"
	"hash/fnv"
	"math"
)

type BloomFilter struct {
	bitset []byte
	m      uint64
	k      int
}

var ErrParams = errors.New("capacity must be >= 1 and 0 < errorRate < 1")

func New(capacity int, errorRate float64) (*BloomFilter, error) {
	if capacity < 1 || !(0 < errorRate && errorRate < 1) {
		return nil, ErrParams
	}
	m := uint64(math.Ceil(float64(capacity) * -math.Log(errorRate) / (math.Ln2 * math.Ln2)))
	if m == 0 {
		m = 1
	}
	k := int(math.Round(-math.Log2(errorRate)))
	if k < 1 {
		k = 1
	}
	return &BloomFilter{bitset: make([]byte, (m+7)/8), m: m, k: k}, nil
}

func (f *BloomFilter) pos(seed int, item string) uint64 {
	h := fnv.New64a()
	h.Write([]byte{byte(seed), byte(seed >> 8), 0xff})
	h.Write([]byte(item))
	return (h.Sum64() & 0xffff) % f.m
}

func (f *BloomFilter) Add(item string) {
	for s := 0; s < f.k; s++ {
		p := f.pos(s, item)
		f.bitset[p/8] |= 1 << (p % 8)
	}
}

func (f *BloomFilter) Contains(item string) bool {
	for s := 0; s < f.k; s++ {
		p := f.pos(s, item)
		if f.bitset[p/8]&(1<<(p%8)) == 0 {
			return false
		}
	}
	return true
}

func (f *BloomFilter) NumBits() int   { return int(f.m) }
func (f *BloomFilter) NumHashes() int { return f.k }
