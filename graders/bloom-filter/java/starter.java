// bloom-filter: implement BloomFilter, sized for a capacity and a false-positive rate.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
final class BloomFilter {
    /** capacity < 1 or errorRate outside (0, 1) throws IllegalArgumentException. */
    BloomFilter(int capacity, double errorRate) {
        throw new UnsupportedOperationException("not implemented");
    }

    void add(String item) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Never a false negative. */
    boolean mightContain(String item) {
        throw new UnsupportedOperationException("not implemented");
    }

    int numBits() {
        throw new UnsupportedOperationException("not implemented");
    }

    int numHashes() {
        throw new UnsupportedOperationException("not implemented");
    }
}
