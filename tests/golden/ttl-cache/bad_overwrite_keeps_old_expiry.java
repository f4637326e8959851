// BUG: setting an existing live key replaces its value but keeps its old expiry.
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

final class TTLCache<K, V> {
    private static final class Entry<V> {
        V value;
        double expiresAt;
    }

    private final double defaultTtl;
    private final DoubleSupplier clock;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    TTLCache(double defaultTtl, DoubleSupplier clock) {
        if (defaultTtl <= 0) throw new IllegalArgumentException("defaultTtl must be positive");
        this.defaultTtl = defaultTtl;
        this.clock = clock;
    }

    void set(K key, V value) {
        store(key, value, defaultTtl);
    }

    void set(K key, V value, double ttl) {
        if (ttl <= 0) throw new IllegalArgumentException("ttl must be positive");
        store(key, value, ttl);
    }

    private void store(K key, V value, double ttl) {
        double now = clock.getAsDouble();
        Entry<V> e = entries.get(key);
        if (e != null && now < e.expiresAt) {
            e.value = value;
            return;
        }
        e = new Entry<>();
        e.value = value;
        e.expiresAt = now + ttl;
        entries.put(key, e);
    }

    Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null || clock.getAsDouble() >= e.expiresAt) return Optional.empty();
        return Optional.of(e.value);
    }

    boolean delete(K key) {
        Entry<V> e = entries.remove(key);
        return e != null && clock.getAsDouble() < e.expiresAt;
    }

    int size() {
        double now = clock.getAsDouble();
        entries.values().removeIf(e -> now >= e.expiresAt);
        return entries.size();
    }
}
