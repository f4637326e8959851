// Deals contiguous shares in sorted order: partitions / n each, one extra for the first partitions % n.
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

final class RangeAssignor {
    static Map<String, List<Integer>> assign(int partitions, List<String> consumers) {
        if (partitions < 0) throw new IllegalArgumentException("negative partition count");
        if (new HashSet<>(consumers).size() < consumers.size()) throw new IllegalArgumentException("duplicate consumer");
        List<String> members = new ArrayList<>(consumers);
        members.sort(null);
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        int n = members.size();
        int next = 0;
        for (int i = 0; i < n; i++) {
            int share = partitions / n + (i < partitions % n ? 1 : 0);
            List<Integer> mine = new ArrayList<>();
            while (share-- > 0) mine.add(next++);
            out.put(members.get(i), mine);
        }
        return out;
    }
}
