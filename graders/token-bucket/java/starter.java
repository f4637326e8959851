// token-bucket: implement TokenBucket, a rate limiter that refills continuously up to its capacity.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
// Times are double seconds read from the injected clock; the bucket starts full.
import java.util.function.DoubleSupplier;

final class TokenBucket {
    /** capacity and refillPerSecond must be > 0, else IllegalArgumentException. */
    TokenBucket(double capacity, double refillPerSecond, DoubleSupplier clock) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** tryAcquire(1). */
    boolean tryAcquire() {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Takes `tokens` if that many are available now (true), else takes none (false); tokens <= 0 throws. */
    boolean tryAcquire(double tokens) {
        throw new UnsupportedOperationException("not implemented");
    }
}
