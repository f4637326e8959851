// Streams over a sorted union of nodes; zero entries are dropped from every result.
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class VectorClocks {
    enum Order { EQUAL, BEFORE, AFTER, CONCURRENT }

    private static TreeSet<String> nodes(Map<String, Long> a, Map<String, Long> b) {
        return Stream.concat(a.keySet().stream(), b.keySet().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, Long> increment(Map<String, Long> clock, String node) {
        TreeMap<String, Long> out = clock.entrySet().stream().filter(e -> e.getValue() != 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
        out.merge(node, 1L, Long::sum);
        return out;
    }

    static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (String n : nodes(a, b)) {
            long max = Math.max(a.getOrDefault(n, 0L), b.getOrDefault(n, 0L));
            if (max != 0) out.put(n, max);
        }
        return out;
    }

    static Order compare(Map<String, Long> a, Map<String, Long> b) {
        TreeSet<String> all = nodes(a, b);
        boolean le = all.stream().allMatch(n -> a.getOrDefault(n, 0L) <= b.getOrDefault(n, 0L));
        boolean ge = all.stream().allMatch(n -> a.getOrDefault(n, 0L) >= b.getOrDefault(n, 0L));
        if (le && ge) return Order.EQUAL;
        if (le) return Order.BEFORE;
        if (ge) return Order.AFTER;
        return Order.CONCURRENT;
    }
}
