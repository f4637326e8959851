// BUG: the bucket starts empty instead of full.
import java.util.function.DoubleSupplier;

final class TokenBucket {
    private final double capacity;
    private final double rate;
    private final DoubleSupplier clock;
    private double tokens;
    private boolean started;
    private double last;

    TokenBucket(double capacity, double refillPerSecond, DoubleSupplier clock) {
        if (capacity <= 0 || refillPerSecond <= 0) throw new IllegalArgumentException("capacity and rate must be > 0");
        this.capacity = capacity;
        this.rate = refillPerSecond;
        this.clock = clock;
        this.tokens = 0;
    }

    boolean tryAcquire() {
        return tryAcquire(1.0);
    }

    boolean tryAcquire(double wanted) {
        if (wanted <= 0) throw new IllegalArgumentException("tokens must be > 0");
        double now = clock.getAsDouble();
        if (started) tokens = Math.min(capacity, tokens + (now - last) * rate);
        started = true;
        last = now;
        if (wanted <= tokens) {
            tokens -= wanted;
            return true;
        }

        return false;
    }
}
