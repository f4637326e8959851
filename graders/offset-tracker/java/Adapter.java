// offset-tracker: the tests' OffsetTracker(start=0) with done(offset) and the `committable` property, on the Java
// API of API.md.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("OffsetTracker(start=None)", OffsetTracker.class, a -> new OffsetTracker(a.has(0) ? a.i64(0) : 0))
                .method("done(offset)", (t, a) -> {
                    t.done(a.i64(0));
                    return null;
                })
                .property("committable", t -> t.committable());
    }
}
