package drillkit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversions between Python values as they cross the wire and the Java values an API takes or returns. */
public final class Py {
    private Py() {
    }

    /**
     * Python's None where a Java API takes no null (a cache's values): {@link #box} stores it, and it crosses back
     * as None, so an adapter does not have to unbox what it returns.
     */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    public static Object box(Object value) {
        return value == null ? NONE : value;
    }

    public static Object unbox(Object value) {
        return value == NONE ? null : value;
    }

    /** An Optional's value (None-boxed values unboxed), or {@code otherwise} when it is empty. */
    public static Object orElse(Optional<?> value, Object otherwise) {
        return value.isPresent() ? unbox(value.get()) : otherwise;
    }

    public static Tuple tuple(Object... items) {
        return Tuple.of(items);
    }

    public static PyException valueError(String message) {
        return new PyException("ValueError", message);
    }

    public static PyException typeError(String message) {
        return new PyException("TypeError", message);
    }

    public static PyException keyError(String message) {
        return new PyException("KeyError", message);
    }

    static String typeName(Object v) {
        if (v == null || v == NONE) return "None";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof String) return "str";
        if (v instanceof Tuple) return "tuple";
        if (v instanceof List) return "list";
        if (v instanceof Map) return "dict";
        if (v instanceof java.util.Set) return "set";
        if (v instanceof BigDecimal) return "Decimal";
        if (v instanceof byte[]) return "bytes";
        return v.getClass().getSimpleName();
    }

    private static PyException wrongType(Object v, String expected, String what) {
        return typeError(what + " must be " + expected + ", not " + typeName(v));
    }

    public static long toLong(Object v, String what) {
        if (v instanceof Long) return (Long) v;
        if (v instanceof Integer) return (Integer) v;
        if (v instanceof Boolean) return (Boolean) v ? 1 : 0;
        if (v instanceof BigInteger) throw new PyException("OverflowError", what + " does not fit in 64 bits: " + v);
        throw wrongType(v, "an int", what);
    }

    public static int toInt(Object v, String what) {
        long n = toLong(v, what);
        if (n != (int) n) throw new PyException("OverflowError", what + " does not fit in a Java int: " + n);
        return (int) n;
    }

    public static double toDouble(Object v, String what) {
        if (v instanceof Double) return (Double) v;
        if (v instanceof Long) return (Long) v;
        if (v instanceof Integer) return (Integer) v;
        if (v instanceof BigInteger) return ((BigInteger) v).doubleValue();
        if (v instanceof Boolean) return (Boolean) v ? 1 : 0;
        if (v instanceof BigDecimal) return ((BigDecimal) v).doubleValue();
        throw wrongType(v, "a number", what);
    }

    public static String toStr(Object v, String what) {
        if (v instanceof String) return (String) v;
        throw wrongType(v, "a str", what);
    }

    public static boolean toBool(Object v, String what) {
        if (v instanceof Boolean) return (Boolean) v;
        throw wrongType(v, "a bool", what);
    }

    /** Python's truth value of a plain value. */
    public static boolean truthy(Object v) {
        if (v == null || v == NONE) return false;
        if (v instanceof Boolean) return (Boolean) v;
        if (v instanceof Long) return (Long) v != 0;
        if (v instanceof Integer) return (Integer) v != 0;
        if (v instanceof Double) return (Double) v != 0;
        if (v instanceof String) return !((String) v).isEmpty();
        if (v instanceof Collection) return !((Collection<?>) v).isEmpty();
        if (v instanceof Map) return !((Map<?, ?>) v).isEmpty();
        return true;
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> toList(Object v, String what) {
        if (v instanceof List) return (List<T>) v;
        if (v instanceof Collection) return new ArrayList<>((Collection<T>) v);
        throw wrongType(v, "a list", what);
    }

    @SuppressWarnings("unchecked")
    public static <K, V> Map<K, V> toMap(Object v, String what) {
        if (v instanceof Map) return (Map<K, V>) v;
        throw wrongType(v, "a dict", what);
    }
}
