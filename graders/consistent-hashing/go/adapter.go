// The consistent-hashing contract (HashRing in the Python tests) on top of the Go API: errors by method
// (ValueError, KeyError), an empty ring's (value, ok) lookup as LookupError, nodes as a set.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type ring = solution.HashRing

func main() {
	dk.Serve(dk.Class[*ring]{
		Sig: "HashRing(nodes=(), replicas=100)",
		New: func(a *dk.Args) (*ring, error) {
			var nodes []string
			if a.Has("nodes") {
				nodes = a.Strings("nodes")
			}
			r, err := solution.New(nodes, a.IntOr("replicas", solution.DefaultReplicas))
			return r, dk.As("ValueError", err)
		},
		Methods: dk.Methods[*ring]{
			"add_node(node)": func(r *ring, a *dk.Args) (any, error) {
				return nil, dk.As("ValueError", r.AddNode(a.Str("node")))
			},
			"remove_node(node)": func(r *ring, a *dk.Args) (any, error) {
				return nil, dk.As("KeyError", r.RemoveNode(a.Str("node")))
			},
			"node_for(key)": func(r *ring, a *dk.Args) (any, error) {
				node, ok := r.NodeFor(a.Str("key"))
				if !ok {
					return nil, dk.Raise("LookupError", "the ring has no nodes")
				}
				return node, nil
			},
		},
		Attrs: dk.Attrs[*ring]{
			"nodes": func(r *ring) any {
				nodes := dk.Set{}
				for _, n := range r.Nodes() {
					nodes = append(nodes, n)
				}
				return nodes
			},
		},
	})
}
