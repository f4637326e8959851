// Reference solution for vector-clock: pure functions over Map<String, Long>, where a missing node means 0.
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

final class VectorClocks {
    enum Order { EQUAL, BEFORE, AFTER, CONCURRENT }

    private VectorClocks() {
    }

    static Map<String, Long> increment(Map<String, Long> clock, String node) {
        Map<String, Long> result = new HashMap<>(clock);
        result.merge(node, 1L, Long::sum);
        return result;
    }

    static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new HashMap<>(a);
        b.forEach((node, count) -> result.merge(node, count, Math::max));
        return result;
    }

    static Order compare(Map<String, Long> a, Map<String, Long> b) {
        boolean aSmaller = false;
        boolean bSmaller = false;
        Set<String> nodes = new HashSet<>(a.keySet());
        nodes.addAll(b.keySet());
        for (String node : nodes) {
            long x = a.getOrDefault(node, 0L);
            long y = b.getOrDefault(node, 0L);
            if (x < y) aSmaller = true;
            else if (x > y) bSmaller = true;
        }
        if (aSmaller && bSmaller) return Order.CONCURRENT;
        if (aSmaller) return Order.BEFORE;
        if (bSmaller) return Order.AFTER;
        return Order.EQUAL;
    }
}
