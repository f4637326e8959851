// BUG: an insertion-ordered map whose get does not refresh recency: it evicts in FIFO order, not LRU.
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

final class LRUCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

    LRUCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
    }

    Optional<V> get(K key) {
        return Optional.ofNullable(map.get(key));
    }

    void put(K key, V value) {
        map.remove(key);
        map.put(key, value);
        if (map.size() > capacity) map.remove(map.keySet().iterator().next());
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
