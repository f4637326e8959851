// A sorted vector of (point, node) pairs rebuilt on each change, searched with std::upper_bound; points come
// from a 64-bit murmur-style mix of the bytes, ties broken by the node name.
#pragma once

#include <algorithm>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class HashRing {
public:
    explicit HashRing(const std::vector<std::string>& nodes = {}, int replicas = 100) : replicas_(replicas) {
        if (replicas_ <= 0) throw std::invalid_argument("replicas");
        for (const auto& n : nodes) add_node(n);
    }

    void add_node(const std::string& node) {
        if (members_.count(node)) throw std::invalid_argument("duplicate node");
        members_.insert(node);
        for (int i = 0; i < replicas_; ++i) ring_.emplace_back(hash(node + ":" + std::to_string(i)), node);
        std::sort(ring_.begin(), ring_.end());
    }

    void remove_node(const std::string& node) {
        if (!members_.erase(node)) throw std::out_of_range(node);
        ring_.erase(std::remove_if(ring_.begin(), ring_.end(), [&](const auto& p) { return p.second == node; }), ring_.end());
    }

    std::string node_for(std::string_view key) const {
        if (ring_.empty()) throw std::out_of_range("empty ring");
        const std::uint64_t h = hash(key);
        auto it = std::lower_bound(ring_.begin(), ring_.end(), h, [](const auto& p, std::uint64_t v) { return p.first < v; });
        return it == ring_.end() ? ring_.front().second : it->second;
    }

    std::set<std::string> nodes() const { return members_; }

private:
    static std::uint64_t hash(std::string_view s) {
        std::uint64_t h = 0xcbf29ce484222325ULL ^ (s.size() * 0xff51afd7ed558ccdULL);
        for (unsigned char c : s) {
            h ^= c;
            h *= 0x100000001b3ULL;
            h ^= h >> 29;
        }
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        return h ^ (h >> 33);
    }

    int replicas_;
    std::set<std::string> members_;
    std::vector<std::pair<std::uint64_t, std::string>> ring_;
};
