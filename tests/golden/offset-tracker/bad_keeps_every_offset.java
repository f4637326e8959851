// BUG: every offset ever done is kept, so memory grows with the offsets seen instead of with the gap.
import java.util.HashSet;
import java.util.Set;

final class OffsetTracker {
    private final long start;
    private long next;
    private final Set<Long> seen = new HashSet<>();

    OffsetTracker(long start) {
        this.start = start;
        this.next = start;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset below start");
        seen.add(offset);
        while (seen.contains(next)) next++;
    }

    long committable() {
        return next;
    }
}
