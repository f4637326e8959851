// Reference solution for lru-cache: a LinkedHashMap in access order, which evicts its eldest entry past capacity.
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class LRUCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    LRUCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.capacity = capacity;
        // accessOrder = true: get and put move the key to the most recently used end.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LRUCache.this.capacity;
            }
        };
    }

    /** The value of {@code key}, which becomes most recently used; empty when absent. */
    Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Inserts or overwrites {@code key}, which becomes most recently used; evicts the LRU key past capacity. */
    void put(K key, V value) {
        entries.put(key, value);
    }

    int size() {
        return entries.size();
    }

    /** Whether {@code key} is held; does not change recency. */
    boolean containsKey(K key) {
        return entries.containsKey(key);
    }
}
