// Reference solution for offset-tracker: the next offset to commit plus the set of offsets done beyond a gap.
import java.util.HashSet;
import java.util.Set;

final class OffsetTracker {
    private final long start;
    private long next;                              // the lowest offset not yet done
    private final Set<Long> ahead = new HashSet<>(); // done offsets above next (only while there is a gap)

    OffsetTracker(long start) {
        this.start = start;
        this.next = start;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset " + offset + " is below the start offset " + start);
        if (offset < next || ahead.contains(offset)) return;  // a repeat
        if (offset != next) {
            ahead.add(offset);
            return;
        }
        next++;
        while (ahead.remove(next)) next++;
    }

    long committable() {
        return next;
    }
}
