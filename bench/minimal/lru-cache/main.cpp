// The lru-cache grader's two timed workloads, called directly: the baseline of bench/check_languages.py.
#include <cstdint>
#include <iostream>

#include "solution.hpp"

static std::uint64_t seed = 7;

static std::int64_t next(std::uint64_t n) {  // a small LCG: the same stream in every language's baseline
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((seed >> 33) % n);
}

int main() {
    LRUCache<std::int64_t, std::int64_t> cache(1'000);
    int hits = 0;
    for (int i = 0; i < 200'000; ++i) {
        std::int64_t key = 1'000 + next(1'000'000);
        if (next(2) == 0) key = next(500);
        if (next(2) == 0) cache.put(key, key);
        else if (cache.get(key)) ++hits;
    }
    LRUCache<std::int64_t, std::int64_t> large(50'000);
    for (std::int64_t key = 0; key < 200'000; ++key) large.put(key, key);
    std::cout << cache.size() << ' ' << hits << ' ' << large.size() << '\n';
}
