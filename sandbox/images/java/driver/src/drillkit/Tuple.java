package drillkit;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * A Python tuple: an immutable list. It equals any List with the same items (the List contract), so a Java API
 * that takes {@code List<Object>} keys or rows accepts it as is.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    Tuple(Object[] items) {
        this.items = items;
    }

    public static Tuple of(Object... items) {
        return new Tuple(items.clone());
    }

    public static Tuple copyOf(Collection<?> items) {
        return new Tuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }
}
