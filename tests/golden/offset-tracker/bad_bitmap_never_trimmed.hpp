// BUG: keeps one flag per offset since start in a growing vector<bool> and never discards the committed prefix
#pragma once

#include <cstdint>
#include <set>
#include <vector>
#include <stdexcept>

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t start = 0) : start_(start), committable_(start) {}

    void done(std::int64_t offset) {
        if (offset < start_) throw std::invalid_argument("offset below the start offset");
        if (offset < committable_) return;  // a repeat of an offset already committable
        const auto slot = static_cast<std::size_t>(offset - start_);
        if (slot >= flags_.size()) flags_.resize(slot + 1);
        flags_[slot] = true;
        while (static_cast<std::size_t>(committable_ - start_) < flags_.size() && flags_[committable_ - start_]) ++committable_;
    }

    // The lowest offset not yet done: every offset below it is done.
    std::int64_t committable() const { return committable_; }

private:
    std::int64_t start_;
    std::int64_t committable_;
    std::vector<bool> flags_;
};
