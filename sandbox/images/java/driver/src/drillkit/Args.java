package drillkit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One call's arguments, bound to the parameters of the adapter's Python signature (positional or by keyword).
 * An optional argument that was not passed reads as null, as Python's None default. The typed getters convert
 * from the wire's values and raise Python's TypeError on a mismatch.
 */
public final class Args {
    private final Signature sig;
    private final Object[] slots;
    private final List<Object> rest;
    private final Map<String, Object> kwargs;

    Args(Signature sig, Object[] slots, List<Object> rest, Map<String, Object> kwargs) {
        this.sig = sig;
        this.slots = slots;
        this.rest = rest;
        this.kwargs = kwargs;
    }

    private String what(int i) {
        return "argument '" + sig.params[i] + "' of " + sig.name + "()";
    }

    /** The argument as it crossed: null, Boolean, Long (BigInteger beyond 64 bits), Double, String, Tuple, List,
     *  Map, Set, BigDecimal, byte[], a Ref (a test object) or an object of the solution. */
    public Object get(int i) {
        return slots[i];
    }

    /** Whether the argument was passed and is not None. */
    public boolean has(int i) {
        return slots[i] != null;
    }

    /** The argument with None as {@link Py#NONE}: for Java APIs that take no nulls (a cache's keys and values). */
    public Object boxed(int i) {
        return Py.box(slots[i]);
    }

    public long i64(int i) {
        return Py.toLong(slots[i], what(i));
    }

    public int i32(int i) {
        return Py.toInt(slots[i], what(i));
    }

    public double f64(int i) {
        return Py.toDouble(slots[i], what(i));
    }

    public String str(int i) {
        return Py.toStr(slots[i], what(i));
    }

    public boolean bool(int i) {
        return Py.toBool(slots[i], what(i));
    }

    public BigDecimal decimal(int i) {
        Object v = slots[i];
        if (v instanceof BigDecimal) return (BigDecimal) v;
        if (v instanceof Long) return BigDecimal.valueOf((Long) v);
        throw Py.typeError(what(i) + " must be a Decimal, not " + Py.typeName(v));
    }

    public <T> List<T> list(int i) {
        return Py.toList(slots[i], what(i));
    }

    public <K, V> Map<K, V> map(int i) {
        return Py.toMap(slots[i], what(i));
    }

    /** A test object (a callable) passed as this argument. */
    public Ref ref(int i) {
        Object v = slots[i];
        if (v instanceof Ref) return (Ref) v;
        throw Py.typeError(what(i) + " must be a callable of the tests, not " + Py.typeName(v));
    }

    /** An injected clock in seconds, or {@code otherwise} when none was passed. */
    public DoubleSupplier clock(int i, DoubleSupplier otherwise) {
        return has(i) ? ref(i) : otherwise;
    }

    /** An injected clock in whole units (milliseconds), or {@code otherwise} when none was passed. */
    public LongSupplier longClock(int i, LongSupplier otherwise) {
        return has(i) ? ref(i) : otherwise;
    }

    /** The extra positional arguments of a {@code *args} signature (empty when none). */
    public List<Object> rest() {
        return rest == null ? List.of() : rest;
    }

    /** The extra keyword arguments of a {@code **kwargs} signature (empty when none). */
    public Map<String, Object> kwargs() {
        return kwargs == null ? Map.of() : kwargs;
    }

    /** The default clock of Python's {@code time.monotonic}: seconds from an arbitrary start. */
    public static final DoubleSupplier MONOTONIC = () -> System.nanoTime() / 1e9;
    /** Milliseconds since the Unix epoch, as Python's {@code time.time_ns() // 1_000_000}. */
    public static final LongSupplier WALL_MS = System::currentTimeMillis;
}
