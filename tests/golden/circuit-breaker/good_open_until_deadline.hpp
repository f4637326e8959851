// Keeps the deadline at which the circuit may be tried again instead of the time it opened; a negative count of
// remaining failures would be the other half of the same idea, but a plain counter reads better.
#pragma once

#include <chrono>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>

struct CircuitOpenError : std::runtime_error {
    explicit CircuitOpenError(const std::string& what) : std::runtime_error(what) {}
};

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::function<double()>;

    CircuitBreaker(int failure_threshold, double recovery_timeout,
                   Clock clock = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); })
        : threshold_(failure_threshold), timeout_(recovery_timeout), clock_(std::move(clock)) {}

    State state() const {
        if (!open_) return State::Closed;
        return clock_() >= retry_at_ ? State::HalfOpen : State::Open;
    }

    template <class F>
    auto call(F&& fn) -> decltype(fn()) {
        const State s = state();
        if (s == State::Open) throw CircuitOpenError("open until " + std::to_string(retry_at_));
        try {
            auto done = [this] {
                open_ = false;
                failures_ = 0;
            };
            if constexpr (std::is_same_v<decltype(fn()), void>) {
                fn();
                done();
            } else {
                auto value = fn();
                done();
                return value;
            }
        } catch (...) {
            failures_ += 1;
            if (s == State::HalfOpen || failures_ >= threshold_) {
                open_ = true;
                retry_at_ = clock_() + timeout_;
                failures_ = 0;
            }
            throw;
        }
    }

private:
    int threshold_;
    double timeout_;
    Clock clock_;
    bool open_ = false;
    double retry_at_ = 0;
    int failures_ = 0;
};
