// Reference solution for token-bucket: a token count refilled lazily from the time of the previous call.
import java.util.function.DoubleSupplier;

final class TokenBucket {
    private final double capacity;
    private final double rate;
    private final DoubleSupplier clock;
    private double tokens;
    private double last = Double.NaN;  // time of the previous refill; NaN until the first call

    TokenBucket(double capacity, double refillPerSecond, DoubleSupplier clock) {
        if (!(capacity > 0)) throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        if (!(refillPerSecond > 0)) throw new IllegalArgumentException("refillPerSecond must be > 0, got " + refillPerSecond);
        this.capacity = capacity;
        this.rate = refillPerSecond;
        this.clock = clock;
        this.tokens = capacity;
    }

    boolean tryAcquire() {
        return tryAcquire(1);
    }

    boolean tryAcquire(double wanted) {
        if (!(wanted > 0)) throw new IllegalArgumentException("tokens must be > 0, got " + wanted);
        double now = clock.getAsDouble();
        if (!Double.isNaN(last)) tokens = Math.min(capacity, tokens + (now - last) * rate);
        last = now;
        if (wanted <= tokens) {
            tokens -= wanted;
            return true;
        }
        return false;
    }
}
