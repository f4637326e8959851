// Keeps the last id's timestamp and sequence packed in one 64-bit state word (the id itself, less the worker);
// the next id is that word plus one, or the new millisecond's first id.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>

class SnowflakeGenerator {
public:
    using Clock = std::function<std::int64_t()>;
    static constexpr std::int64_t kDefaultEpoch = 1288834974657;

    explicit SnowflakeGenerator(int worker_id, std::int64_t epoch_ms = kDefaultEpoch,
                                Clock clock_ms = [] {
                                    return std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::system_clock::now().time_since_epoch()).count();
                                })
        : worker_(static_cast<std::int64_t>(worker_id) << 12), epoch_(epoch_ms), clock_(std::move(clock_ms)) {
        if (worker_id < 0 || worker_id >= 1024) throw std::invalid_argument("worker_id out of range");
    }

    std::int64_t next_id() {
        std::int64_t ms = clock_() - epoch_;
        const std::int64_t last_ms = state_ >> 22;
        if (state_ >= 0 && ms < last_ms) throw std::runtime_error("clock went backwards");
        if (state_ >= 0 && ms == last_ms) {
            if ((state_ & 0xFFF) == 0xFFF) {
                do ms = clock_() - epoch_;
                while (ms <= last_ms);
                state_ = ms << 22;
            } else {
                state_ += 1;
            }
        } else {
            state_ = ms << 22;
        }
        return state_ | worker_;
    }

private:
    std::int64_t worker_;
    std::int64_t epoch_;
    Clock clock_;
    std::int64_t state_ = -1;  // (ms << 22) | sequence of the last id; negative before the first
};
