// Reference solution for snowflake-id: Twitter-style ids (41-bit ms, 10-bit worker, 12-bit sequence).
import java.util.function.LongSupplier;

final class SnowflakeGenerator {
    private static final int MAX_WORKER = 1023;
    private static final int MAX_SEQUENCE = 4095;

    private final long workerId;
    private final long epochMs;
    private final LongSupplier clockMs;
    private long lastMs = -1;
    private long sequence;

    SnowflakeGenerator(int workerId, long epochMs, LongSupplier clockMs) {
        if (workerId < 0 || workerId > MAX_WORKER) {
            throw new IllegalArgumentException("workerId must be in 0.." + MAX_WORKER + ", got " + workerId);
        }
        this.workerId = workerId;
        this.epochMs = epochMs;
        this.clockMs = clockMs;
    }

    synchronized long nextId() {
        long ms = clockMs.getAsLong();
        if (lastMs >= 0 && ms < lastMs) throw new IllegalStateException("clock moved backwards from " + lastMs + " to " + ms);
        if (ms == lastMs) {
            if (sequence == MAX_SEQUENCE) {
                while (ms <= lastMs) ms = clockMs.getAsLong();  // 4,096 ids used this millisecond: wait
                sequence = 0;
            } else {
                sequence++;
            }
        } else {
            sequence = 0;
        }
        lastMs = ms;
        return (ms - epochMs) << 22 | workerId << 12 | sequence;
    }
}
