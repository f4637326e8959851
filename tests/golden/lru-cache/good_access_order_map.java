// LinkedHashMap in access order with removeEldestEntry: the JDK's own LRU building block.
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class LRUCache<K, V> {
    private final Map<K, V> map;

    LRUCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        map = new LinkedHashMap<K, V>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(map.get(key));
    }

    void put(K key, V value) {
        map.put(key, value);
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
