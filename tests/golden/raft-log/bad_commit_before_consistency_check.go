// BUG: the commit index moves even when the consistency check fails
package solution

// Entry is one log entry: the leader's term when it was created, and the command.
type Entry struct {
	Term    int
	Command any
}

// RaftLog is a Raft follower's log, 1-indexed; index 0 is an implicit entry of term 0.
type RaftLog struct {
	entries     []Entry
	commitIndex int
}

// New returns an empty log with commit index 0.
func New() *RaftLog { return &RaftLog{} }

// Entries returns the log's entries; entry i is Entries()[i-1].
func (l *RaftLog) Entries() []Entry { return l.entries }

// CommitIndex returns the highest index known to be committed; it never decreases.
func (l *RaftLog) CommitIndex() int { return l.commitIndex }

func (l *RaftLog) termAt(index int) int {
	if index == 0 {
		return 0
	}
	return l.entries[index-1].Term
}

// AppendEntries applies an AppendEntries RPC: false if the log has no entry at prevLogIndex with term
// prevLogTerm; otherwise an existing entry that conflicts with a new one (same index, different term) is
// deleted with all that follow, new entries not already in the log are appended, and the commit index moves
// to min(leaderCommit, index of the last new entry) when leaderCommit is higher.
func (l *RaftLog) AppendEntries(prevLogIndex, prevLogTerm int, entries []Entry, leaderCommit int) bool {
	if prevLogIndex < 0 || prevLogIndex > len(l.entries) || l.termAt(prevLogIndex) != prevLogTerm {
		if leaderCommit > l.commitIndex {
			l.commitIndex = min(leaderCommit, len(l.entries))
		}
		return false
	}
	for i, e := range entries {
		index := prevLogIndex + 1 + i
		if index <= len(l.entries) {
			if l.entries[index-1].Term == e.Term {
				continue // already present: a stale or repeated RPC must not truncate
			}
			l.entries = l.entries[:index-1]
		}
		l.entries = append(l.entries, e)
	}
	if leaderCommit > l.commitIndex {
		l.commitIndex = max(l.commitIndex, min(leaderCommit, prevLogIndex+len(entries)))
	}
	return true
}
