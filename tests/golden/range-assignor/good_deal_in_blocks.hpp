// Deals the partition list out in blocks: sizes first, then one pass over the partitions.
#pragma once

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

inline std::map<std::string, std::vector<int>> range_assign(int partitions, const std::vector<std::string>& consumers) {
    if (partitions < 0) throw std::invalid_argument("partitions < 0");
    std::map<std::string, std::vector<int>> out;
    for (const auto& c : consumers) {
        if (!out.emplace(c, std::vector<int>{}).second) throw std::invalid_argument("duplicate consumer " + c);
    }
    if (out.empty()) return out;
    std::vector<int> sizes(out.size(), partitions / static_cast<int>(out.size()));
    for (int i = 0; i < partitions % static_cast<int>(out.size()); ++i) ++sizes[i];
    int partition = 0;
    std::size_t k = 0;
    for (auto& [name, mine] : out) {
        for (int j = 0; j < sizes[k]; ++j) mine.push_back(partition++);
        ++k;
    }
    return out;
}
