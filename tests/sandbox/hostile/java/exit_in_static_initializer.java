// Calls System.exit(0) from a static initializer, which the driver runs when it loads the classes (lru-cache).
import java.util.Optional;

final class Quit {
    static {
        System.exit(0);
    }

    static void now() {
    }
}

// A wrong lru-cache behind the trick: nothing is ever stored, so only the trick could make it pass.
final class LRUCache<K, V> {
    static {
        Quit.now();
    }

    LRUCache(int capacity) {
    }

    Optional<V> get(K key) {
        return Optional.empty();
    }

    void put(K key, V value) {
    }

    int size() {
        return 0;
    }

    boolean containsKey(K key) {
        return false;
    }
}
