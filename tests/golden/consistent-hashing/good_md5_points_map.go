// Ketama-style: MD5 of "node-i" gives the points; a map from point to node and a sorted slice of points.
package solution

import (
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"sort"
)

const DefaultReplicas = 100

type HashRing struct {
	replicas int
	owner    map[uint64]string
	sorted   []uint64
	members  map[string]struct{}
}

func point(s string) uint64 {
	d := md5.Sum([]byte(s))
	return binary.LittleEndian.Uint64(d[:8])
}

func New(nodes []string, replicas int) (*HashRing, error) {
	if replicas <= 0 {
		return nil, fmt.Errorf("replicas must be positive, got %d", replicas)
	}
	r := &HashRing{replicas: replicas, owner: map[uint64]string{}, members: map[string]struct{}{}}
	for _, n := range nodes {
		if err := r.AddNode(n); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *HashRing) rebuild() {
	r.sorted = r.sorted[:0]
	for p := range r.owner {
		r.sorted = append(r.sorted, p)
	}
	sort.Slice(r.sorted, func(i, j int) bool { return r.sorted[i] < r.sorted[j] })
}

func (r *HashRing) AddNode(node string) error {
	if _, ok := r.members[node]; ok {
		return fmt.Errorf("node %s already present", node)
	}
	r.members[node] = struct{}{}
	for i := 0; i < r.replicas; i++ {
		p := point(fmt.Sprintf("%s-%d", node, i))
		if other, taken := r.owner[p]; !taken || node < other {
			r.owner[p] = node
		}
	}
	r.rebuild()
	return nil
}

func (r *HashRing) RemoveNode(node string) error {
	if _, ok := r.members[node]; !ok {
		return fmt.Errorf("node %s not present", node)
	}
	delete(r.members, node)
	for p, n := range r.owner {
		if n == node {
			delete(r.owner, p)
		}
	}
	// A point this node had taken from another (a collision) goes back to it.
	for other := range r.members {
		for i := 0; i < r.replicas; i++ {
			p := point(fmt.Sprintf("%s-%d", other, i))
			if cur, taken := r.owner[p]; !taken || other < cur {
				r.owner[p] = other
			}
		}
	}
	r.rebuild()
	return nil
}

func (r *HashRing) NodeFor(key string) (string, bool) {
	if len(r.sorted) == 0 {
		return "", false
	}
	h := point(key)
	i := sort.Search(len(r.sorted), func(i int) bool { return r.sorted[i] >= h }) % len(r.sorted)
	return r.owner[r.sorted[i]], true
}

func (r *HashRing) Nodes() []string {
	out := []string{}
	for n := range r.members {
		out = append(out, n)
	}
	return out
}
