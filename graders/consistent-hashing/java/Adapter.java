// consistent-hashing: the tests' HashRing(nodes=(), replicas=100) with add_node, remove_node, node_for and the
// `nodes` property, on the Java API of API.md.
import drillkit.*;
import java.util.List;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("HashRing(nodes=None, replicas=None)", HashRing.class,
                        a -> new HashRing(a.has(0) ? a.list(0) : List.of(), a.has(1) ? a.i32(1) : 100))
                .method("add_node(node)", (r, a) -> {
                    r.addNode(a.str(0));
                    return null;
                })
                .method("remove_node(node)", (r, a) -> {
                    r.removeNode(a.str(0));
                    return null;
                })
                .method("node_for(key)", (r, a) -> r.nodeFor(a.str(0)))
                .property("nodes", r -> r.nodes());
    }
}
