// BUG: an offset below the start is silently ignored instead of raising.
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
        if (offset < start) return;
        if (offset < next) return;
        pending.add(offset);
        while (pending.remove(next)) next++;
    }

    long committable() {
        return next;
    }
}
