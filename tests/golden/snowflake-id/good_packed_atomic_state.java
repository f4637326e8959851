// Lock-free: the last millisecond and the sequence are packed into one AtomicLong updated with compare-and-set.
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

final class SnowflakeGenerator {
    private static final long SEQUENCE_BITS = 12;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long workerBits;
    private final long epochMs;
    private final LongSupplier clock;
    /** (ms - epoch) << 12 | sequence of the last id, or -1 before the first. */
    private final AtomicLong last = new AtomicLong(-1);

    SnowflakeGenerator(int workerId, long epochMs, LongSupplier clockMs) {
        if (workerId >>> 10 != 0) throw new IllegalArgumentException("worker id out of range: " + workerId);
        this.workerBits = (long) workerId << 12;
        this.epochMs = epochMs;
        this.clock = clockMs;
    }

    long nextId() {
        while (true) {
            long previous = last.get();
            long offset = clock.getAsLong() - epochMs;
            long previousOffset = previous >> SEQUENCE_BITS;
            long next;
            if (previous >= 0 && offset < previousOffset) {
                throw new IllegalStateException("clock went back " + (previousOffset - offset) + " ms");
            }
            if (previous >= 0 && offset == previousOffset) {
                if ((previous & SEQUENCE_MASK) == SEQUENCE_MASK) {
                    while (offset <= previousOffset) offset = clock.getAsLong() - epochMs;
                    next = offset << SEQUENCE_BITS;
                } else {
                    next = previous + 1;
                }
            } else {
                next = offset << SEQUENCE_BITS;
            }
            if (last.compareAndSet(previous, next)) {
                long ms = next >> SEQUENCE_BITS;
                return ms << 22 | workerBits | (next & SEQUENCE_MASK);
            }
        }
    }
}
