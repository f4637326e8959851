// Rendezvous (highest-random-weight) hashing: each key goes to the node with the highest hash of (node, key).
// No ring at all, and minimal disruption by construction; replicas is only validated.
package solution

import (
	"errors"
	"hash/fnv"
)

const DefaultReplicas = 100

type HashRing struct {
	nodes []string
}

func New(nodes []string, replicas int) (*HashRing, error) {
	if replicas < 1 {
		return nil, errors.New("replicas < 1")
	}
	r := &HashRing{}
	for _, n := range nodes {
		if err := r.AddNode(n); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *HashRing) index(node string) int {
	for i, n := range r.nodes {
		if n == node {
			return i
		}
	}
	return -1
}

func (r *HashRing) AddNode(node string) error {
	if r.index(node) >= 0 {
		return errors.New("node exists")
	}
	r.nodes = append(r.nodes, node)
	return nil
}

func (r *HashRing) RemoveNode(node string) error {
	i := r.index(node)
	if i < 0 {
		return errors.New("no such node")
	}
	r.nodes = append(r.nodes[:i], r.nodes[i+1:]...)
	return nil
}

func weight(node, key string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(node))
	h.Write([]byte{0})
	h.Write([]byte(key))
	x := h.Sum64()
	// finalize (splitmix64) so that similar names spread well
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func (r *HashRing) NodeFor(key string) (string, bool) {
	best, bestWeight, found := "", uint64(0), false
	for _, n := range r.nodes {
		if w := weight(n, key); !found || w > bestWeight || (w == bestWeight && n < best) {
			best, bestWeight, found = n, w, true
		}
	}
	return best, found
}

func (r *HashRing) Nodes() []string { return append([]string(nil), r.nodes...) }
