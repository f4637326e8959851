// BUG: add() uses rounds 0..k-1 but the membership test uses 1..k, producing false negatives
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

class BloomFilter {
public:
    BloomFilter(std::size_t capacity, double error_rate) {
        if (capacity < 1) throw std::invalid_argument("capacity must be at least 1");
        if (!(error_rate > 0 && error_rate < 1)) throw std::invalid_argument("error_rate must be in (0, 1)");
        const double ln2 = std::log(2.0);
        bits_count_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(-static_cast<double>(capacity) * std::log(error_rate) / (ln2 * ln2))));
        hashes_ = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(static_cast<double>(bits_count_) / capacity * ln2)));
        bits_.assign((bits_count_ + 63) / 64, 0);
    }

    void add(std::string_view item) {
        const auto [h1, h2] = hashes(item);
        for (std::size_t i = 0; i < hashes_; ++i) {
            const std::uint64_t bit = (h1 + i * h2) % bits_count_;
            bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
    }

    bool contains(std::string_view item) const {
        const auto [h1, h2] = hashes(item);
        for (std::size_t i = 0; i < hashes_; ++i) {
            const std::uint64_t bit = (h1 + (i + 1) * h2) % bits_count_;
            if (!(bits_[bit / 64] >> (bit % 64) & 1)) return false;
        }
        return true;
    }

    std::size_t num_bits() const { return bits_count_; }
    std::size_t num_hashes() const { return hashes_; }

private:
    static std::uint64_t mix(std::uint64_t h) {
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
        return h ^ (h >> 31);
    }
    static std::pair<std::uint64_t, std::uint64_t> hashes(std::string_view item) {
        std::uint64_t h = 1469598103934665603ULL;
        for (unsigned char c : item) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        return {mix(h), mix(h ^ 0x9e3779b97f4a7c15ULL) | 1};
    }

    std::size_t bits_count_;
    std::size_t hashes_;
    std::vector<std::uint64_t> bits_;
};
