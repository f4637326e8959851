// BUG: filling a gap advances committable by one only, not over every contiguous done offset.
import java.util.HashSet;
import java.util.Set;

final class OffsetTracker {
    private final long start;
    private long next;
    private final Set<Long> pending = new HashSet<>();

    OffsetTracker(long start) {
        this.start = start;
        this.next = start;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset below start");
        if (offset < next) return;
        if (offset == next) next++;
        else pending.add(offset);
        if (pending.remove(next)) next++;
    }

    long committable() {
        return next;
    }
}
