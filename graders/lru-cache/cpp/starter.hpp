// lru-cache: implement LRUCache<K, V>, a fixed-capacity cache that evicts the least recently used key.
//
// get and put must run in O(1) on average; contains must not change recency. See the question for the full
// contract. Write everything in this header, in the global namespace; the standard library is available.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>

template <class K, class V>
class LRUCache {
public:
    // An empty cache holding at most `capacity` keys; a capacity of 0 throws std::invalid_argument.
    explicit LRUCache(std::size_t capacity) { (void)capacity; }

    // The value for `key`, which becomes the most recently used; std::nullopt when absent.
    std::optional<V> get(const K& key) {
        (void)key;
        throw std::logic_error("not implemented");
    }

    // Inserts or overwrites `key` (it becomes the most recently used); evicts the least recently used key when
    // the cache would hold more than its capacity.
    void put(K key, V value) {
        (void)key;
        (void)value;
        throw std::logic_error("not implemented");
    }

    // The number of keys held.
    std::size_t size() const { throw std::logic_error("not implemented"); }

    // Whether `key` is held; does NOT change recency.
    bool contains(const K& key) const {
        (void)key;
        throw std::logic_error("not implemented");
    }
};
