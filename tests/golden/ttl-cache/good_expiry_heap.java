// A HashMap of entries plus a min-heap of (expiry, entry) that purges everything expired before each operation;
// a replaced entry stays in the heap and is skipped when it surfaces (lazy invalidation).
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.DoubleSupplier;

final class TTLCache<K, V> {
    private final class Entry {
        final K key;
        final V value;
        final double expiresAt;

        Entry(K key, V value, double expiresAt) {
            this.key = key;
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    private final double defaultTtl;
    private final DoubleSupplier clock;
    private final Map<K, Entry> live = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Double.compare(a.expiresAt, b.expiresAt));

    TTLCache(double defaultTtl, DoubleSupplier clock) {
        if (!(defaultTtl > 0)) throw new IllegalArgumentException("defaultTtl must be > 0");
        this.defaultTtl = defaultTtl;
        this.clock = clock;
    }

    private void purge() {
        double now = clock.getAsDouble();
        while (!byExpiry.isEmpty() && byExpiry.peek().expiresAt <= now) {
            Entry oldest = byExpiry.poll();
            if (live.get(oldest.key) == oldest) live.remove(oldest.key);
        }
    }

    private void store(K key, V value, double ttl) {
        purge();
        Entry entry = new Entry(key, value, clock.getAsDouble() + ttl);
        live.put(key, entry);
        byExpiry.add(entry);
    }

    void set(K key, V value) {
        store(key, value, defaultTtl);
    }

    void set(K key, V value, double ttl) {
        if (!(ttl > 0)) throw new IllegalArgumentException("ttl must be > 0");
        store(key, value, ttl);
    }

    Optional<V> get(K key) {
        purge();
        Entry entry = live.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value);
    }

    boolean delete(K key) {
        purge();
        return live.remove(key) != null;
    }

    int size() {
        purge();
        return live.size();
    }
}
