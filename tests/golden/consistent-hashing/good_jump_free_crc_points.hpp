// CRC-32 (computed bit by bit, table-free) of each virtual node name gives 32-bit points, widened with a second
// CRC of the reversed name so that points rarely collide; an unordered_map remembers each node's points so that
// removal needs no rehashing.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class HashRing {
public:
    explicit HashRing(const std::vector<std::string>& nodes = std::vector<std::string>(), int replicas = 100)
        : replicas_(replicas) {
        if (replicas < 1) throw std::invalid_argument("replicas must be >= 1");
        for (const std::string& node : nodes) add_node(node);
    }

    void add_node(const std::string& node) {
        if (owned_.count(node)) throw std::invalid_argument("already present");
        auto& mine = owned_[node];
        for (int i = 0; i < replicas_; ++i) {
            const std::uint64_t p = position("vnode/" + std::to_string(i) + "/" + node);
            mine.push_back(p);
            points_.emplace(p, node);
        }
    }

    void remove_node(const std::string& node) {
        auto it = owned_.find(node);
        if (it == owned_.end()) throw std::out_of_range("absent");
        for (std::uint64_t p : it->second) {
            for (auto [a, b] = points_.equal_range(p); a != b; ++a) {
                if (a->second == node) {
                    points_.erase(a);
                    break;
                }
            }
        }
        owned_.erase(it);
    }

    std::string node_for(std::string_view key) const {
        if (points_.empty()) throw std::out_of_range("no nodes");
        auto it = points_.lower_bound(position(key));
        return (it != points_.end() ? it : points_.begin())->second;
    }

    std::set<std::string> nodes() const {
        std::set<std::string> out;
        for (const auto& entry : owned_) out.insert(entry.first);
        return out;
    }

private:
    static std::uint32_t crc32(std::string_view s, bool reversed) {
        std::uint32_t crc = 0xFFFFFFFFu;
        for (std::size_t k = 0; k < s.size(); ++k) {
            crc ^= static_cast<unsigned char>(reversed ? s[s.size() - 1 - k] : s[k]);
            for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
        return ~crc;
    }
    static std::uint64_t position(std::string_view s) {
        return (static_cast<std::uint64_t>(crc32(s, false)) << 32) | crc32(s, true);
    }

    int replicas_;
    std::unordered_map<std::string, std::vector<std::uint64_t>> owned_;
    std::multimap<std::uint64_t, std::string> points_;
};
