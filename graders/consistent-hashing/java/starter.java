// consistent-hashing: implement HashRing, consistent hashing with virtual nodes.
// (drillkit solve puts the question's prompt above this comment.)
//
// Keep the classes of this file package-private (no `public` top-level class) and declare no package.
import java.util.Collection;
import java.util.Set;

final class HashRing {
    /** replicas < 1 throws IllegalArgumentException. */
    HashRing(Collection<String> nodes, int replicas) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** A node already present throws IllegalArgumentException. */
    void addNode(String node) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** An absent node throws NoSuchElementException. */
    void removeNode(String node) {
        throw new UnsupportedOperationException("not implemented");
    }

    /** The node owning key; an empty ring throws NoSuchElementException. */
    String nodeFor(String key) {
        throw new UnsupportedOperationException("not implemented");
    }

    Set<String> nodes() {
        throw new UnsupportedOperationException("not implemented");
    }
}
