// Reference solution for bloom-filter: optimal sizing, a BitSet, and Kirsch-Mitzenmacher double hashing of MD5.
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;

final class BloomFilter {
    private final int numBits;
    private final int numHashes;
    private final BitSet bits;

    BloomFilter(int capacity, double errorRate) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        if (!(errorRate > 0 && errorRate < 1)) throw new IllegalArgumentException("errorRate must be in (0, 1), got " + errorRate);
        double ln2 = Math.log(2);
        this.numBits = (int) Math.max(1, Math.ceil(-capacity * Math.log(errorRate) / (ln2 * ln2)));
        this.numHashes = (int) Math.max(1, Math.round((double) numBits / capacity * ln2));
        this.bits = new BitSet(numBits);
    }

    int numBits() {
        return numBits;
    }

    int numHashes() {
        return numHashes;
    }

    private long[] hashes(String item) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(item.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(digest).order(ByteOrder.LITTLE_ENDIAN);
            return new long[] {buffer.getLong(), buffer.getLong() | 1};
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private int position(long h1, long h2, int i) {
        return (int) Long.remainderUnsigned(h1 + i * h2, numBits);
    }

    void add(String item) {
        long[] h = hashes(item);
        for (int i = 0; i < numHashes; i++) bits.set(position(h[0], h[1], i));
    }

    boolean mightContain(String item) {
        long[] h = hashes(item);
        for (int i = 0; i < numHashes; i++) if (!bits.get(position(h[0], h[1], i))) return false;
        return true;
    }
}
