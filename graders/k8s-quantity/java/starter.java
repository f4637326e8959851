// k8s-quantity: implement Quantities.parse, which reads a Kubernetes resource quantity exactly.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
import java.math.BigDecimal;

final class Quantities {
    /** The exact value of text, e.g. "100m" -> 0.1, "1Gi" -> 1073741824; malformed: IllegalArgumentException. */
    static BigDecimal parse(String text) {
        throw new UnsupportedOperationException("not implemented");
    }
}
