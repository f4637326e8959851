// BUG: finds the victim with an O(n) scan for the oldest use stamp at every eviction (quadratic overall)
#pragma once

#include <cstddef>
#include <cstdint>
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
        used_[key] = ++clock_;
        return found->second->second;
    }

    void put(K key, V value) {
        auto found = index_.find(key);
        if (found != index_.end()) {
            found->second->second = std::move(value);
            used_[key] = ++clock_;
            return;
        }
        used_[key] = ++clock_;
        order_.emplace_front(std::move(key), std::move(value));
        index_.emplace(order_.front().first, order_.begin());
        if (order_.size() > capacity_) {
            auto victim = order_.begin();
            for (auto it = order_.begin(); it != order_.end(); ++it) {
                if (used_[it->first] < used_[victim->first]) victim = it;
            }
            used_.erase(victim->first);
            index_.erase(victim->first);
            order_.erase(victim);
        }
    }

    std::size_t size() const { return order_.size(); }

    bool contains(const K& key) const { return index_.count(key) != 0; }

private:
    std::size_t capacity_;
    std::uint64_t clock_ = 0;
    std::unordered_map<K, std::uint64_t> used_;
    std::list<std::pair<K, V>> order_;
    std::unordered_map<K, typename std::list<std::pair<K, V>>::iterator> index_;
};
