// The raft-log contract (RaftLog in the Python tests) on top of the Go API: (term, command) tuples as
// solution.Entry, the entries and commit_index attributes from the getters.
package main

import (
	"drillkit/dk"
	"drillkit/grading/solution"
)

type raftLog = solution.RaftLog

func entries(a *dk.Args, name string) []solution.Entry {
	items := a.List(name)
	out := make([]solution.Entry, len(items))
	for i, item := range items {
		pair, ok := item.(dk.Tuple)
		if !ok || len(pair) != 2 {
			return nil
		}
		term, ok := pair[0].(int64)
		if !ok {
			return nil
		}
		out[i] = solution.Entry{Term: int(term), Command: pair[1]}
	}
	return out
}

func main() {
	dk.Serve(dk.Class[*raftLog]{
		Sig: "RaftLog()",
		New: func(a *dk.Args) (*raftLog, error) { return solution.New(), nil },
		Methods: dk.Methods[*raftLog]{
			"append_entries(prev_log_index, prev_log_term, entries, leader_commit)": func(l *raftLog, a *dk.Args) (any, error) {
				return l.AppendEntries(a.Int("prev_log_index"), a.Int("prev_log_term"), entries(a, "entries"),
					a.Int("leader_commit")), nil
			},
		},
		Attrs: dk.Attrs[*raftLog]{
			"entries": func(l *raftLog) any {
				out := []any{}
				for _, e := range l.Entries() {
					out = append(out, dk.Tuple{e.Term, e.Command})
				}
				return out
			},
			"commit_index": func(l *raftLog) any { return l.CommitIndex() },
		},
	})
}
