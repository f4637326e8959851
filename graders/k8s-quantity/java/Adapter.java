// k8s-quantity: the tests' parse_quantity(text) -> Decimal on the Java API of API.md (a BigDecimal crosses as a
// Python Decimal).
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.function("parse_quantity(text)", a -> Quantities.parse(a.str(0)));
    }
}
