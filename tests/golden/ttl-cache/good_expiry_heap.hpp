// Expiry times in a min-heap beside the map: size() and every access first drop what has expired, so the map
// holds only live keys. A heap entry whose key was re-set or erased since is recognised by its stamp and skipped.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <stdexcept>
#include <unordered_map>
#include <vector>

template <class K, class V>
class TTLCache {
public:
    using Clock = std::function<double()>;

    explicit TTLCache(double default_ttl, Clock clock = [] {
        using namespace std::chrono;
        return duration<double>(steady_clock::now().time_since_epoch()).count();
    })
        : default_ttl_(default_ttl), clock_(std::move(clock)) {
        if (default_ttl <= 0) throw std::invalid_argument("default_ttl must be positive");
    }

    void set(const K& key, V value, std::optional<double> ttl = std::nullopt) {
        if (ttl.has_value() && *ttl <= 0) throw std::invalid_argument("ttl must be positive");
        const double expiry = clock_() + (ttl ? *ttl : default_ttl_);
        const std::uint64_t stamp = ++stamps_;
        live_[key] = Entry{std::move(value), expiry, stamp};
        heap_.push(Due{expiry, stamp, key});
    }

    std::optional<V> get(const K& key) {
        purge();
        auto it = live_.find(key);
        if (it == live_.end()) return std::nullopt;
        return it->second.value;
    }

    bool erase(const K& key) {
        purge();
        return live_.erase(key) > 0;
    }

    std::size_t size() const {
        purge();
        return live_.size();
    }

private:
    struct Entry {
        V value;
        double expiry;
        std::uint64_t stamp;
    };
    struct Due {
        double expiry;
        std::uint64_t stamp;
        K key;
        bool operator>(const Due& other) const { return expiry > other.expiry; }
    };

    void purge() const {
        const double now = clock_();
        while (!heap_.empty() && heap_.top().expiry <= now) {
            const Due& due = heap_.top();
            auto it = live_.find(due.key);
            if (it != live_.end() && it->second.stamp == due.stamp) live_.erase(it);
            heap_.pop();
        }
    }

    double default_ttl_;
    Clock clock_;
    std::uint64_t stamps_ = 0;
    mutable std::unordered_map<K, Entry> live_;
    mutable std::priority_queue<Due, std::vector<Due>, std::greater<Due>> heap_;
};
