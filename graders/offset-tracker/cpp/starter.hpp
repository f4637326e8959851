// offset-tracker: implement OffsetTracker, which tracks out-of-order completion of records from one partition.
//
// committable() is the lowest offset not yet done (Kafka commits "the next offset to read"). Memory stays
// bounded by the gap, not by the offsets seen. See the question for the full contract. Write everything in this
// header, in the global namespace.
#pragma once

#include <cstdint>
#include <stdexcept>

class OffsetTracker {
public:
    explicit OffsetTracker(std::int64_t start = 0) { (void)start; }

    // Marks offset as processed; repeats are ignored; offset < start throws std::invalid_argument.
    void done(std::int64_t offset) {
        (void)offset;
        throw std::logic_error("not implemented");
    }

    std::int64_t committable() const { throw std::logic_error("not implemented"); }
};
