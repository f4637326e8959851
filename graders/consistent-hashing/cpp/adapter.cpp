// consistent-hashing: the Python contract's HashRing on top of the C++ API in API.md. Removing an absent node and
// looking up on an empty ring throw std::out_of_range, which crosses as KeyError (a LookupError).
#include "solution.hpp"

DRILLKIT_MODULE(m) {
    m.cls<HashRing>("HashRing")
        .init({"nodes", "replicas"}, [](std::optional<std::vector<std::string>> nodes, std::optional<int> replicas) {
            std::vector<std::string> initial = nodes.value_or(std::vector<std::string>{});
            return replicas ? HashRing(initial, *replicas) : HashRing(initial);
        })
        .method("add_node", {"node"}, [](HashRing& ring, const std::string& node) { ring.add_node(node); })
        .method("remove_node", {"node"}, [](HashRing& ring, const std::string& node) { ring.remove_node(node); })
        .method("node_for", {"key"}, [](HashRing& ring, const std::string& key) { return std::string(ring.node_for(key)); })
        .property("nodes", [](HashRing& ring) { return std::set<std::string>(ring.nodes()); });
}
