// Walks both ordered maps side by side like a merge of sorted lists, so each function is one linear pass.
#pragma once

#include <cstdint>
#include <map>
#include <string>

using VectorClock = std::map<std::string, std::int64_t>;
enum class Order { Equal, Before, After, Concurrent };

inline VectorClock increment(const VectorClock& clock, const std::string& node) {
    VectorClock out(clock);
    out[node] += 1;
    return out;
}

inline VectorClock merge(const VectorClock& a, const VectorClock& b) {
    VectorClock out;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() || j != b.end()) {
        if (j == b.end() || (i != a.end() && i->first < j->first)) {
            out.emplace_hint(out.end(), *i++);
        } else if (i == a.end() || j->first < i->first) {
            out.emplace_hint(out.end(), *j++);
        } else {
            out.emplace_hint(out.end(), i->first, i->second > j->second ? i->second : j->second);
            ++i, ++j;
        }
    }
    return out;
}

inline Order compare(const VectorClock& a, const VectorClock& b) {
    bool less = false, greater = false;
    auto i = a.begin(), j = b.begin();
    while (i != a.end() || j != b.end()) {
        std::int64_t x = 0, y = 0;
        if (j == b.end() || (i != a.end() && i->first < j->first)) {
            x = (i++)->second;
        } else if (i == a.end() || j->first < i->first) {
            y = (j++)->second;
        } else {
            x = (i++)->second;
            y = (j++)->second;
        }
        less = less || x < y;
        greater = greater || x > y;
    }
    if (less && greater) return Order::Concurrent;
    if (less) return Order::Before;
    if (greater) return Order::After;
    return Order::Equal;
}
