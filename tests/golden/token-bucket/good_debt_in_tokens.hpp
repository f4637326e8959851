// Tracks how many tokens are missing (the debt below a full bucket) and the time of the last update; the debt
// shrinks with elapsed time and never goes below zero.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>

class TokenBucket {
public:
    using Clock = std::function<double()>;

    TokenBucket(double capacity, double refill_per_second,
                Clock clock = [] {
                    using namespace std::chrono;
                    return duration_cast<duration<double>>(steady_clock::now().time_since_epoch()).count();
                })
        : capacity_(capacity), rate_(refill_per_second), clock_(clock) {
        if (!(capacity_ > 0.0)) throw std::invalid_argument("capacity");
        if (!(rate_ > 0.0)) throw std::invalid_argument("refill_per_second");
    }

    bool try_acquire(double tokens = 1) {
        if (!(tokens > 0.0)) throw std::invalid_argument("tokens");
        const double now = clock_();
        if (started_) {
            debt_ -= (now - updated_) * rate_;
            if (debt_ < 0.0) debt_ = 0.0;
        }
        started_ = true;
        updated_ = now;
        if (debt_ + tokens > capacity_) return false;
        debt_ += tokens;
        return true;
    }

private:
    double capacity_;
    double rate_;
    Clock clock_;
    double debt_ = 0.0;  // capacity minus the tokens held
    double updated_ = 0.0;
    bool started_ = false;
};
