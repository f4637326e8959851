// Plain fields and a helper that waits for a later millisecond; the layout is composed at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>

class SnowflakeGenerator {
public:
    using Clock = std::function<std::int64_t()>;
    static constexpr std::int64_t kDefaultEpoch = 1288834974657;

    explicit SnowflakeGenerator(int worker_id, std::int64_t epoch_ms = kDefaultEpoch, Clock clock_ms = nullptr)
        : worker_id_(worker_id), epoch_ms_(epoch_ms), clock_(clock_ms ? std::move(clock_ms) : Clock(system_ms)) {
        if (!(0 <= worker_id && worker_id <= 1023)) throw std::invalid_argument("worker_id");
    }

    std::int64_t next_id() {
        std::int64_t now = clock_();
        if (started_) {
            if (now < last_) throw std::runtime_error("clock moved backwards");
            if (now == last_) {
                if (++sequence_ > 4095) {
                    now = wait_after(last_);
                    sequence_ = 0;
                }
            } else {
                sequence_ = 0;
            }
        }
        started_ = true;
        last_ = now;
        return ((now - epoch_ms_) << 22) | (std::int64_t{worker_id_} << 12) | sequence_;
    }

private:
    static std::int64_t system_ms() {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    }
    std::int64_t wait_after(std::int64_t ms) {
        std::int64_t now = clock_();
        while (now <= ms) now = clock_();
        return now;
    }

    int worker_id_;
    std::int64_t epoch_ms_;
    Clock clock_;
    bool started_ = false;
    std::int64_t last_ = 0;
    std::int64_t sequence_ = 0;
};
