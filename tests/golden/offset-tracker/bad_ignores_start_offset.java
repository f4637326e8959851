// BUG: the committable offset starts at 0 whatever the start offset.
import java.util.HashSet;
import java.util.Set;

final class OffsetTracker {
    private final long start;
    private long next;
    private final Set<Long> pending = new HashSet<>();

    OffsetTracker(long start) {
        this.start = start;
        this.next = 0;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset below start");
        if (offset < next) return;
        pending.add(offset);
        while (pending.remove(next)) next++;
    }

    long committable() {
        return next;
    }
}
