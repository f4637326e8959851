// GCRA: no token count at all, only the theoretical time at which the bucket would be full again. A request is
// granted when, after adding its cost in time, the bucket would not have been over-full at `now`.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>

class TokenBucket {
public:
    using Clock = std::function<double()>;

    TokenBucket(double capacity, double refill_per_second, Clock clock = {})
        : capacity_(capacity), rate_(refill_per_second), clock_(std::move(clock)) {
        if (capacity <= 0 || refill_per_second <= 0) throw std::invalid_argument("capacity and rate must be > 0");
        if (!clock_) {
            clock_ = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
        }
    }

    bool try_acquire(double tokens = 1) {
        if (tokens <= 0) throw std::invalid_argument("tokens must be > 0");
        if (tokens > capacity_) return false;
        const double now = clock_();
        // full_at: when the bucket is full again; the tokens available now are capacity - (full_at - now) * rate.
        const double base = std::max(full_at_.value_or(now), now);
        const double available = capacity_ - (base - now) * rate_;
        if (tokens > available) return false;
        full_at_ = base + tokens / rate_;
        return true;
    }

private:
    double capacity_;
    double rate_;
    Clock clock_;
    std::optional<double> full_at_;
};
