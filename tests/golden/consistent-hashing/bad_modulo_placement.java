// BUG: a key goes to sorted-nodes[hash(key) % n]: adding or removing a node reshuffles most keys.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

final class HashRing {
    private final TreeSet<String> nodes = new TreeSet<>();

    HashRing(Collection<String> nodes, int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("replicas < 1");
        for (String node : nodes) addNode(node);
    }

    void addNode(String node) {
        if (!nodes.add(node)) throw new IllegalArgumentException("duplicate node " + node);
    }

    void removeNode(String node) {
        if (!nodes.remove(node)) throw new NoSuchElementException(node);
    }

    String nodeFor(String key) {
        if (nodes.isEmpty()) throw new NoSuchElementException("empty ring");
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            int h = ((d[0] & 0x7f) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
            List<String> sorted = new ArrayList<>(nodes);
            return sorted.get(h % sorted.size());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> nodes() {
        return Set.copyOf(nodes);
    }
}
