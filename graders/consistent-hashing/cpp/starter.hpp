// consistent-hashing: implement HashRing, consistent hashing with `replicas` virtual nodes per node.
//
// Placement must be the same in every process (no random seeds, no addresses). See the question for the full
// contract. Write everything in this header, in the global namespace.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

class HashRing {
public:
    // replicas < 1 throws std::invalid_argument.
    explicit HashRing(const std::vector<std::string>& nodes = {}, int replicas = 100) {
        (void)nodes;
        (void)replicas;
    }

    // A node already on the ring throws std::invalid_argument.
    void add_node(const std::string& node) {
        (void)node;
        throw std::logic_error("not implemented");
    }

    // A node not on the ring throws std::out_of_range.
    void remove_node(const std::string& node) {
        (void)node;
        throw std::logic_error("not implemented");
    }

    // The node owning key; an empty ring throws std::out_of_range.
    std::string node_for(std::string_view key) const {
        (void)key;
        throw std::logic_error("not implemented");
    }

    std::set<std::string> nodes() const { throw std::logic_error("not implemented"); }
};
