// BUG: each entry is placed by a linear search through the merged list so far: quadratic in the input size.
import java.util.ArrayList;
import java.util.List;

record Entry(String key, String value) {
}

final class Compaction {
    static List<Entry> mergeRuns(List<List<Entry>> runs) {
        List<Entry> merged = new ArrayList<>();
        for (List<Entry> run : runs) {  // newest first: a key already placed keeps its newer entry
            for (Entry e : run) {
                int i = 0;
                while (i < merged.size() && merged.get(i).key().compareTo(e.key()) < 0) i++;
                if (i < merged.size() && merged.get(i).key().equals(e.key())) continue;
                merged.add(i, e);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (Entry e : merged) if (e.value() != null) out.add(e);
        return out;
    }
}
