// A hand-made doubly linked list (sentinel head and tail) plus a HashMap from key to node: O(1) get and put.
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class LRUCache<K, V> {
    private static final class Node<K, V> {
        K key;
        V value;
        Node<K, V> prev;
        Node<K, V> next;

        Node(K key, V value) {
            this.key = key;
            this.value = value;
        }
    }

    private final int capacity;
    private final Map<K, Node<K, V>> index = new HashMap<>();
    private final Node<K, V> head = new Node<>(null, null);  // head.next is the least recently used
    private final Node<K, V> tail = new Node<>(null, null);  // tail.prev is the most recently used

    LRUCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        head.next = tail;
        tail.prev = head;
    }

    private void unlink(Node<K, V> node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
    }

    private void append(Node<K, V> node) {
        node.prev = tail.prev;
        node.next = tail;
        tail.prev.next = node;
        tail.prev = node;
    }

    Optional<V> get(K key) {
        Node<K, V> node = index.get(key);
        if (node == null) {
            return Optional.empty();
        }
        unlink(node);
        append(node);
        return Optional.of(node.value);
    }

    void put(K key, V value) {
        Node<K, V> node = index.get(key);
        if (node != null) {
            node.value = value;
            unlink(node);
            append(node);
            return;
        }
        node = new Node<>(key, value);
        index.put(key, node);
        append(node);
        if (index.size() > capacity) {
            Node<K, V> oldest = head.next;
            unlink(oldest);
            index.remove(oldest.key);
        }
    }

    int size() {
        return index.size();
    }

    boolean containsKey(K key) {
        return index.containsKey(key);
    }
}
