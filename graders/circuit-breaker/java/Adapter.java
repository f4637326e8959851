// circuit-breaker: the tests' CircuitBreaker(failure_threshold, recovery_timeout, clock) with `state` and
// call(fn, *args, **kwargs), and CircuitOpenError, on the Java API of API.md. The tests' function arrives as a
// Callable that calls back into the test process; what it raises propagates through call() unchanged.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.exception("CircuitOpenError", "Exception", CircuitOpenException.class);
        m.cls("CircuitBreaker(failure_threshold, recovery_timeout, clock=None)", CircuitBreaker.class,
                        a -> new CircuitBreaker(a.i32(0), a.f64(1), a.clock(2, Args.MONOTONIC)))
                .property("state", b -> b.state().name().toLowerCase().replace('_', '-'))
                .method("call(fn, *args, **kwargs)", (b, a) -> {
                    Ref fn = a.ref(0);
                    return b.call(() -> fn.invoke(a.rest(), a.kwargs()));
                });
    }
}
