// BUG: treats an empty string value as a tombstone instead of only std::nullopt
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <queue>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

using Run = std::vector<std::pair<std::string, std::optional<std::string>>>;  // std::nullopt: a tombstone

inline std::vector<std::pair<std::string, std::string>> merge_runs(const std::vector<Run>& runs) {
    using Cursor = std::tuple<const std::string*, std::size_t, std::size_t>;  // key, run, position
    auto later = [](const Cursor& a, const Cursor& b) {
        const int c = std::get<0>(a)->compare(*std::get<0>(b));
        return c != 0 ? c > 0 : std::get<1>(a) > std::get<1>(b);
    };
    std::priority_queue<Cursor, std::vector<Cursor>, decltype(later)> heap(later);
    for (std::size_t r = 0; r < runs.size(); ++r)
        if (!runs[r].empty()) heap.emplace(&runs[r][0].first, r, 0);
    std::vector<std::pair<std::string, std::string>> out;
    const std::string* last = nullptr;
    while (!heap.empty()) {
        auto [key, r, i] = heap.top();
        heap.pop();
        if (last == nullptr || *key != *last) {  // the newest version of this key
            last = key;
            const auto& value = runs[r][i].second;
            if (value && !value->empty()) out.emplace_back(*key, *value);
        }
        if (i + 1 < runs[r].size()) heap.emplace(&runs[r][i + 1].first, r, i + 1);
    }
    return out;
}
