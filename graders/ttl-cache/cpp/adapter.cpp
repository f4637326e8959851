// ttl-cache: the Python contract's TTLCache (get with a default, set with an optional ttl, delete, len) on top of
// the C++ API in API.md. Keys and values are drillkit::Value; the tests' clock is a callback.
#include "solution.hpp"

namespace dk = drillkit;
using Cache = TTLCache<dk::Value, dk::Value>;

DRILLKIT_MODULE(m) {
    m.cls<Cache>("TTLCache")
        .init({"default_ttl", "clock"}, [](double default_ttl, std::optional<std::function<double()>> clock) {
            return clock ? Cache(default_ttl, std::move(*clock)) : Cache(default_ttl);
        })
        .method("set", {"key", "value", "ttl"}, [](Cache& cache, dk::Value key, dk::Value value, std::optional<double> ttl) {
            cache.set(std::move(key), std::move(value), ttl);
        })
        .method("get", {"key", "default"}, [](Cache& cache, const dk::Value& key, const dk::Value& fallback) {
            auto hit = cache.get(key);
            return hit ? dk::Value(*hit) : fallback;
        })
        .method("delete", {"key"}, [](Cache& cache, const dk::Value& key) { return static_cast<bool>(cache.erase(key)); })
        .method("__len__", [](Cache& cache) { return cache.size(); });
}
