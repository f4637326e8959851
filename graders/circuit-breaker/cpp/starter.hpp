// circuit-breaker: implement CircuitBreaker (closed, open and half-open states) and CircuitOpenError.
//
// Times come from the injected clock (seconds, as a double). See the question for the full contract. Write
// everything in this header, in the global namespace.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>

// Thrown instead of calling the protected function while the circuit is open.
class CircuitOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::function<double()>;  // seconds

    // Without a clock, use a monotonic clock in seconds.
    CircuitBreaker(int failure_threshold, double recovery_timeout, Clock clock = {}) {
        (void)failure_threshold;
        (void)recovery_timeout;
        (void)clock;
    }

    State state() const { throw std::logic_error("not implemented"); }

    // Calls fn() and returns its result unless the circuit is open (then throws CircuitOpenError without
    // calling it). An exception from fn counts as a failure and is rethrown unchanged (`throw;`).
    template <class F>
    auto call(F&& fn) -> decltype(fn()) {
        (void)fn;
        throw std::logic_error("not implemented");
    }
};
