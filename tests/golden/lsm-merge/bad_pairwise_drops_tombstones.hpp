// BUG: drops tombstones in every pairwise merge, so a key deleted in a newer run resurrects from an older one
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

using Run = std::vector<std::pair<std::string, std::optional<std::string>>>;

// Folds from the newest run to the oldest; the accumulated result is always the newer side.
inline std::vector<std::pair<std::string, std::string>> merge_runs(const std::vector<Run>& runs) {
    std::vector<std::pair<std::string, std::string>> acc;  // no tombstones kept between steps
    for (const Run& older : runs) {
        std::vector<std::pair<std::string, std::string>> merged;
        std::size_t i = 0, j = 0;
        while (i < acc.size() || j < older.size()) {
            if (j == older.size() || (i < acc.size() && acc[i].first < older[j].first)) {
                merged.push_back(acc[i++]);
            } else if (i < acc.size() && acc[i].first == older[j].first) {
                merged.push_back(acc[i++]);  // the newer side wins
                ++j;
            } else {
                if (older[j].second) merged.emplace_back(older[j].first, *older[j].second);
                ++j;
            }
        }
        acc = std::move(merged);
    }
    return acc;
}
