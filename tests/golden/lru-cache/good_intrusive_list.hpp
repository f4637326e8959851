// A hand-written doubly linked list threaded through the nodes of an unordered_map (node addresses are stable),
// with a sentinel: every operation is O(1) and no second container holds the keys.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

template <class K, class V>
class LRUCache {
    struct Node {
        V value;
        const K* key = nullptr;
        Node* prev = nullptr;
        Node* next = nullptr;
    };

public:
    explicit LRUCache(std::size_t capacity) : capacity_(capacity) {
        if (capacity_ < 1) throw std::invalid_argument("capacity must be positive");
        head_.prev = head_.next = &head_;
    }
    LRUCache(const LRUCache&) = delete;
    LRUCache& operator=(const LRUCache&) = delete;

    std::optional<V> get(const K& key) {
        auto it = nodes_.find(key);
        if (it == nodes_.end()) return std::nullopt;
        touch(&it->second);
        return it->second.value;
    }

    void put(K key, V value) {
        auto it = nodes_.find(key);
        if (it != nodes_.end()) {
            it->second.value = std::move(value);
            touch(&it->second);
            return;
        }
        it = nodes_.emplace(std::move(key), Node{std::move(value)}).first;
        it->second.key = &it->first;
        link_front(&it->second);
        if (nodes_.size() > capacity_) {
            Node* oldest = head_.prev;
            unlink(oldest);
            nodes_.erase(*oldest->key);
        }
    }

    std::size_t size() const { return nodes_.size(); }
    bool contains(const K& key) const { return nodes_.find(key) != nodes_.end(); }

private:
    void unlink(Node* n) {
        n->prev->next = n->next;
        n->next->prev = n->prev;
    }
    void link_front(Node* n) {
        n->next = head_.next;
        n->prev = &head_;
        head_.next->prev = n;
        head_.next = n;
    }
    void touch(Node* n) {
        unlink(n);
        link_front(n);
    }

    std::size_t capacity_;
    Node head_{V{}};
    std::unordered_map<K, Node> nodes_;
};
