// Ordered maps instead of hashing: each key carries a use stamp, and a second map from stamp to key finds the
// least recently used one. O(log n) per operation, far inside the time limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>

template <class K, class V>
class LRUCache {
    struct Entry {
        V value;
        std::uint64_t stamp;
    };

public:
    explicit LRUCache(std::size_t capacity) : capacity_(capacity) {
        if (capacity == 0) throw std::invalid_argument("LRUCache capacity must be at least 1");
    }

    std::optional<V> get(const K& key) {
        auto it = entries_.find(key);
        if (it == entries_.end()) return {};
        restamp(it);
        return it->second.value;
    }

    void put(const K& key, const V& value) {
        auto it = entries_.find(key);
        if (it != entries_.end()) {
            it->second.value = value;
            restamp(it);
            return;
        }
        const std::uint64_t stamp = next_++;
        entries_.emplace(key, Entry{value, stamp});
        by_age_.emplace(stamp, key);
        if (entries_.size() > capacity_) {
            auto oldest = by_age_.begin();
            entries_.erase(oldest->second);
            by_age_.erase(oldest);
        }
    }

    std::size_t size() const { return entries_.size(); }
    bool contains(const K& key) const { return entries_.count(key) > 0; }

private:
    void restamp(typename std::map<K, Entry>::iterator it) {
        by_age_.erase(it->second.stamp);
        it->second.stamp = next_++;
        by_age_.emplace(it->second.stamp, it->first);
    }

    std::size_t capacity_;
    std::uint64_t next_ = 0;
    std::map<K, Entry> entries_;
    std::map<std::uint64_t, K> by_age_;
};
