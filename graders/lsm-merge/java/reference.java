// Reference solution for lsm-merge: a k-way heap merge of the sorted runs; the newest entry of a key wins.
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

record Entry(String key, String value) {
}

final class Compaction {
    private Compaction() {
    }

    /** A cursor into one run; among equal keys the newest run (lowest age) comes out of the heap first. */
    private static final class Cursor {
        final List<Entry> run;
        final int age;
        int position;

        Cursor(List<Entry> run, int age) {
            this.run = run;
            this.age = age;
        }

        Entry current() {
            return run.get(position);
        }
    }

    static List<Entry> mergeRuns(List<List<Entry>> runs) {
        PriorityQueue<Cursor> heap = new PriorityQueue<>((a, b) -> {
            int byKey = a.current().key().compareTo(b.current().key());
            return byKey != 0 ? byKey : Integer.compare(a.age, b.age);
        });
        for (int age = 0; age < runs.size(); age++) {
            if (!runs.get(age).isEmpty()) heap.add(new Cursor(runs.get(age), age));
        }
        List<Entry> out = new ArrayList<>();
        String previous = null;
        while (!heap.isEmpty()) {
            Cursor cursor = heap.poll();
            Entry entry = cursor.current();
            if (!entry.key().equals(previous)) {  // an older version of a key already decided is skipped
                previous = entry.key();
                if (entry.value() != null) out.add(entry);
            }
            if (++cursor.position < cursor.run.size()) heap.add(cursor);
        }
        return out;
    }
}
