// BUG: overwriting an existing key updates its value but leaves it at its old place in the recency order
#pragma once

#include <cstddef>
#include <list>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

template <class K, class V>
class LRUCache {
public:
    explicit LRUCache(std::size_t capacity) : capacity_(capacity) {
        if (capacity == 0) throw std::invalid_argument("capacity must be at least 1");
    }

    std::optional<V> get(const K& key) {
        auto found = index_.find(key);
        if (found == index_.end()) return std::nullopt;
        order_.splice(order_.begin(), order_, found->second);  // now the most recently used
        return found->second->second;
    }

    void put(K key, V value) {
        auto found = index_.find(key);
        if (found != index_.end()) {
            found->second->second = std::move(value);
            return;
        }
        order_.emplace_front(std::move(key), std::move(value));
        index_.emplace(order_.front().first, order_.begin());
        if (order_.size() > capacity_) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
    }

    std::size_t size() const { return order_.size(); }

    bool contains(const K& key) const { return index_.count(key) != 0; }

private:
    std::size_t capacity_;
    std::list<std::pair<K, V>> order_;
    std::unordered_map<K, typename std::list<std::pair<K, V>>::iterator> index_;
};
