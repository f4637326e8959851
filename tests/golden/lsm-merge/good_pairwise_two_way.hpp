// Folds the runs from the oldest to the newest with a two-way merge that keeps tombstones until the very end, so
// a newer tombstone still hides every older version.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

using Run = std::vector<std::pair<std::string, std::optional<std::string>>>;

inline std::vector<std::pair<std::string, std::string>> merge_runs(const std::vector<Run>& runs) {
    Run acc;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const Run& newer = *it;
        Run merged;
        merged.reserve(acc.size() + newer.size());
        std::size_t i = 0, j = 0;
        while (i < acc.size() || j < newer.size()) {
            if (j == newer.size() || (i < acc.size() && acc[i].first < newer[j].first)) {
                merged.push_back(acc[i++]);
            } else if (i == acc.size() || newer[j].first < acc[i].first) {
                merged.push_back(newer[j++]);
            } else {
                merged.push_back(newer[j++]);  // same key: the newer run wins
                ++i;
            }
        }
        acc = std::move(merged);
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& [key, value] : acc)
        if (value) out.emplace_back(std::move(key), std::move(*value));
    return out;
}
