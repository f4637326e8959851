// offset-tracker: the Python contract's OffsetTracker (done, committable) on top of the C++ API in API.md.
#include "solution.hpp"

DRILLKIT_MODULE(m) {
    m.cls<OffsetTracker>("OffsetTracker")
        .init({"start"}, [](std::optional<std::int64_t> start) { return start ? OffsetTracker(*start) : OffsetTracker(); })
        .method("done", {"offset"}, [](OffsetTracker& tracker, std::int64_t offset) { tracker.done(offset); })
        .property("committable", [](OffsetTracker& tracker) { return static_cast<std::int64_t>(tracker.committable()); });
}
