// lsm-merge: the Python contract's merge_runs on top of the C++ API in API.md (tombstones: None -> std::nullopt).
#include "solution.hpp"

DRILLKIT_MODULE(m) {
    m.function("merge_runs", {"runs"}, [](const std::vector<Run>& runs) {
        return std::vector<std::pair<std::string, std::string>>(merge_runs(runs));
    });
}
