// A bitmap window starting at the committable offset: a deque of flags that drops its completed front, so it is
// as long as the gap and no longer.
#pragma once

#include <cstdint>
#include <deque>
#include <stdexcept>

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t start = 0) : start_(start), base_(start) {}

    void done(std::int64_t offset) {
        if (offset < start_) throw std::invalid_argument("offset is before the start");
        if (offset < base_) return;
        const auto slot = static_cast<std::size_t>(offset - base_);
        if (slot >= window_.size()) window_.resize(slot + 1, false);
        window_[slot] = true;
        while (!window_.empty() && window_.front()) {
            window_.pop_front();
            ++base_;
        }
        if (window_.empty()) window_.shrink_to_fit();
    }

    std::int64_t committable() const { return base_; }

private:
    std::int64_t start_;
    std::int64_t base_;  // the committable offset: window_[0] stands for it
    std::deque<bool> window_;
};
