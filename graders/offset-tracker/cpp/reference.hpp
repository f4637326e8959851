// Reference solution for offset-tracker: the next offset to commit, and the done offsets above it in an ordered
// set, so memory is bounded by the gap and every completed prefix is released at once.
#pragma once

#include <cstdint>
#include <set>
#include <stdexcept>

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t start = 0) : start_(start), committable_(start) {}

    void done(std::int64_t offset) {
        if (offset < start_) throw std::invalid_argument("offset below the start offset");
        if (offset < committable_) return;  // a repeat of an offset already committable
        pending_.insert(offset);
        while (!pending_.empty() && *pending_.begin() == committable_) {
            pending_.erase(pending_.begin());
            ++committable_;
        }
    }

    // The lowest offset not yet done: every offset below it is done.
    std::int64_t committable() const { return committable_; }

private:
    std::int64_t start_;
    std::int64_t committable_;
    std::set<std::int64_t> pending_;  // done offsets above committable_
};
