// ttl-cache: implement TTLCache<K, V>, a key-value cache whose entries expire a time-to-live after they are set.
//
// Times come from the injected clock (seconds, as a double); a key is expired once clock() >= its expiry. See the
// question for the full contract. Write everything in this header, in the global namespace.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>

template <class K, class V>
class TTLCache {
public:
    using Clock = std::function<double()>;  // seconds

    // default_ttl <= 0 throws std::invalid_argument. Without a clock, use a monotonic clock in seconds.
    explicit TTLCache(double default_ttl, Clock clock = {}) {
        (void)default_ttl;
        (void)clock;
    }

    // Stores value under key until clock() + (ttl or default_ttl); a ttl <= 0 throws std::invalid_argument.
    // Setting an existing key replaces both its value and its expiry.
    void set(const K& key, V value, std::optional<double> ttl = std::nullopt) {
        (void)key;
        (void)value;
        (void)ttl;
        throw std::logic_error("not implemented");
    }

    // The value of a live key, std::nullopt when absent or expired.
    std::optional<V> get(const K& key) {
        (void)key;
        throw std::logic_error("not implemented");
    }

    // Removes key; true only if it was live.
    bool erase(const K& key) {
        (void)key;
        throw std::logic_error("not implemented");
    }

    // The number of live keys at clock().
    std::size_t size() const { throw std::logic_error("not implemented"); }
};
