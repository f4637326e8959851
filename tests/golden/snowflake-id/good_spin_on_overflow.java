// Sequence counter per millisecond; on overflow it re-reads the clock until the millisecond changes.
import java.util.function.LongSupplier;

final class SnowflakeGenerator {
    private final long workerId;
    private final long epochMs;
    private final LongSupplier clockMs;
    private long lastMs = Long.MIN_VALUE;
    private long sequence;

    SnowflakeGenerator(int workerId, long epochMs, LongSupplier clockMs) {
        if (workerId < 0 || workerId > 1023) throw new IllegalArgumentException("bad worker id " + workerId);
        this.workerId = workerId;
        this.epochMs = epochMs;
        this.clockMs = clockMs;
    }

    long nextId() {
        long ms = clockMs.getAsLong();
        if (ms < lastMs) {
            throw new IllegalStateException("clock moved backwards");
        }
        if (ms == lastMs) {
            sequence++;
            if (sequence > 4095) {
                while (ms <= lastMs) ms = clockMs.getAsLong();
                sequence = 0;
            }
        } else {
            sequence = 0;
        }
        lastMs = ms;
        return (ms - epochMs) << 22 | workerId << 12 | sequence;
    }
}
