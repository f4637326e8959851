// label-selector: implement Kubernetes label selectors: parse a selector, then match it against labels.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
import java.util.Map;

final class LabelSelector {
    /** The parsed selector; a malformed one throws IllegalArgumentException. */
    static LabelSelector parse(String selector) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** Whether every requirement of the selector holds for labels. */
    boolean matches(Map<String, String> labels) {
        throw new UnsupportedOperationException("not implemented");
    }
}
