// raft-log: the tests' RaftLog() with `entries` (a list of (term, command) tuples), `commit_index` and
// append_entries(prev_log_index, prev_log_term, entries, leader_commit), on the Java API of API.md.
import drillkit.*;
import java.util.ArrayList;
import java.util.List;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("RaftLog()", RaftLog.class, a -> new RaftLog())
                .method("append_entries(prev_log_index, prev_log_term, entries, leader_commit)", (log, a) -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Object item : a.list(2)) {
                        List<Object> pair = Py.toList(item, "an entry");
                        if (pair.size() != 2) throw Py.valueError("an entry is a (term, command) pair");
                        entries.add(new Entry(Py.toLong(pair.get(0), "a term"), pair.get(1)));
                    }
                    return log.appendEntries(a.i32(0), a.i64(1), entries, a.i32(3));
                })
                .property("entries", log -> {
                    List<Object> out = new ArrayList<>();
                    for (Entry e : log.entries()) out.add(Py.tuple(e.term(), e.command()));
                    return out;
                })
                .property("commit_index", log -> log.commitIndex());
    }
}
