// consistent-hashing: implement HashRing, consistent hashing with virtual nodes.
// (The question's prompt goes above this line.)
package solution

import "errors"

// DefaultReplicas is the number of points per node when the caller has no better figure.
const DefaultReplicas = 100

// HashRing assigns keys to nodes so that adding or removing a node moves only the keys it gains or loses.
type HashRing struct {
	// TODO: your fields
}

// New returns a ring holding nodes, each at replicas points; replicas must be at least 1 and nodes distinct.
func New(nodes []string, replicas int) (*HashRing, error) {
	return nil, errors.New("not implemented")
}

// AddNode puts node on the ring; adding a node already there is an error.
func (r *HashRing) AddNode(node string) error { return errors.New("not implemented") }

// RemoveNode takes node off the ring; removing a node that is not there is an error.
func (r *HashRing) RemoveNode(node string) error { return errors.New("not implemented") }

// NodeFor returns the node that owns key, or false when the ring is empty.
func (r *HashRing) NodeFor(key string) (string, bool) { return "", false }

// Nodes returns the nodes on the ring, in no particular order.
func (r *HashRing) Nodes() []string { return nil }
