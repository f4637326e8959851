// Finds the first new entry that is missing or conflicts, then splices: keep the log up to there, append the rest.
package solution

type Entry struct {
	Term    int
	Command any
}

type RaftLog struct {
	log    []Entry
	commit int
}

func New() *RaftLog { return &RaftLog{log: []Entry{}} }

func (l *RaftLog) Entries() []Entry { return l.log }
func (l *RaftLog) CommitIndex() int { return l.commit }

func (l *RaftLog) AppendEntries(prevLogIndex, prevLogTerm int, entries []Entry, leaderCommit int) bool {
	if prevLogIndex > len(l.log) {
		return false
	}
	if prevLogIndex > 0 && l.log[prevLogIndex-1].Term != prevLogTerm {
		return false
	}
	if prevLogIndex == 0 && prevLogTerm != 0 {
		return false
	}
	first := len(entries)
	for i, e := range entries {
		at := prevLogIndex + i // 0-based position in l.log
		if at >= len(l.log) || l.log[at].Term != e.Term {
			first = i
			break
		}
	}
	if first < len(entries) {
		kept := l.log[: prevLogIndex+first : prevLogIndex+first]
		l.log = append(kept, entries[first:]...)
	}
	lastNew := prevLogIndex + len(entries)
	if leaderCommit > l.commit {
		l.commit = max(l.commit, min(leaderCommit, lastNew))
	}
	return true
}
