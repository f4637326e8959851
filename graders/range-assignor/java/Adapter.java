// range-assignor: the tests' range_assign(partitions, consumers) on the Java API of API.md.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.function("range_assign(partitions, consumers)", a -> RangeAssignor.assign(a.i32(0), a.list(1)));
    }
}
