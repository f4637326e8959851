// ttl-cache: implement TTLCache, a key-value cache whose entries expire a time-to-live after they were set.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
// Times are double seconds read from the injected clock; a key is expired once clock >= its expiry.
import java.util.Optional;
import java.util.function.DoubleSupplier;

final class TTLCache<K, V> {
    /** defaultTtl <= 0 throws IllegalArgumentException; clock returns the current time in seconds. */
    TTLCache(double defaultTtl, DoubleSupplier clock) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Stores value under key until clock + defaultTtl (replacing any value and expiry). */
    void set(K key, V value) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Stores value under key until clock + ttl; ttl <= 0 throws IllegalArgumentException. */
    void set(K key, V value, double ttl) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The value of a live key, or empty. */
    Optional<V> get(K key) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Removes key; true only if it was live. */
    boolean delete(K key) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The number of live keys now. */
    int size() {
        throw new UnsupportedOperationException("not implemented");
    }
}
