// A TreeMap of SHA-1 points; a key belongs to the first point at or after its own, wrapping around.
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
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = h << 8 | (d[i] & 0xff);
            return h;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
