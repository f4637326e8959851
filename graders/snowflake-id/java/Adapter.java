// snowflake-id: the tests' SnowflakeGenerator(worker_id, epoch_ms=1288834974657, clock_ms) with next_id(), on the
// Java API of API.md. The tests' clock returns integer milliseconds; it arrives as a LongSupplier.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("SnowflakeGenerator(worker_id, epoch_ms=None, clock_ms=None)", SnowflakeGenerator.class,
                        a -> new SnowflakeGenerator(a.i32(0), a.has(1) ? a.i64(1) : 1288834974657L,
                                a.longClock(2, Args.WALL_MS)))
                .method("next_id()", (g, a) -> g.nextId());
    }
}
