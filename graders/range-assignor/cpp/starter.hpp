// range-assignor: implement range_assign, Kafka's RangeAssignor for one topic.
//
// See the question for the full contract. Write everything in this header, in the global namespace.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

// Each consumer (sorted by name) gets partitions / n contiguous partitions, the first partitions % n one extra.
// A negative partition count or a duplicate consumer name throws std::invalid_argument.
inline std::map<std::string, std::vector<int>> range_assign(int partitions, const std::vector<std::string>& consumers) {
    (void)partitions;
    (void)consumers;
    throw std::logic_error("not implemented");
}
