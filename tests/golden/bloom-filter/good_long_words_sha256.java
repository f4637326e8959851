// A long[] bit array with double hashing of SHA-256 (two 64-bit halves), sized by the textbook formulas.
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

final class BloomFilter {
    private final int m;
    private final int k;
    private final long[] words;

    BloomFilter(int capacity, double errorRate) {
        if (capacity < 1) throw new IllegalArgumentException("bad capacity");
        if (!(errorRate > 0 && errorRate < 1)) throw new IllegalArgumentException("bad error rate");
        m = (int) Math.max(1, Math.ceil(-capacity * Math.log(errorRate) / (Math.log(2) * Math.log(2))));
        k = (int) Math.max(1, Math.round((double) m / capacity * Math.log(2)));
        words = new long[(m + 63) / 64];
    }

    int numBits() {
        return m;
    }

    int numHashes() {
        return k;
    }

    private int[] positions(String item) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(item.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long h1 = 0;
        long h2 = 0;
        for (int i = 0; i < 8; i++) {
            h1 = h1 << 8 | (d[i] & 0xff);
            h2 = h2 << 8 | (d[8 + i] & 0xff);
        }
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = (int) Long.remainderUnsigned(h1 + i * (h2 | 1), m);
        return out;
    }

    void add(String item) {
        for (int p : positions(item)) words[p >>> 6] |= 1L << p;
    }

    boolean mightContain(String item) {
        for (int p : positions(item)) if ((words[p >>> 6] & (1L << p)) == 0) return false;
        return true;
    }
}
