// BUG: overwriting an existing key keeps its old position, so it is evicted as if it had not been used.
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
        map.put(key, value);  // an insertion-ordered map keeps an existing key where it was
        if (map.size() > capacity) map.remove(map.keySet().iterator().next());
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
