// BUG: partitions are dealt round-robin (p goes to consumer p % n), not in contiguous ranges.
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
        for (String member : members) out.put(member, new ArrayList<>());
        for (int p = 0; p < partitions; p++) out.get(members.get(p % n)).add(p);
        return out;
    }
}
