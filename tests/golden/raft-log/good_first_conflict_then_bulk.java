// Finds the first new entry that is missing or conflicts, truncates there once, then appends the rest in bulk.
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

record Entry(long term, Object command) {
}

final class RaftLog {
    private List<Entry> log = new ArrayList<>();
    private int commitIndex;

    List<Entry> entries() {
        return Collections.unmodifiableList(log);
    }

    int commitIndex() {
        return commitIndex;
    }

    boolean appendEntries(int prevLogIndex, long prevLogTerm, List<Entry> entries, int leaderCommit) {
        long termThere = prevLogIndex == 0 ? 0 : prevLogIndex <= log.size() ? log.get(prevLogIndex - 1).term() : -1;
        if (prevLogIndex > log.size() || termThere != prevLogTerm) return false;
        int k = 0;
        while (k < entries.size() && prevLogIndex + k < log.size()
                && log.get(prevLogIndex + k).term() == entries.get(k).term()) {
            k++;
        }
        if (k < entries.size()) {
            List<Entry> next = new ArrayList<>(log.subList(0, Math.min(log.size(), prevLogIndex + k)));
            next.addAll(entries.subList(k, entries.size()));
            log = next;
        }
        int lastNew = prevLogIndex + entries.size();
        if (leaderCommit > commitIndex) commitIndex = Math.max(commitIndex, Math.min(leaderCommit, lastNew));
        return true;
    }
}
