// raft-log: implement RaftLog, a Raft follower's log handling AppendEntries.
// (The question's prompt goes above this line.)
package solution

// Entry is one log entry: the leader's term when it was created, and the command.
type Entry struct {
	Term    int
	Command any
}

// RaftLog is a Raft follower's log, 1-indexed; index 0 is an implicit entry of term 0.
type RaftLog struct {
	// TODO: your fields
}

// New returns an empty log with commit index 0.
func New() *RaftLog { return &RaftLog{} }

// Entries returns the log's entries; entry i is Entries()[i-1].
func (l *RaftLog) Entries() []Entry { return nil }

// CommitIndex returns the highest index known to be committed; it never decreases.
func (l *RaftLog) CommitIndex() int { return 0 }

// AppendEntries applies an AppendEntries RPC following the receiver rules of the Raft paper (Figure 2).
func (l *RaftLog) AppendEntries(prevLogIndex, prevLogTerm int, entries []Entry, leaderCommit int) bool {
	return false
}
