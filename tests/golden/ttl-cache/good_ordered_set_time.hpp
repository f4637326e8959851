// Keeps each entry's set time and its own ttl (not the expiry), in an ordered map; liveness is recomputed from
// them at every read, and nothing is ever purged eagerly.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>

template <class K, class V>
class TTLCache {
public:
    using Clock = std::function<double()>;

    explicit TTLCache(double default_ttl, Clock clock = nullptr) : default_ttl_(default_ttl), clock_(std::move(clock)) {
        if (default_ttl <= 0.0) throw std::invalid_argument("default_ttl <= 0");
        if (!clock_) {
            clock_ = [] {
                return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
            };
        }
    }

    void set(const K& key, V value, std::optional<double> ttl = std::nullopt) {
        double lifetime = default_ttl_;
        if (ttl) {
            if (*ttl <= 0.0) throw std::invalid_argument("ttl <= 0");
            lifetime = *ttl;
        }
        entries_[key] = Entry{std::move(value), clock_(), lifetime};
    }

    std::optional<V> get(const K& key) {
        auto it = entries_.find(key);
        if (it == entries_.end() || !alive(it->second, clock_())) return std::nullopt;
        return it->second.value;
    }

    bool erase(const K& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return false;
        const bool was_alive = alive(it->second, clock_());
        entries_.erase(it);
        return was_alive;
    }

    std::size_t size() const {
        const double now = clock_();
        std::size_t count = 0;
        for (const auto& entry : entries_) {
            if (alive(entry.second, now)) ++count;
        }
        return count;
    }

private:
    struct Entry {
        V value;
        double set_at;
        double ttl;
    };

    static bool alive(const Entry& e, double now) { return now < e.set_at + e.ttl; }

    double default_ttl_;
    Clock clock_;
    std::map<K, Entry> entries_;
};
