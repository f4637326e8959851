// token-bucket: the tests' TokenBucket(capacity, refill_per_second, clock) with try_acquire(tokens=1), on the Java
// API of API.md. The tests' clock is a callable returning seconds; it arrives as a DoubleSupplier.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("TokenBucket(capacity, refill_per_second, clock=None)", TokenBucket.class,
                        a -> new TokenBucket(a.f64(0), a.f64(1), a.clock(2, Args.MONOTONIC)))
                .method("try_acquire(tokens=None)", (b, a) -> a.has(0) ? b.tryAcquire(a.f64(0)) : b.tryAcquire());
    }
}
