// Computes each consumer's first partition directly from its position instead of keeping a running counter.
#pragma once

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

inline std::map<std::string, std::vector<int>> range_assign(int partitions, const std::vector<std::string>& consumers) {
    if (partitions < 0) throw std::invalid_argument("negative partition count");
    const std::set<std::string> members(consumers.begin(), consumers.end());
    if (members.size() != consumers.size()) throw std::invalid_argument("duplicate consumer");
    std::map<std::string, std::vector<int>> out;
    const int n = static_cast<int>(members.size());
    int i = 0;
    for (const auto& member : members) {
        const int q = partitions / n, r = partitions % n;
        const int first = i * q + std::min(i, r);
        const int count = q + (i < r);
        std::vector<int> mine(count);
        std::iota(mine.begin(), mine.end(), first);
        out.emplace(member, std::move(mine));
        ++i;
    }
    return out;
}
