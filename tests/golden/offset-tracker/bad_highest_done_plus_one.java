// BUG: committable is the highest offset done plus one, ignoring the gaps below it.
final class OffsetTracker {
    private final long start;
    private long highest;

    OffsetTracker(long start) {
        this.start = start;
        this.highest = start - 1;
    }

    void done(long offset) {
        if (offset < start) throw new IllegalArgumentException("offset below start");
        highest = Math.max(highest, offset);
    }

    long committable() {
        return highest + 1;
    }
}
