// An insertion-ordered LinkedHashMap: a hit is removed and re-inserted to become the newest; eviction takes the
// first key of the iteration order.
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

final class LRUCache<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>();

    LRUCache(int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity < 1");
        this.capacity = capacity;
    }

    Optional<V> get(K key) {
        V value = map.remove(key);
        if (value == null) return Optional.empty();
        map.put(key, value);
        return Optional.of(value);
    }

    void put(K key, V value) {
        map.remove(key);
        map.put(key, value);
        if (map.size() > capacity) {
            Iterator<K> oldest = map.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    int size() {
        return map.size();
    }

    boolean containsKey(K key) {
        return map.containsKey(key);
    }
}
