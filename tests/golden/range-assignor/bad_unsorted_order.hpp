// BUG: assigns ranges in the order the consumers were given instead of sorting them by name
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

inline std::map<std::string, std::vector<int>> range_assign(int partitions, const std::vector<std::string>& consumers) {
    if (partitions < 0) throw std::invalid_argument("partitions must be >= 0");
    std::vector<std::string> members = consumers;
    std::vector<std::string> sorted = members;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
        throw std::invalid_argument("duplicate consumer ids");
    std::map<std::string, std::vector<int>> assignment;
    if (members.empty()) return assignment;
    const int n = static_cast<int>(members.size());
    const int per_consumer = partitions / n, extra = partitions % n;
    int next = 0;
    for (int i = 0; i < n; ++i) {
        const int count = per_consumer + (i < extra ? 1 : 0);
        auto& mine = assignment[members[i]];
        for (int p = next; p < next + count; ++p) mine.push_back(p);
        next += count;
    }
    return assignment;
}
