// Finds the first new entry that is not already in the log with std::mismatch on terms, then truncates there and
// appends the rest in one go.
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

    std::vector<Entry> entries() const { return log_; }
    std::int64_t commit_index() const { return commit_; }

    bool append_entries(std::int64_t prev_log_index, std::int64_t prev_log_term, const std::vector<Entry>& entries,
                        std::int64_t leader_commit) {
        if (prev_log_index > static_cast<std::int64_t>(log_.size())) return false;
        const std::int64_t prev_term = prev_log_index == 0 ? 0 : log_[prev_log_index - 1].term;
        if (prev_term != prev_log_term) return false;
        auto here = log_.begin() + prev_log_index;
        const auto overlap = std::min<std::size_t>(entries.size(), static_cast<std::size_t>(log_.end() - here));
        auto [mine, theirs] = std::mismatch(here, here + overlap, entries.begin(),
                                            [](const Entry& a, const Entry& b) { return a.term == b.term; });
        if (theirs != entries.end()) {
            log_.erase(mine, log_.end());
            log_.insert(log_.end(), theirs, entries.end());
        }
        const std::int64_t verified = prev_log_index + static_cast<std::int64_t>(entries.size());
        commit_ = std::max(commit_, std::min(leader_commit, verified));
        return true;
    }

private:
    std::vector<Entry> log_;
    std::int64_t commit_ = 0;
};
