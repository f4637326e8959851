// BUG: a key counts as expired only once clock > expiry, so it is still live exactly at its expiry.
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

final class TTLCache<K, V> {
    private static final class Entry<V> {
        final V value;
        final double expiresAt;

        Entry(V value, double expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }
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
        entries.put(key, new Entry<>(value, clock.getAsDouble() + defaultTtl));
    }

    void set(K key, V value, double ttl) {
        if (ttl <= 0) throw new IllegalArgumentException("ttl must be positive");
        entries.put(key, new Entry<>(value, clock.getAsDouble() + ttl));
    }

    private boolean expired(Entry<V> e, double now) {
        return now > e.expiresAt;
    }

    Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e == null || expired(e, clock.getAsDouble())) return Optional.empty();
        return Optional.of(e.value);
    }

    boolean delete(K key) {
        Entry<V> e = entries.remove(key);
        return e != null && !expired(e, clock.getAsDouble());
    }

    int size() {
        double now = clock.getAsDouble();
        entries.values().removeIf(e -> expired(e, now));
        return entries.size();
    }
}
