// vector-clock: the tests' increment, merge and compare over dict[str, int] clocks, on the Java API of API.md.
// A clock crosses as a Map<String, Long> (the very map the candidate gets, so a change to it is reported back).
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.function("increment(clock, node)", a -> VectorClocks.increment(a.map(0), a.str(1)));
        m.function("merge(a, b)", a -> VectorClocks.merge(a.map(0), a.map(1)));
        m.function("compare(a, b)", a -> VectorClocks.compare(a.map(0), a.map(1)).name().toLowerCase());
    }
}
