// Reference solution for snowflake-id: Twitter-style ids (41-bit ms, 10-bit worker, 12-bit sequence).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

class SnowflakeGenerator {
public:
    using Clock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch
    static constexpr std::int64_t kDefaultEpoch = 1288834974657;

    explicit SnowflakeGenerator(int worker_id, std::int64_t epoch_ms = kDefaultEpoch, Clock clock_ms = unix_ms)
        : worker_id_(worker_id), epoch_ms_(epoch_ms), clock_ms_(std::move(clock_ms)) {
        if (worker_id < 0 || worker_id > kMaxWorker) throw std::invalid_argument("worker_id must be in 0..1023");
    }

    // (ms - epoch_ms) << 22 | worker_id << 12 | sequence; strictly increasing.
    std::int64_t next_id() {
        std::int64_t ms = clock_ms_();
        if (last_ms_ && ms < *last_ms_)
            throw std::runtime_error("clock moved backwards from " + std::to_string(*last_ms_) + " to " + std::to_string(ms));
        if (last_ms_ && ms == *last_ms_) {
            if (sequence_ == kMaxSequence) {
                while (ms <= *last_ms_) ms = clock_ms_();  // 4,096 ids used this millisecond: wait for the next
                sequence_ = 0;
            } else {
                ++sequence_;
            }
        } else {
            sequence_ = 0;
        }
        last_ms_ = ms;
        return (ms - epoch_ms_) << 22 | static_cast<std::int64_t>(worker_id_) << 12 | sequence_;
    }

private:
    static constexpr int kMaxWorker = 1023;
    static constexpr std::int64_t kMaxSequence = 4095;

    static std::int64_t unix_ms() {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }

    int worker_id_;
    std::int64_t epoch_ms_;
    Clock clock_ms_;
    std::optional<std::int64_t> last_ms_;
    std::int64_t sequence_ = 0;
};
