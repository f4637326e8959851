// BUG: merge folds the second clock into the first argument in place.
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
        b.forEach((n, c) -> a.merge(n, c, Math::max));
        return a;
    }

    static Order compare(Map<String, Long> a, Map<String, Long> b) {
        boolean less = false;
        boolean more = false;
        Set<String> nodes = new HashSet<>(a.keySet());
        nodes.addAll(b.keySet());
        for (String n : nodes) {
            long x = a.getOrDefault(n, 0L);
            long y = b.getOrDefault(n, 0L);
            less |= x < y;
            more |= x > y;
        }
        if (less && more) return Order.CONCURRENT;
        return less ? Order.BEFORE : more ? Order.AFTER : Order.EQUAL;
    }
}
