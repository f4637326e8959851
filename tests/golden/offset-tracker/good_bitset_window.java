// A BitSet window over the offsets from the committable one upwards; the window is shifted down once it is
// mostly empty at the front, so its size follows the gap.
import java.util.BitSet;

final class OffsetTracker {
    private final long start;
    private long base;          // the offset of bit 0
    private BitSet window = new BitSet();

    OffsetTracker(long start) {
        this.start = start;
        this.base = start;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset " + offset + " < start " + start);
        long relative = offset - base;
        if (relative < 0 || relative > Integer.MAX_VALUE - 1) {
            if (relative < 0) return;  // already committable
            throw new IllegalArgumentException("gap too large");
        }
        window.set((int) relative);
        int firstMissing = window.nextClearBit(0);
        if (firstMissing > 0) {
            window = window.get(firstMissing, Math.max(firstMissing, window.length()));
            base += firstMissing;
        }
    }

    long committable() {
        return base;
    }
}
