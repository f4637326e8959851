// BUG: compare only looks at the nodes of the first clock.
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
        boolean less = false;
        boolean more = false;
        for (String n : a.keySet()) {
            long x = a.get(n);
            long y = b.getOrDefault(n, 0L);
            less |= x < y;
            more |= x > y;
        }
        if (less && more) return Order.CONCURRENT;
        return less ? Order.BEFORE : more ? Order.AFTER : Order.EQUAL;
    }
}
