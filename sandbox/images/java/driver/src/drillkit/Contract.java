package drillkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tests' {@code from solution import X} finds: the adapter registers classes, functions, exception
 * classes and values under the Python contract's names, and how the Java API's exceptions map to Python's.
 */
public final class Contract {
    @FunctionalInterface
    public interface Fn {
        Object call(Args a) throws Exception;
    }

    /** An exception class of the contract (CircuitOpenError), raised when the Java API throws {@code javaType}. */
    static final class ExceptionSpec {
        final String name;
        final Class<? extends Throwable> javaType;
        final String builtin;
        final boolean own;  // a class of the contract, not a builtin

        ExceptionSpec(String name, Class<? extends Throwable> javaType, String builtin, boolean own) {
            this.name = name;
            this.javaType = javaType;
            this.builtin = builtin;
            this.own = own;
        }
    }

    final Map<String, ClassSpec<?>> classes = new LinkedHashMap<>();
    final Map<String, ClassSpec.Bound> functions = new LinkedHashMap<>();
    final Map<String, ExceptionSpec> exceptionClasses = new LinkedHashMap<>();
    final List<ExceptionSpec> mappings = new ArrayList<>();
    final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<Class<?>, ClassSpec<?>> byJavaClass = new HashMap<>();

    Contract() {
    }

    /** A class: {@code m.cls("LRUCache(capacity)", LRUCache.class, a -> new LRUCache<>(a.i32(0)))}. */
    public <T> ClassSpec<T> cls(String signature, Class<T> type, ClassSpec.Ctor<T> ctor) {
        ClassSpec<T> spec = new ClassSpec<>(signature, type, ctor);
        classes.put(spec.name, spec);
        byJavaClass.clear();
        return spec;
    }

    /** A module-level function: {@code m.function("merge(a, b)", a -> ...)}. */
    public Contract function(String signature, Fn fn) {
        Signature sig = Signature.parse(signature);
        functions.put(sig.name, new ClassSpec.Bound(sig, (self, a) -> fn.call(a)));
        return this;
    }

    /**
     * An exception class of the contract: {@code m.exception("CircuitOpenError", "Exception",
     * CircuitOpenException.class)} — the tests import it, and a {@code CircuitOpenException} crosses as it.
     */
    public Contract exception(String name, String builtinBase, Class<? extends Throwable> javaType) {
        if (!Exceptions.isBuiltin(builtinBase)) throw new IllegalArgumentException("not a builtin: " + builtinBase);
        ExceptionSpec spec = new ExceptionSpec(name, javaType, builtinBase, true);
        exceptionClasses.put(name, spec);
        mappings.add(0, spec);
        return this;
    }

    /** A Java exception that crosses as the given Python builtin: {@code m.raises(NoSuchElementException.class,
     *  "LookupError")}. Later registrations take precedence. */
    public Contract raises(Class<? extends Throwable> javaType, String builtin) {
        if (!Exceptions.isBuiltin(builtin)) throw new IllegalArgumentException("not a builtin: " + builtin);
        mappings.add(0, new ExceptionSpec(builtin, javaType, builtin, false));
        return this;
    }

    /** A module-level value (a constant). */
    public Contract value(String name, Object value) {
        values.put(name, value);
        return this;
    }

    ClassSpec<?> specFor(Class<?> type) {
        if (byJavaClass.containsKey(type)) return byJavaClass.get(type);
        ClassSpec<?> found = null;
        for (ClassSpec<?> spec : classes.values()) {
            if (spec.type == type) { found = spec; break; }
        }
        if (found == null) {
            for (ClassSpec<?> spec : classes.values()) {
                if (spec.type.isAssignableFrom(type)) { found = spec; break; }
            }
        }
        byJavaClass.put(type, found);
        return found;
    }

    ExceptionSpec mappingFor(Throwable e) {
        for (ExceptionSpec spec : mappings) if (spec.javaType.isInstance(e)) return spec;
        return null;
    }
}
