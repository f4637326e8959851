// BUG: positions come from String.hashCode, whose values for similar names cluster: the ring is unbalanced.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

final class HashRing {
    private final int replicas;
    private final Set<String> members = new HashSet<>();
    private final TreeMap<Long, String> ring = new TreeMap<>();

    HashRing(Collection<String> nodes, int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("replicas < 1");
        this.replicas = replicas;
        for (String node : nodes) addNode(node);
    }

    private static long hash(String text) {
        return text.hashCode();
    }

    void addNode(String node) {
        if (!members.add(node)) throw new IllegalArgumentException("duplicate node " + node);
        for (int i = 0; i < replicas; i++) ring.put(hash(node + "-" + i), node);
    }

    void removeNode(String node) {
        if (!members.remove(node)) throw new NoSuchElementException("no node " + node);
        ring.values().removeIf(node::equals);
    }

    String nodeFor(String key) {
        if (ring.isEmpty()) throw new NoSuchElementException("empty ring");
        Map.Entry<Long, String> e = ring.ceilingEntry(hash(key));
        return e != null ? e.getValue() : ring.firstEntry().getValue();
    }

    Set<String> nodes() {
        return new HashSet<>(members);
    }
}
