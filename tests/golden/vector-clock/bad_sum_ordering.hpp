// BUG: compare orders clocks by the sum of their counters, like a Lamport timestamp, and never says concurrent unless sums tie
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

using VectorClock = std::map<std::string, std::int64_t>;

enum class Order { Equal, Before, After, Concurrent };

inline VectorClock increment(const VectorClock& clock, const std::string& node) {
    VectorClock next = clock;
    ++next[node];
    return next;
}

inline VectorClock merge(const VectorClock& a, const VectorClock& b) {
    VectorClock out = a;
    for (const auto& [node, count] : b) out[node] = std::max(out[node], count);
    return out;
}

inline Order compare(const VectorClock& a, const VectorClock& b) {
    std::int64_t sa = 0, sb = 0;
    for (const auto& [node, count] : a) sa += count;
    for (const auto& [node, count] : b) sb += count;
    if (sa < sb) return Order::Before;
    if (sa > sb) return Order::After;
    return a == b ? Order::Equal : Order::Concurrent;
}
