// A min-heap of done offsets above the committable one; stale duplicates at the top are popped as they surface.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <stdexcept>
#include <vector>

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t start = 0) : start_(start), next_(start) {}

    void done(std::int64_t offset) {
        if (offset < start_) throw std::invalid_argument("offset < start");
        if (offset < next_) return;
        heap_.push(offset);
        while (!heap_.empty() && heap_.top() <= next_) {
            if (heap_.top() == next_) ++next_;
            heap_.pop();
        }
        if (heap_.empty()) std::vector<std::int64_t>().swap(heap_container());  // give the memory back
    }

    std::int64_t committable() const { return next_; }

private:
    struct Heap : std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<>> {
        std::vector<std::int64_t>& container() { return c; }
    };
    std::vector<std::int64_t>& heap_container() { return heap_.container(); }

    std::int64_t start_;
    std::int64_t next_;
    Heap heap_;
};
