// BUG: put evicts when the cache is full before checking whether the key is already held, so overwriting a key
// in a full cache drops another key.
import java.util.LinkedHashMap;
import java.util.Optional;

final class LRUCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

    LRUCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    Optional<V> get(K key) {
        V value = map.remove(key);
        if (value == null) return Optional.empty();
        map.put(key, value);
        return Optional.of(value);
    }

    void put(K key, V value) {
        if (map.size() >= capacity) map.remove(map.keySet().iterator().next());
        map.remove(key);
        map.put(key, value);
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
