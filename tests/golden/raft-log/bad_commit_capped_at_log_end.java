// BUG: commitIndex is capped at the end of the log instead of at the last entry this RPC verified.
import java.util.ArrayList;
import java.util.List;

record Entry(long term, Object command) {
}

final class RaftLog {
    private final ArrayList<Entry> log = new ArrayList<>();
    private int commit;

    List<Entry> entries() {
        return new ArrayList<>(log);
    }

    int commitIndex() {
        return commit;
    }

    boolean appendEntries(int prevLogIndex, long prevLogTerm, List<Entry> entries, int leaderCommit) {
        if (prevLogIndex > log.size()) return false;
        if (prevLogIndex > 0 && log.get(prevLogIndex - 1).term() != prevLogTerm) return false;
        if (prevLogIndex == 0 && prevLogTerm != 0) return false;
        for (int k = 0; k < entries.size(); k++) {
            int at = prevLogIndex + k;  // 0-based position of entry number prevLogIndex + 1 + k
            if (at < log.size()) {
                if (log.get(at).term() == entries.get(k).term()) continue;
                while (log.size() > at) log.remove(log.size() - 1);
            }
            log.add(entries.get(k));
        }
        if (leaderCommit > commit) commit = Math.min(leaderCommit, log.size());
        return true;
    }
}
