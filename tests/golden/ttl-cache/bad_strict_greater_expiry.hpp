// BUG: a key is treated as expired only when clock() > expiry, so it is still live at the exact expiry instant
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

template <class K, class V>
class TTLCache {
public:
    using Clock = std::function<double()>;  // seconds

    explicit TTLCache(double default_ttl, Clock clock = steady_seconds)
        : default_ttl_(default_ttl), clock_(std::move(clock)) {
        if (!(default_ttl > 0)) throw std::invalid_argument("default_ttl must be > 0");
    }

    void set(const K& key, V value, std::optional<double> ttl = std::nullopt) {
        if (ttl && !(*ttl > 0)) throw std::invalid_argument("ttl must be > 0");
        const double expiry = clock_() + ttl.value_or(default_ttl_);
        data_.insert_or_assign(key, Entry{std::move(value), expiry});
    }

    std::optional<V> get(const K& key) {
        auto it = live(key, clock_());
        if (it == data_.end()) return std::nullopt;
        return it->second.value;
    }

    bool erase(const K& key) {
        auto it = live(key, clock_());
        if (it == data_.end()) return false;
        data_.erase(it);
        return true;
    }

    std::size_t size() const {
        const double now = clock_();
        std::size_t live_keys = 0;
        for (const auto& [key, entry] : data_) live_keys += now <= entry.expiry;
        return live_keys;
    }

private:
    struct Entry {
        V value;
        double expiry;
    };

    static double steady_seconds() {
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    }

    typename std::unordered_map<K, Entry>::iterator live(const K& key, double now) {
        auto it = data_.find(key);
        if (it != data_.end() && now > it->second.expiry) {  // expired once clock() >= expiry
            data_.erase(it);
            return data_.end();
        }
        return it;
    }

    double default_ttl_;
    Clock clock_;
    std::unordered_map<K, Entry> data_;
};
