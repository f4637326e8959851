// raft-log: implement RaftLog<Command>, a Raft follower's log following the AppendEntries receiver rules of the
// Raft paper (Figure 2).
//
// The log is 1-indexed; index 0 is an implicit entry of term 0. See the question for the full contract. Write
// everything in this header, in the global namespace.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

template <class Command>
class RaftLog {
public:
    struct Entry {
        std::int64_t term;
        Command command;
    };

    // Entry i is entries()[i - 1].
    const std::vector<Entry>& entries() const { return entries_; }
    std::int64_t commit_index() const { return commit_index_; }

    bool append_entries(std::int64_t prev_log_index, std::int64_t prev_log_term, const std::vector<Entry>& entries,
                        std::int64_t leader_commit) {
        (void)prev_log_index;
        (void)prev_log_term;
        (void)entries;
        (void)leader_commit;
        throw std::logic_error("not implemented");
    }

private:
    std::vector<Entry> entries_;
    std::int64_t commit_index_ = 0;
};
