package drillkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A class of the Python contract: its constructor, methods (dunders included) and properties. */
public final class ClassSpec<T> {
    @FunctionalInterface
    public interface Ctor<T> {
        T make(Args a) throws Exception;
    }

    @FunctionalInterface
    public interface Method<T> {
        Object call(T self, Args a) throws Exception;
    }

    @FunctionalInterface
    public interface Getter<T> {
        Object get(T self) throws Exception;
    }

    @FunctionalInterface
    public interface Setter<T> {
        void set(T self, Object value) throws Exception;
    }

    /** A method as the driver calls it. */
    static final class Bound {
        final Signature sig;
        final Method<Object> fn;

        Bound(Signature sig, Method<Object> fn) {
            this.sig = sig;
            this.fn = fn;
        }

        Object call(Object self, Args a) throws Exception {
            return fn.call(self, a);
        }
    }

    final String name;
    final Class<T> type;
    final Signature init;
    final Ctor<T> ctor;
    final Map<String, Bound> methods = new TreeMap<>();
    final Map<String, Getter<T>> getters = new LinkedHashMap<>();
    final Map<String, Setter<T>> setters = new LinkedHashMap<>();

    ClassSpec(String signature, Class<T> type, Ctor<T> ctor) {
        this.init = Signature.parse(signature);
        this.name = init.name;
        this.type = type;
        this.ctor = ctor;
    }

    /** A method, by its Python signature: {@code .method("get(key, default=None)", (c, a) -> ...)}. */
    @SuppressWarnings("unchecked")
    public ClassSpec<T> method(String signature, Method<T> fn) {
        Signature sig = Signature.parse(signature);
        methods.put(sig.name, new Bound(sig, (Method<Object>) fn));
        return this;
    }

    /** A read-only attribute (a Python property). */
    public ClassSpec<T> property(String name, Getter<T> getter) {
        getters.put(name, getter);
        return this;
    }

    /** A writable attribute. */
    public ClassSpec<T> property(String name, Getter<T> getter, Setter<T> setter) {
        getters.put(name, getter);
        setters.put(name, setter);
        return this;
    }

    String key() {
        return "solution." + name;
    }
}
