// BUG: each entry carries a use counter and eviction scans every entry for the smallest: O(capacity) per eviction.
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class LRUCache<K, V> {
    private static final class Entry<V> {
        V value;
        long used;

        Entry(V value, long used) {
            this.value = value;
            this.used = used;
        }
    }

    private final int capacity;
    private final Map<K, Entry<V>> map = new HashMap<>();
    private long clock;

    LRUCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    Optional<V> get(K key) {
        Entry<V> entry = map.get(key);
        if (entry == null) return Optional.empty();
        entry.used = ++clock;
        return Optional.of(entry.value);
    }

    void put(K key, V value) {
        Entry<V> entry = map.get(key);
        if (entry != null) {
            entry.value = value;
            entry.used = ++clock;
            return;
        }
        map.put(key, new Entry<>(value, ++clock));
        if (map.size() > capacity) {
            K oldest = null;
            long least = Long.MAX_VALUE;
            for (Map.Entry<K, Entry<V>> e : map.entrySet()) {
                if (e.getValue().used < least) {
                    least = e.getValue().used;
                    oldest = e.getKey();
                }
            }
            map.remove(oldest);
        }
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
