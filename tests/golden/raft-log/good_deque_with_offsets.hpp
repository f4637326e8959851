// The same rules over a std::deque, written index by index with explicit bounds checks.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

template <class Command>
class RaftLog {
public:
    struct Entry {
        std::int64_t term;
        Command command;
    };

    std::vector<Entry> entries() const { return std::vector<Entry>(log_.begin(), log_.end()); }
    std::int64_t commit_index() const { return commit_index_; }

    bool append_entries(std::int64_t prev_log_index, std::int64_t prev_log_term, const std::vector<Entry>& entries,
                        std::int64_t leader_commit) {
        const auto last = static_cast<std::int64_t>(log_.size());
        if (prev_log_index > last) return false;
        if (prev_log_index > 0 && log_[static_cast<std::size_t>(prev_log_index - 1)].term != prev_log_term) return false;
        if (prev_log_index == 0 && prev_log_term != 0) return false;
        std::int64_t index = prev_log_index;
        for (const Entry& e : entries) {
            ++index;
            if (index <= static_cast<std::int64_t>(log_.size())) {
                if (log_[static_cast<std::size_t>(index - 1)].term == e.term) continue;
                log_.resize(static_cast<std::size_t>(index - 1));
            }
            log_.push_back(e);
        }
        if (leader_commit > commit_index_) {
            const std::int64_t candidate = leader_commit < index ? leader_commit : index;
            if (candidate > commit_index_) commit_index_ = candidate;
        }
        return true;
    }

private:
    std::deque<Entry> log_;
    std::int64_t commit_index_ = 0;
};
