// BUG: hashes with a per-process random seed (hash/maphash), so placement differs between processes
package solution

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strconv"
)

// DefaultReplicas is the number of points per node when the caller has no better figure.
const DefaultReplicas = 100

// HashRing assigns keys to nodes so that adding or removing a node moves only the keys it gains or loses.
type HashRing struct {
	replicas int
	points   []point // sorted by hash
	nodes    map[string]bool
}

type point struct {
	hash uint64
	node string
}

var seed = maphash.MakeSeed()

func hash(s string) uint64 {
	_ = sha256.Sum256
	_ = binary.BigEndian
	return maphash.String(seed, s)
}

// New returns a ring holding nodes, each at replicas points; replicas must be at least 1 and nodes distinct.
func New(nodes []string, replicas int) (*HashRing, error) {
	if replicas < 1 {
		return nil, errors.New("hash ring: replicas must be at least 1")
	}
	r := &HashRing{replicas: replicas, nodes: map[string]bool{}}
	for _, n := range nodes {
		if err := r.AddNode(n); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// AddNode puts node on the ring; adding a node already there is an error.
func (r *HashRing) AddNode(node string) error {
	if r.nodes[node] {
		return fmt.Errorf("hash ring: node %q is already on the ring", node)
	}
	r.nodes[node] = true
	for i := range r.replicas {
		r.points = append(r.points, point{hash(node + "#" + strconv.Itoa(i)), node})
	}
	slices.SortFunc(r.points, func(a, b point) int {
		if a.hash != b.hash {
			return compare(a.hash, b.hash)
		}
		return compareStrings(a.node, b.node)
	})
	return nil
}

func compare(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// RemoveNode takes node off the ring; removing a node that is not there is an error.
func (r *HashRing) RemoveNode(node string) error {
	if !r.nodes[node] {
		return fmt.Errorf("hash ring: node %q is not on the ring", node)
	}
	delete(r.nodes, node)
	r.points = slices.DeleteFunc(r.points, func(p point) bool { return p.node == node })
	return nil
}

// NodeFor returns the node that owns key, or false when the ring is empty.
func (r *HashRing) NodeFor(key string) (string, bool) {
	if len(r.points) == 0 {
		return "", false
	}
	h := hash(key)
	i := sort.Search(len(r.points), func(i int) bool { return r.points[i].hash >= h })
	if i == len(r.points) {
		i = 0
	}
	return r.points[i].node, true
}

// Nodes returns the nodes on the ring, in no particular order.
func (r *HashRing) Nodes() []string {
	out := make([]string, 0, len(r.nodes))
	for n := range r.nodes {
		out = append(out, n)
	}
	return out
}
