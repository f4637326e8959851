// label-selector: the tests' matches(selector, labels) on the Java API of API.md: parse, then match.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.function("matches(selector, labels)", a -> LabelSelector.parse(a.str(0)).matches(a.map(1)));
    }
}
