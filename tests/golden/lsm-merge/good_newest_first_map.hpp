// Visits runs newest first and keeps the first version of each key in an ordered map (later versions are older
// and lose); the map's order is the output order.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using Run = std::vector<std::pair<std::string, std::optional<std::string>>>;

inline std::vector<std::pair<std::string, std::string>> merge_runs(const std::vector<Run>& runs) {
    std::map<std::string, const std::optional<std::string>*> newest;
    for (const Run& run : runs)
        for (const auto& [key, value] : run) newest.emplace(key, &value);  // emplace keeps the first (newest)
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(newest.size());
    for (const auto& [key, value] : newest)
        if (value->has_value()) out.emplace_back(key, **value);
    return out;
}
