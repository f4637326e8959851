// BUG: sorts consumer names case-insensitively instead of by plain string comparison
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

inline std::map<std::string, std::vector<int>> range_assign(int partitions, const std::vector<std::string>& consumers) {
    if (partitions < 0) throw std::invalid_argument("partitions must be >= 0");
    std::vector<std::string> members = consumers;
    std::sort(members.begin(), members.end(), [](const std::string& x, const std::string& y) {
        return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), [](char c, char d) {
            return std::tolower(static_cast<unsigned char>(c)) < std::tolower(static_cast<unsigned char>(d));
        });
    });
    if (std::adjacent_find(members.begin(), members.end()) != members.end())
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
