// BUG: deals partitions out round-robin (p % n), which balances counts but does not give contiguous ranges
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
    (void)per_consumer;
    (void)extra;
    for (const auto& member : members) assignment[member];
    for (int p = 0; p < partitions; ++p) assignment[members[p % n]].push_back(p);
    return assignment;
}
