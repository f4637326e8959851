// Virtual time: keep only the instant at which the bucket would have been empty; the tokens now are
// min(capacity, (now - emptyAt) * rate), and a grant moves that instant forward by tokens / rate.
import java.util.function.DoubleSupplier;

final class TokenBucket {
    private final double capacity;
    private final double rate;
    private final DoubleSupplier clock;
    private double emptyAt = Double.NEGATIVE_INFINITY;  // starts full

    TokenBucket(double capacity, double refillPerSecond, DoubleSupplier clock) {
        if (!(capacity > 0) || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("capacity and refill rate must be positive");
        }
        this.capacity = capacity;
        this.rate = refillPerSecond;
        this.clock = clock;
    }

    boolean tryAcquire() {
        return tryAcquire(1);
    }

    boolean tryAcquire(double tokens) {
        if (!(tokens > 0)) throw new IllegalArgumentException("tokens must be positive");
        double now = clock.getAsDouble();
        double available = Math.min(capacity, (now - emptyAt) * rate);
        if (tokens > available) return false;
        emptyAt = now - (available - tokens) / rate;
        return true;
    }
}
