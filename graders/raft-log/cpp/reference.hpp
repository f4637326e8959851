// Reference solution for raft-log: the AppendEntries receiver rules of the Raft paper (Figure 2).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

template <class Command>
class RaftLog {
public:
    struct Entry {
        std::int64_t term;
        Command command;
    };

    // Entry i (1-based) is entries()[i - 1]; index 0 is an implicit entry of term 0.
    const std::vector<Entry>& entries() const { return entries_; }
    std::int64_t commit_index() const { return commit_index_; }

    bool append_entries(std::int64_t prev_log_index, std::int64_t prev_log_term, const std::vector<Entry>& entries,
                        std::int64_t leader_commit) {
        // Rule 2: the log must contain an entry at prev_log_index whose term is prev_log_term.
        if (prev_log_index < 0 || prev_log_index > size() || term_at(prev_log_index) != prev_log_term) return false;
        // Rules 3 and 4: skip entries already present, truncate at the first conflict, append the rest.
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const std::int64_t index = prev_log_index + 1 + static_cast<std::int64_t>(k);
            if (index <= size()) {
                if (entries_[index - 1].term == entries[k].term) continue;
                entries_.erase(entries_.begin() + (index - 1), entries_.end());
            }
            entries_.push_back(entries[k]);
        }
        // Rule 5, never lowering the commit index: a delayed RPC can carry a high leader_commit with a short prefix.
        const std::int64_t last_new = prev_log_index + static_cast<std::int64_t>(entries.size());
        if (leader_commit > commit_index_) commit_index_ = std::max(commit_index_, std::min(leader_commit, last_new));
        return true;
    }

private:
    std::int64_t size() const { return static_cast<std::int64_t>(entries_.size()); }
    std::int64_t term_at(std::int64_t index) const { return index == 0 ? 0 : entries_[index - 1].term; }

    std::vector<Entry> entries_;
    std::int64_t commit_index_ = 0;
};
