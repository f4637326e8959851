// Entries in a map from index to entry plus the last index; Entries() builds the slice when asked.
package solution

type Entry struct {
	Term    int
	Command any
}

type RaftLog struct {
	byIndex     map[int]Entry
	last        int
	commitIndex int
}

func New() *RaftLog { return &RaftLog{byIndex: map[int]Entry{}} }

func (l *RaftLog) Entries() []Entry {
	out := make([]Entry, 0, l.last)
	for i := 1; i <= l.last; i++ {
		out = append(out, l.byIndex[i])
	}
	return out
}

func (l *RaftLog) CommitIndex() int { return l.commitIndex }

func (l *RaftLog) term(i int) (int, bool) {
	if i == 0 {
		return 0, true
	}
	if i > l.last {
		return 0, false
	}
	return l.byIndex[i].Term, true
}

func (l *RaftLog) AppendEntries(prevLogIndex, prevLogTerm int, entries []Entry, leaderCommit int) bool {
	if t, ok := l.term(prevLogIndex); !ok || t != prevLogTerm {
		return false
	}
	for k, e := range entries {
		i := prevLogIndex + 1 + k
		if t, ok := l.term(i); ok {
			if t == e.Term {
				continue
			}
			for j := i; j <= l.last; j++ {
				delete(l.byIndex, j)
			}
			l.last = i - 1
		}
		l.byIndex[i] = e
		l.last = i
	}
	if leaderCommit > l.commitIndex {
		if n := prevLogIndex + len(entries); leaderCommit > n {
			if n > l.commitIndex {
				l.commitIndex = n
			}
		} else {
			l.commitIndex = leaderCommit
		}
	}
	return true
}
