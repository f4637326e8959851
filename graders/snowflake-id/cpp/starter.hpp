// snowflake-id: implement SnowflakeGenerator, Twitter-style ids: (ms - epoch_ms) << 22 | worker_id << 12 | sequence.
//
// The sequence restarts at 0 each new millisecond; after 4,096 ids in one millisecond, wait (reading the clock
// again) for the next one. See the question for the full contract. Write everything in this header, in the
// global namespace.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>

class SnowflakeGenerator {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch
    static constexpr std::int64_t kDefaultEpoch = 1288834974657;

    // worker_id outside 0..1023 throws std::invalid_argument. Without a clock, use the system clock in ms.
    explicit SnowflakeGenerator(int worker_id, std::int64_t epoch_ms = kDefaultEpoch, Clock clock_ms = {}) {
        (void)worker_id;
        (void)epoch_ms;
        (void)clock_ms;
    }

    // The next id; a clock going backwards throws std::runtime_error.
    std::int64_t next_id() { throw std::logic_error("not implemented"); }
};
