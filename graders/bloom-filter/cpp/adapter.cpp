// bloom-filter: the Python contract's BloomFilter (add, in, num_bits, num_hashes) on top of the C++ API in API.md.
#include "solution.hpp"

namespace dk = drillkit;

DRILLKIT_MODULE(m) {
    m.cls<BloomFilter>("BloomFilter")
        // A negative capacity cannot reach a std::size_t parameter: it raises ValueError here, as 0 must there.
        .init({"capacity", "error_rate"},
              [](std::int64_t capacity, double error_rate) { return BloomFilter(dk::non_negative(capacity, "capacity"), error_rate); })
        .method("add", {"item"}, [](BloomFilter& filter, const std::string& item) { filter.add(item); })
        .method("__contains__", {"item"}, [](BloomFilter& filter, const std::string& item) { return static_cast<bool>(filter.contains(item)); })
        .property("num_bits", [](BloomFilter& filter) { return static_cast<std::int64_t>(filter.num_bits()); })
        .property("num_hashes", [](BloomFilter& filter) { return static_cast<std::int64_t>(filter.num_hashes()); });
}
