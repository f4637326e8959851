// token-bucket: the Python contract's TokenBucket on top of the C++ API in API.md; the tests' clock is a callback.
#include "solution.hpp"

namespace dk = drillkit;

DRILLKIT_MODULE(m) {
    m.cls<TokenBucket>("TokenBucket")
        .init({"capacity", "refill_per_second", "clock"},
              [](double capacity, double rate, std::optional<std::function<double()>> clock) {
                  return clock ? TokenBucket(capacity, rate, std::move(*clock)) : TokenBucket(capacity, rate);
              })
        .method("try_acquire", {"tokens"}, [](TokenBucket& bucket, std::optional<double> tokens) {
            return static_cast<bool>(tokens ? bucket.try_acquire(*tokens) : bucket.try_acquire());
        });
}
