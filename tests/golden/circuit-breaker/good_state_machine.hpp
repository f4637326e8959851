// An explicit state machine: the stored state is Closed or Open, and an open circuit whose recovery timeout has
// passed reads as HalfOpen. Failures are counted only while closed.
#pragma once

#include <chrono>
#include <functional>
#include <stdexcept>
#include <type_traits>

class CircuitOpenError : public std::runtime_error {
public:
    CircuitOpenError() : std::runtime_error("the circuit is open; the call was not made") {}
};

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    using Clock = std::function<double()>;

    CircuitBreaker(int failure_threshold, double recovery_timeout, Clock clock = nullptr)
        : threshold_(failure_threshold), timeout_(recovery_timeout), clock_(std::move(clock)) {
        if (!clock_) clock_ = [] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
    }

    State state() const {
        if (stored_ == State::Closed) return State::Closed;
        return (clock_() - opened_at_ >= timeout_) ? State::HalfOpen : State::Open;
    }

    template <class F>
    auto call(F&& fn) -> decltype(fn()) {
        const State current = state();
        if (current == State::Open) throw CircuitOpenError();
        bool ok = false;
        struct Outcome {
            CircuitBreaker& breaker;
            State current;
            bool& ok;
            ~Outcome() { ok ? breaker.on_success() : breaker.on_failure(current); }
        } outcome{*this, current, ok};
        if constexpr (std::is_void_v<decltype(fn())>) {
            fn();
            ok = true;
        } else {
            decltype(auto) result = fn();
            ok = true;
            return result;
        }
    }

private:
    void on_success() {
        stored_ = State::Closed;
        consecutive_ = 0;
    }
    void on_failure(State current) {
        if (current == State::HalfOpen) {
            trip();
        } else if (++consecutive_ >= threshold_) {
            trip();
        }
    }
    void trip() {
        stored_ = State::Open;
        opened_at_ = clock_();
        consecutive_ = 0;
    }

    int threshold_;
    double timeout_;
    Clock clock_;
    State stored_ = State::Closed;
    double opened_at_ = 0;
    int consecutive_ = 0;
};
