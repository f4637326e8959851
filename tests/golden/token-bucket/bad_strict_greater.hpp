// BUG: grants only when strictly more tokens than requested are available (> instead of >=)
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

class TokenBucket {
public:
    using Clock = std::function<double()>;  // seconds

    TokenBucket(double capacity, double refill_per_second, Clock clock = steady_seconds)
        : capacity_(capacity), rate_(refill_per_second), clock_(std::move(clock)), tokens_(capacity) {
        if (!(capacity > 0)) throw std::invalid_argument("capacity must be > 0");
        if (!(refill_per_second > 0)) throw std::invalid_argument("refill_per_second must be > 0");
    }

    bool try_acquire(double tokens = 1) {
        if (!(tokens > 0)) throw std::invalid_argument("tokens must be > 0");
        const double now = clock_();
        if (last_) tokens_ = std::min(capacity_, tokens_ + (now - *last_) * rate_);
        last_ = now;
        if (tokens < tokens_) {
            tokens_ -= tokens;
            return true;
        }
        return false;
    }

private:
    static double steady_seconds() {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }

    double capacity_;
    double rate_;
    Clock clock_;
    double tokens_;
    std::optional<double> last_;  // the time of the previous refill; none before the first call
};
