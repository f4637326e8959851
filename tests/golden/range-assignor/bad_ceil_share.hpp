// BUG: gives every consumer ceil(partitions / n) partitions in turn, so the last consumers get fewer (or none)
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
    std::sort(members.begin(), members.end());
    if (std::adjacent_find(members.begin(), members.end()) != members.end())
        throw std::invalid_argument("duplicate consumer ids");
    std::map<std::string, std::vector<int>> assignment;
    if (members.empty()) return assignment;
    const int n = static_cast<int>(members.size());
    const int per_consumer = partitions / n, extra = partitions % n;
    int next = 0;
    for (int i = 0; i < n; ++i) {
        const int count = std::min((partitions + n - 1) / n, partitions - next);
        (void)per_consumer;
        (void)extra;
        auto& mine = assignment[members[i]];
        for (int p = next; p < next + count; ++p) mine.push_back(p);
        next += count;
    }
    return assignment;
}
