// raft-log: the Python contract's RaftLog (entries as (term, command) tuples, commit_index, append_entries) on
// top of the C++ API in API.md, instantiated with drillkit::Value commands (the tests send any kind of command).
#include "solution.hpp"

namespace dk = drillkit;
using Log = RaftLog<dk::Value>;

DRILLKIT_MODULE(m) {
    m.cls<Log>("RaftLog")
        .init([] { return Log(); })
        .method("append_entries", {"prev_log_index", "prev_log_term", "entries", "leader_commit"},
                [](Log& log, std::int64_t prev_index, std::int64_t prev_term,
                   const std::vector<std::pair<std::int64_t, dk::Value>>& entries, std::int64_t leader_commit) {
                    std::vector<Log::Entry> converted;
                    converted.reserve(entries.size());
                    for (const auto& [term, command] : entries) converted.push_back(Log::Entry{term, command});
                    return static_cast<bool>(log.append_entries(prev_index, prev_term, converted, leader_commit));
                })
        .property("entries", [](Log& log) {
            dk::Value::Items out;
            for (const auto& entry : log.entries()) out.push_back(dk::Value::tuple({dk::to_value(entry.term), entry.command}));
            return dk::Value::list(std::move(out));
        })
        .property("commit_index", [](Log& log) { return static_cast<std::int64_t>(log.commit_index()); });
}
