package drillkit;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/** A list of Python ints that crossed packed (the wire's {@code ints}): 64-bit values without a box each. */
public final class LongList extends AbstractList<Long> implements RandomAccess {
    private long[] values;
    private int size;

    public LongList(long[] values) {
        this.values = values;
        this.size = values.length;
    }

    public long getLong(int index) {
        if (index >= size) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        return values[index];
    }

    @Override
    public Long get(int index) {
        return getLong(index);
    }

    @Override
    public Long set(int index, Long value) {
        long old = getLong(index);
        values[index] = value;
        return old;
    }

    @Override
    public void add(int index, Long value) {
        if (index < 0 || index > size) throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
        if (size == values.length) values = Arrays.copyOf(values, Math.max(8, size * 2));
        System.arraycopy(values, index, values, index + 1, size - index);
        values[index] = value;
        size++;
        modCount++;
    }

    @Override
    public Long remove(int index) {
        long old = getLong(index);
        System.arraycopy(values, index + 1, values, index, size - index - 1);
        size--;
        modCount++;
        return old;
    }

    @Override
    public int size() {
        return size;
    }

    long[] array() {
        return values;
    }
}
