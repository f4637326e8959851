// Reference solution for ttl-cache: a HashMap of key -> (value, expiry), expired lazily on access.
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

final class TTLCache<K, V> {
    private record Entry<V>(V value, double expiresAt) {
    }

    private final double defaultTtl;
    private final DoubleSupplier clock;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    TTLCache(double defaultTtl, DoubleSupplier clock) {
        if (!(defaultTtl > 0)) throw new IllegalArgumentException("defaultTtl must be > 0, got " + defaultTtl);
        this.defaultTtl = defaultTtl;
        this.clock = clock;
    }

    void set(K key, V value) {
        entries.put(key, new Entry<>(value, clock.getAsDouble() + defaultTtl));
    }

    void set(K key, V value, double ttl) {
        if (!(ttl > 0)) throw new IllegalArgumentException("ttl must be > 0, got " + ttl);
        entries.put(key, new Entry<>(value, clock.getAsDouble() + ttl));
    }

    /** The entry of a live key; an expired one (clock >= expiry) is dropped on the way. */
    private Entry<V> live(K key, double now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) return null;
        if (now >= entry.expiresAt()) {
            entries.remove(key);
            return null;
        }
        return entry;
    }

    Optional<V> get(K key) {
        Entry<V> entry = live(key, clock.getAsDouble());
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    boolean delete(K key) {
        if (live(key, clock.getAsDouble()) == null) return false;
        entries.remove(key);
        return true;
    }

    int size() {
        double now = clock.getAsDouble();
        entries.values().removeIf(entry -> now >= entry.expiresAt());
        return entries.size();
    }
}
