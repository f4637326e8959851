// Sorted parallel arrays of points and owners rebuilt on each change, binary-searched per lookup; the points come
// from 64-bit FNV-1a with a murmur-style finalizer (deterministic, well spread).
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

final class HashRing {
    private final int replicas;
    private final Set<String> nodes = new LinkedHashSet<>();
    private long[] points = new long[0];
    private String[] owners = new String[0];

    HashRing(Collection<String> nodes, int replicas) {
        if (replicas < 1) throw new IllegalArgumentException("need at least one replica");
        this.replicas = replicas;
        for (String node : nodes) addNode(node);
    }

    private static long position(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private void rebuild() {
        List<Object[]> all = new ArrayList<>();
        for (String node : nodes) {
            for (int i = 0; i < replicas; i++) all.add(new Object[] {position(node + ":" + i), node});
        }
        all.sort(Comparator.<Object[]>comparingLong(p -> (Long) p[0]).thenComparing(p -> (String) p[1]));
        points = new long[all.size()];
        owners = new String[all.size()];
        for (int i = 0; i < all.size(); i++) {
            points[i] = (Long) all.get(i)[0];
            owners[i] = (String) all.get(i)[1];
        }
    }

    void addNode(String node) {
        if (nodes.contains(node)) throw new IllegalArgumentException(node + " is already on the ring");
        nodes.add(node);
        rebuild();
    }

    void removeNode(String node) {
        if (!nodes.remove(node)) throw new NoSuchElementException(node + " is not on the ring");
        rebuild();
    }

    String nodeFor(String key) {
        if (points.length == 0) throw new NoSuchElementException("no nodes");
        int i = Arrays.binarySearch(points, position(key));
        if (i < 0) i = -i - 1;
        return owners[i == points.length ? 0 : i];
    }

    Set<String> nodes() {
        return Set.copyOf(nodes);
    }
}
