// token-bucket: implement TokenBucket, a rate limiter holding up to `capacity` tokens, refilled continuously at
// `refill_per_second` and full at the start.
//
// Times come from the injected clock (seconds, as a double). See the question for the full contract. Write
// everything in this header, in the global namespace.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>

class TokenBucket {
public:
    using Clock = std::function<double()>;  // seconds

    // capacity <= 0 or refill_per_second <= 0 throws std::invalid_argument. Without a clock, use a monotonic
    // clock in seconds.
    TokenBucket(double capacity, double refill_per_second, Clock clock = {}) {
        (void)capacity;
        (void)refill_per_second;
        (void)clock;
    }

    // Refills, then takes `tokens` if that many are available (true) or takes none (false). tokens <= 0 throws
    // std::invalid_argument; more than capacity is never granted.
    bool try_acquire(double tokens = 1) {
        (void)tokens;
        throw std::logic_error("not implemented");
    }
};
