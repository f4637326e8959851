// Reference solution for raft-log: the AppendEntries receiver rules of the Raft paper (Figure 2).
import java.util.ArrayList;
import java.util.List;

record Entry(long term, Object command) {
}

final class RaftLog {
    private final List<Entry> log = new ArrayList<>();  // entry i is log.get(i - 1)
    private int commitIndex;

    List<Entry> entries() {
        return List.copyOf(log);
    }

    int commitIndex() {
        return commitIndex;
    }

    private long termAt(int index) {
        return index == 0 ? 0 : log.get(index - 1).term();
    }

    boolean appendEntries(int prevLogIndex, long prevLogTerm, List<Entry> entries, int leaderCommit) {
        // Rule 2: the log must contain an entry at prevLogIndex whose term is prevLogTerm.
        if (prevLogIndex < 0 || prevLogIndex > log.size() || termAt(prevLogIndex) != prevLogTerm) return false;
        // Rules 3 and 4: skip entries already present, truncate at the first conflict, append the rest.
        for (int position = 0; position < entries.size(); position++) {
            int index = prevLogIndex + 1 + position;
            Entry entry = entries.get(position);
            if (index <= log.size()) {
                if (log.get(index - 1).term() == entry.term()) continue;
                log.subList(index - 1, log.size()).clear();
            }
            log.add(entry);
        }
        // Rule 5: commit up to the leader's commit, no further than this call verified; never decrease.
        int lastNewIndex = prevLogIndex + entries.size();
        if (leaderCommit > commitIndex) commitIndex = Math.max(commitIndex, Math.min(leaderCommit, lastNewIndex));
        return true;
    }
}
