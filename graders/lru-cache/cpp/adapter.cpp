// lru-cache: the Python contract's LRUCache (get with a default, put, len, in) on top of the C++ API in API.md.
// The template is instantiated with drillkit::Value, which holds any key or value the tests send.
#include "solution.hpp"

namespace dk = drillkit;
using Cache = LRUCache<dk::Value, dk::Value>;

DRILLKIT_MODULE(m) {
    m.cls<Cache>("LRUCache")
        // A negative capacity cannot reach a std::size_t parameter: it raises ValueError here, as 0 must there.
        .init({"capacity"}, [](std::int64_t capacity) { return Cache(dk::non_negative(capacity, "capacity")); })
        .method("get", {"key", "default"}, [](Cache& cache, const dk::Value& key, const dk::Value& fallback) {
            auto hit = cache.get(key);
            return hit ? dk::Value(*hit) : fallback;
        })
        .method("put", {"key", "value"}, [](Cache& cache, dk::Value key, dk::Value value) {
            cache.put(std::move(key), std::move(value));
        })
        .method("__len__", [](Cache& cache) { return cache.size(); })
        .method("__contains__", {"key"}, [](Cache& cache, const dk::Value& key) { return cache.contains(key); });
}
