// lsm-merge: implement merge_runs, a bottom-level compaction of sorted runs.
//
// Each run is sorted by key with unique keys; runs[0] is the newest. For each key the newest run's entry wins;
// a tombstone (std::nullopt) drops the key. The result is sorted by key. See the question for the full contract.
// Write everything in this header, in the global namespace.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using Run = std::vector<std::pair<std::string, std::optional<std::string>>>;  // std::nullopt: a tombstone

inline std::vector<std::pair<std::string, std::string>> merge_runs(const std::vector<Run>& runs) {
    (void)runs;
    throw std::logic_error("not implemented");
}
