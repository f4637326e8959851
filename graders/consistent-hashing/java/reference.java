// Reference solution for consistent-hashing: a TreeMap of MD5 virtual-node points, searched clockwise.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

final class HashRing {
    private final int replicas;
    private final Set<String> nodes = new HashSet<>();
    private final TreeMap<Long, String> points = new TreeMap<>();

    HashRing(Collection<String> nodes, int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        this.replicas = replicas;
        for (String node : nodes) addNode(node);
    }

    /** A position on the ring: the first 8 bytes of MD5, the same in every process. */
    private static long point(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | (digest[i] & 0xff);
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void addNode(String node) {
        if (!nodes.add(node)) throw new IllegalArgumentException("node '" + node + "' is already on the ring");
        for (int i = 0; i < replicas; i++) points.merge(point(node + "#" + i), node, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    void removeNode(String node) {
        if (!nodes.remove(node)) throw new NoSuchElementException(node);
        points.values().removeIf(node::equals);
    }

    String nodeFor(String key) {
        if (points.isEmpty()) throw new NoSuchElementException("the ring has no nodes");
        Map.Entry<Long, String> owner = points.ceilingEntry(point(key));
        return (owner != null ? owner : points.firstEntry()).getValue();
    }

    Set<String> nodes() {
        return Set.copyOf(nodes);
    }
}
