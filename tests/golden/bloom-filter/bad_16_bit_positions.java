// BUG: each position keeps only the low 16 bits of its hash, so a filter of more than 65,536 bits never sets the rest
// k independently seeded 64-bit hashes (FNV-1a over the UTF-16 chars, then a murmur3 finalizer) into a BitSet.
import java.util.BitSet;

final class BloomFilter {
    private final int numBits;
    private final int numHashes;
    private final BitSet bits;

    BloomFilter(int capacity, double errorRate) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive");
        if (errorRate <= 0 || errorRate >= 1 || Double.isNaN(errorRate)) {
            throw new IllegalArgumentException("errorRate must be strictly between 0 and 1");
        }
        double bitsPerItem = -Math.log(errorRate) / (Math.log(2) * Math.log(2));
        numBits = Math.max(1, (int) Math.ceil(capacity * bitsPerItem));
        numHashes = Math.max(1, (int) Math.round(bitsPerItem * Math.log(2)));
        bits = new BitSet(numBits);
    }

    int numBits() {
        return numBits;
    }

    int numHashes() {
        return numHashes;
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private int index(String item, int seed) {
        long h = 0xcbf29ce484222325L ^ mix(seed + 1L);
        for (int i = 0; i < item.length(); i++) {
            h ^= item.charAt(i);
            h *= 0x100000001b3L;
        }
        return (int) Long.remainderUnsigned(mix(h) & 0xffffL, numBits);
    }

    void add(String item) {
        for (int seed = 0; seed < numHashes; seed++) bits.set(index(item, seed));
    }

    boolean mightContain(String item) {
        for (int seed = 0; seed < numHashes; seed++) if (!bits.get(index(item, seed))) return false;
        return true;
    }
}
