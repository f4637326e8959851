// vector-clock: the Python contract's increment, merge and compare (dict[str, int] clocks, results as strings)
// on top of the C++ API in API.md.
#include "solution.hpp"

namespace dk = drillkit;

namespace {
const char* order_name(Order order) {
    switch (order) {
        case Order::Equal: return "equal";
        case Order::Before: return "before";
        case Order::After: return "after";
        case Order::Concurrent: return "concurrent";
    }
    throw dk::ValueError("an unknown order");
}
}  // namespace

DRILLKIT_MODULE(m) {
    m.function("increment", {"clock", "node"},
               [](const VectorClock& clock, const std::string& node) { return VectorClock(increment(clock, node)); })
        .function("merge", {"a", "b"}, [](const VectorClock& a, const VectorClock& b) { return VectorClock(merge(a, b)); })
        .function("compare", {"a", "b"},
                  [](const VectorClock& a, const VectorClock& b) { return std::string(order_name(compare(a, b))); });
}
