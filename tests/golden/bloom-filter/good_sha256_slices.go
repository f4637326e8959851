// Positions from SHA-256: the digest cut into 32-bit words, rehashed with a counter when more are needed; bits in
// a []bool.
package solution

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
)

type BloomFilter struct {
	bits []bool
	k    int
}

func New(capacity int, errorRate float64) (*BloomFilter, error) {
	if capacity <= 0 || errorRate <= 0 || errorRate >= 1 || math.IsNaN(errorRate) {
		return nil, fmt.Errorf("invalid bloom filter parameters (%d, %v)", capacity, errorRate)
	}
	n := float64(capacity)
	m := int(math.Ceil(-n * math.Log(errorRate) / math.Pow(math.Ln2, 2)))
	k := int(math.Ceil(float64(m) / n * math.Ln2))
	return &BloomFilter{bits: make([]bool, max(m, 1)), k: max(k, 1)}, nil
}

func (f *BloomFilter) indexes(item string) []int {
	out := make([]int, 0, f.k)
	for round := 0; len(out) < f.k; round++ {
		sum := sha256.Sum256([]byte(strconv.Itoa(round) + "|" + item))
		for i := 0; i+4 <= len(sum) && len(out) < f.k; i += 4 {
			out = append(out, int(binary.BigEndian.Uint32(sum[i:])%uint32(len(f.bits))))
		}
	}
	return out
}

func (f *BloomFilter) Add(item string) {
	for _, i := range f.indexes(item) {
		f.bits[i] = true
	}
}

func (f *BloomFilter) Contains(item string) bool {
	for _, i := range f.indexes(item) {
		if !f.bits[i] {
			return false
		}
	}
	return true
}

func (f *BloomFilter) NumBits() int   { return len(f.bits) }
func (f *BloomFilter) NumHashes() int { return f.k }
