// BUG: compare orders the clocks by the sum of their entries.
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

final class VectorClocks {
    enum Order { EQUAL, BEFORE, AFTER, CONCURRENT }

    static Map<String, Long> increment(Map<String, Long> clock, String node) {
        Map<String, Long> out = new HashMap<>(clock);
        out.put(node, out.getOrDefault(node, 0L) + 1);
        return out;
    }

    static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>();
        Set<String> nodes = new HashSet<>(a.keySet());
        nodes.addAll(b.keySet());
        for (String n : nodes) out.put(n, Math.max(a.getOrDefault(n, 0L), b.getOrDefault(n, 0L)));
        return out;
    }

    static Order compare(Map<String, Long> a, Map<String, Long> b) {
        long x = a.values().stream().mapToLong(Long::longValue).sum();
        long y = b.values().stream().mapToLong(Long::longValue).sum();
        if (x == y) return a.equals(b) ? Order.EQUAL : Order.CONCURRENT;
        return x < y ? Order.BEFORE : Order.AFTER;
    }
}
