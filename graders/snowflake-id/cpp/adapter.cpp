// snowflake-id: the Python contract's SnowflakeGenerator on top of the C++ API in API.md. Python's keyword
// arguments may leave out epoch_ms and still pass clock_ms: the adapter then passes the class's own kDefaultEpoch.
#include "solution.hpp"

using Generator = SnowflakeGenerator;

DRILLKIT_MODULE(m) {
    m.cls<Generator>("SnowflakeGenerator")
        .init({"worker_id", "epoch_ms", "clock_ms"},
              [](int worker_id, std::optional<std::int64_t> epoch_ms, std::optional<std::function<std::int64_t()>> clock_ms) {
                  if (clock_ms) return Generator(worker_id, epoch_ms.value_or(Generator::kDefaultEpoch), std::move(*clock_ms));
                  if (epoch_ms) return Generator(worker_id, *epoch_ms);
                  return Generator(worker_id);
              })
        .method("next_id", [](Generator& generator) { return static_cast<std::int64_t>(generator.next_id()); });
}
