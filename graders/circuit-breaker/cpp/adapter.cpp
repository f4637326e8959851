// circuit-breaker: the Python contract's CircuitBreaker and CircuitOpenError on top of the C++ API in API.md.
// `call(fn, *args, **kwargs)` becomes a call of the candidate's template `call` with a lambda that calls the test's
// function back; an exception the test function raises travels through the candidate's code and, rethrown
// unchanged, reaches the test as the very same object.
#include "solution.hpp"

namespace dk = drillkit;

namespace {
const char* state_name(CircuitBreaker::State state) {
    switch (state) {
        case CircuitBreaker::State::Closed: return "closed";
        case CircuitBreaker::State::Open: return "open";
        case CircuitBreaker::State::HalfOpen: return "half-open";
    }
    throw dk::ValueError("an unknown circuit state");
}
}  // namespace

DRILLKIT_MODULE(m) {
    m.exception<CircuitOpenError>("CircuitOpenError", {"Exception"});
    m.cls<CircuitBreaker>("CircuitBreaker")
        .init({"failure_threshold", "recovery_timeout", "clock"},
              [](int threshold, double timeout, std::optional<std::function<double()>> clock) {
                  return clock ? CircuitBreaker(threshold, timeout, std::move(*clock)) : CircuitBreaker(threshold, timeout);
              })
        .property("state", [](CircuitBreaker& breaker) { return std::string(state_name(breaker.state())); })
        .raw_method("call", [](CircuitBreaker& breaker, const dk::Args& args) {
            if (args.size() < 1) throw dk::TypeError("call() missing the function to call");
            const auto fn = dk::from_value<dk::Callable>(args[0]);
            std::vector<dk::Value> rest(args.positional + 1, args.positional + args.size());
            dk::Kwargs keywords = args.keywords != nullptr ? *args.keywords : dk::Kwargs{};
            return dk::Value(breaker.call([&]() -> dk::Value { return fn.call(rest, keywords); }));
        });
}
