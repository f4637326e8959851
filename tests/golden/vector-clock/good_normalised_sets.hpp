// Normalises both clocks first (drops zero entries), then decides with plain set logic on the remaining nodes.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

using VectorClock = std::map<std::string, std::int64_t>;
enum class Order { Equal, Before, After, Concurrent };

namespace detail {
inline VectorClock normalised(const VectorClock& clock) {
    VectorClock out;
    for (const auto& [node, count] : clock)
        if (count != 0) out.emplace(node, count);
    return out;
}
inline bool dominated(const VectorClock& a, const VectorClock& b) {  // a <= b everywhere
    for (const auto& [node, count] : a) {
        auto it = b.find(node);
        if (count > (it == b.end() ? 0 : it->second)) return false;
    }
    return true;
}
}  // namespace detail

inline VectorClock increment(const VectorClock& clock, const std::string& node) {
    auto out = detail::normalised(clock);
    out[node] = (clock.count(node) ? clock.at(node) : 0) + 1;
    return out;
}

inline VectorClock merge(const VectorClock& a, const VectorClock& b) {
    std::set<std::string> nodes;
    for (const auto& entry : a) nodes.insert(entry.first);
    for (const auto& entry : b) nodes.insert(entry.first);
    VectorClock out;
    for (const auto& node : nodes) {
        const std::int64_t x = a.count(node) ? a.at(node) : 0, y = b.count(node) ? b.at(node) : 0;
        if (x > 0 || y > 0) out[node] = x > y ? x : y;
    }
    return out;
}

inline Order compare(const VectorClock& a, const VectorClock& b) {
    const auto na = detail::normalised(a), nb = detail::normalised(b);
    if (na == nb) return Order::Equal;
    if (detail::dominated(na, nb)) return Order::Before;
    if (detail::dominated(nb, na)) return Order::After;
    return Order::Concurrent;
}
