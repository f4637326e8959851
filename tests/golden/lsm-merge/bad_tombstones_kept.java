// BUG: tombstoned keys are kept in the result (with a null value) instead of dropped.
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

record Entry(String key, String value) {
}

final class Compaction {
    static List<Entry> mergeRuns(List<List<Entry>> runs) {
        Map<String, String> latest = new java.util.TreeMap<>();
        for (int r = runs.size() - 1; r >= 0; r--) {
            for (Entry e : runs.get(r)) latest.put(e.key(), e.value());
        }
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : latest.entrySet()) {
            out.add(new Entry(e.getKey(), e.getValue()));
        }
        return out;
    }
}
