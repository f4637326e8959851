// lsm-merge: the tests' merge_runs(runs) over lists of (key, value-or-None) tuples, on the Java API of API.md.
import drillkit.*;
import java.util.ArrayList;
import java.util.List;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.function("merge_runs(runs)", a -> {
            List<List<Entry>> runs = new ArrayList<>();
            for (Object run : a.list(0)) {
                List<Object> items = Py.toList(run, "a run");
                List<Entry> entries = new ArrayList<>(items.size());
                for (Object item : items) {
                    List<Object> pair = Py.toList(item, "an entry");
                    if (pair.size() != 2) throw Py.valueError("an entry is a (key, value) pair");
                    Object value = pair.get(1);
                    entries.add(new Entry(Py.toStr(pair.get(0), "a key"), value == null ? null : Py.toStr(value, "a value")));
                }
                runs.add(entries);
            }
            List<Object> out = new ArrayList<>();
            for (Entry e : Compaction.mergeRuns(runs)) out.add(Py.tuple(e.key(), e.value()));
            return out;
        });
    }
}
