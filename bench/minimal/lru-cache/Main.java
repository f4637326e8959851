// The lru-cache grader's two timed workloads, called directly: the baseline of bench/check_languages.py.
final class Main {
    private static long seed = 7;

    private static long next(long n) { // a small LCG: the same stream in every language's baseline
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        return Long.remainderUnsigned(seed >>> 33, n);
    }

    public static void main(String[] args) {
        LRUCache<Long, Long> cache = new LRUCache<>(1_000);
        int hits = 0;
        for (int i = 0; i < 200_000; i++) {
            long key = 1_000 + next(1_000_000);
            if (next(2) == 0) key = next(500);
            if (next(2) == 0) cache.put(key, key);
            else if (cache.get(key).isPresent()) hits++;
        }
        LRUCache<Long, Long> large = new LRUCache<>(50_000);
        for (long key = 0; key < 200_000; key++) large.put(key, key);
        System.out.println(cache.size() + " " + hits + " " + large.size());
    }
}
