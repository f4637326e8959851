// raft-log: implement RaftLog, a Raft follower's log handling AppendEntries (Figure 2 receiver rules).
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
import java.util.List;

record Entry(long term, Object command) {
}

final class RaftLog {
    /** The log, 1-indexed: entry i is entries().get(i - 1). */
    List<Entry> entries() {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Starts at 0; never decreases. */
    int commitIndex() {
        throw new UnsupportedOperationException("not implemented");
    }

    boolean appendEntries(int prevLogIndex, long prevLogTerm, List<Entry> entries, int leaderCommit) {
        throw new UnsupportedOperationException("not implemented");
    }
}
