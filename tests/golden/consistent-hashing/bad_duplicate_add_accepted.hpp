// BUG: add_node does not check for a node already present, so a duplicate add silently doubles its virtual nodes
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

class HashRing {
public:
    explicit HashRing(const std::vector<std::string>& nodes = {}, int replicas = 100) : replicas_(replicas) {
        if (replicas < 1) throw std::invalid_argument("replicas must be at least 1");
        for (const auto& node : nodes) add_node(node);
    }

    void add_node(const std::string& node) {
        nodes_.insert(node);
        for (int i = 0; i < replicas_; ++i) points_.emplace(point(node + "#" + std::to_string(i)), node);
    }

    void remove_node(const std::string& node) {
        if (nodes_.erase(node) == 0) throw std::out_of_range("no such node: " + node);
        for (int i = 0; i < replicas_; ++i) {
            auto range = points_.equal_range(point(node + "#" + std::to_string(i)));
            for (auto it = range.first; it != range.second; ++it) {
                if (it->second == node) {
                    points_.erase(it);
                    break;
                }
            }
        }
    }

    // The owner of `key`: the first virtual node clockwise from the key's position.
    const std::string& node_for(std::string_view key) const {
        if (points_.empty()) throw std::out_of_range("the ring has no nodes");
        auto it = points_.lower_bound(point(key));
        if (it == points_.end()) it = points_.begin();
        return it->second;
    }

    std::set<std::string> nodes() const { return nodes_; }

private:
    // The same in every process: no seed, no address, no std::hash (whose values the standard leaves open).
    static std::uint64_t point(std::string_view text) {
        std::uint64_t h = 1469598103934665603ULL;
        for (unsigned char c : text) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h += 0x9e3779b97f4a7c15ULL;
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
        return h ^ (h >> 31);
    }

    int replicas_;
    std::set<std::string> nodes_;
    std::multimap<std::uint64_t, std::string> points_;
};
