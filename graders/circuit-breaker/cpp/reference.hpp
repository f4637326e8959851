// Reference solution: a circuit breaker with closed, open and half-open states.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

// Thrown instead of calling the protected function while the circuit is open.
class CircuitOpenError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::function<double()>;  // seconds

    CircuitBreaker(int failure_threshold, double recovery_timeout, Clock clock = steady_seconds)
        : threshold_(failure_threshold), timeout_(recovery_timeout), clock_(std::move(clock)) {}

    State state() const {
        if (!opened_at_) return State::Closed;
        return clock_() - *opened_at_ >= timeout_ ? State::HalfOpen : State::Open;
    }

    // Calls fn() unless the circuit is open; fn's exception counts as a failure and is rethrown unchanged.
    template <class F>
    auto call(F&& fn) -> decltype(fn()) {
        const State now = state();
        if (now == State::Open) throw CircuitOpenError("circuit is open");
        try {
            if constexpr (std::is_void_v<decltype(fn())>) {
                fn();
                succeeded();
            } else {
                auto result = fn();
                succeeded();
                return result;
            }
        } catch (...) {
            if (now == State::HalfOpen || ++failures_ >= threshold_) open();
            throw;
        }
    }

private:
    static double steady_seconds() {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }

    void succeeded() {
        failures_ = 0;
        opened_at_.reset();
    }

    void open() {
        opened_at_ = clock_();
        failures_ = 0;
    }

    int threshold_;
    double timeout_;
    Clock clock_;
    int failures_ = 0;                 // consecutive failures while closed
    std::optional<double> opened_at_;  // none while closed
};
