package drillkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An object of the test process (["ref", id]): an injected clock, a function to wrap, a sentinel. Calling it asks
 * the test process over the channel and serves any nested requests until the answer comes. It is also each of
 * the usual functional interfaces, so an adapter can hand it to a Java API as a clock or a Callable directly.
 */
public final class Ref implements Callable<Object>, Supplier<Object>, DoubleSupplier, LongSupplier, Runnable,
        Function<Object, Object> {
    final long id;
    private final Driver driver;

    Ref(Driver driver, long id) {
        this.driver = driver;
        this.id = id;
    }

    /** Calls the test object with positional and keyword arguments. */
    public Object invoke(List<?> args, Map<String, ?> kwargs) {
        return driver.callback(this, args, kwargs);
    }

    public Object call(Object... args) {
        return invoke(Arrays.asList(args), Map.of());
    }

    @Override
    public Object call() {
        return invoke(List.of(), Map.of());
    }

    @Override
    public Object get() {
        return call();
    }

    @Override
    public void run() {
        call();
    }

    @Override
    public Object apply(Object arg) {
        return call(arg);
    }

    @Override
    public double getAsDouble() {
        return Py.toDouble(call(), "the value of the callback");
    }

    @Override
    public long getAsLong() {
        return Py.toLong(call(), "the value of the callback");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ref && ((Ref) other).id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + 7;
    }

    @Override
    public String toString() {
        return "<test object " + id + ">";
    }
}
