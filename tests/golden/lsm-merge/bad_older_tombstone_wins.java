// BUG: a tombstone anywhere deletes the key for good, even when a newer run holds a value for it.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

record Entry(String key, String value) {
}

final class Compaction {
    static List<Entry> mergeRuns(List<List<Entry>> runs) {
        Map<String, String> newest = new TreeMap<>();
        Set<String> deleted = new HashSet<>();
        for (List<Entry> run : runs) {
            for (Entry e : run) {
                if (e.value() == null) deleted.add(e.key());
                else newest.putIfAbsent(e.key(), e.value());
            }
        }
        List<Entry> out = new ArrayList<>();
        newest.forEach((key, value) -> {
            if (!deleted.contains(key)) out.add(new Entry(key, value));
        });
        return out;
    }
}
