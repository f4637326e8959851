// Reference solution for range-assignor: Kafka's RangeAssignor for a single topic.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class RangeAssignor {
    private RangeAssignor() {
    }

    static Map<String, List<Integer>> assign(int partitions, List<String> consumers) {
        if (partitions < 0) throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        if (new HashSet<>(consumers).size() != consumers.size()) throw new IllegalArgumentException("duplicate consumer ids");
        List<String> members = new ArrayList<>(consumers);
        members.sort(null);
        Map<String, List<Integer>> assignment = new LinkedHashMap<>();
        if (members.isEmpty()) return assignment;
        int perConsumer = partitions / members.size();
        int extra = partitions % members.size();
        int next = 0;
        for (int i = 0; i < members.size(); i++) {
            int count = perConsumer + (i < extra ? 1 : 0);
            List<Integer> owned = new ArrayList<>(count);
            for (int k = 0; k < count; k++) owned.add(next++);
            assignment.put(members.get(i), owned);
        }
        return assignment;
    }
}
