// ttl-cache: the tests' TTLCache(default_ttl, clock) — set, get(key, default), delete, len() — on the Java API of
// API.md. The tests' clock is a callable returning seconds; it arrives as a DoubleSupplier.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("TTLCache(default_ttl, clock=None)", TTLCache.class,
                        a -> new TTLCache<>(a.f64(0), a.clock(1, Args.MONOTONIC)))
                .method("set(key, value, ttl=None)", (c, a) -> {
                    if (a.has(2)) c.set(a.boxed(0), a.boxed(1), a.f64(2));
                    else c.set(a.boxed(0), a.boxed(1));
                    return null;
                })
                .method("get(key, default=None)", (c, a) -> Py.orElse(c.get(a.boxed(0)), a.get(1)))
                .method("delete(key)", (c, a) -> c.delete(a.boxed(0)))
                .method("__len__()", (c, a) -> c.size());
    }
}
