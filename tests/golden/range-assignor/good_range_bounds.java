// Computes each consumer's [start, end) from its index with integer arithmetic, in a TreeMap keyed by name.
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

final class RangeAssignor {
    static Map<String, List<Integer>> assign(int partitions, List<String> consumers) {
        TreeSet<String> sorted = new TreeSet<>(consumers);
        if (sorted.size() != consumers.size()) throw new IllegalArgumentException("consumer ids must be unique");
        if (partitions < 0) throw new IllegalArgumentException("partitions must not be negative");
        Map<String, List<Integer>> result = new TreeMap<>();
        int n = sorted.size();
        int i = 0;
        for (String consumer : sorted) {
            int start = i * (partitions / n) + Math.min(i, partitions % n);
            int end = start + partitions / n + (i < partitions % n ? 1 : 0);
            result.put(consumer, IntStream.range(start, end).boxed().collect(Collectors.toList()));
            i++;
        }
        return result;
    }
}
