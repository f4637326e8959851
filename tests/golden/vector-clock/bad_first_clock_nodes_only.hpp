// BUG: compare looks only at the nodes of the first clock, missing entries present only in the second
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
    auto at = [](const VectorClock& clock, const std::string& node) {
        auto it = clock.find(node);
        return it == clock.end() ? std::int64_t{0} : it->second;
    };
    bool a_le_b = true, b_le_a = true;
    for (const auto* clock : {&a}) {
        for (const auto& [node, count] : *clock) {
            (void)count;
            const std::int64_t x = at(a, node), y = at(b, node);
            a_le_b = a_le_b && x <= y;
            b_le_a = b_le_a && y <= x;
        }
    }
    if (a_le_b && b_le_a) return Order::Equal;
    if (a_le_b) return Order::Before;
    if (b_le_a) return Order::After;
    return Order::Concurrent;
}
