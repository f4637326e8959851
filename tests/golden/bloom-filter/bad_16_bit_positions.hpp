// BUG: each position keeps only the low 16 bits of its hash, so a filter of more than 65,536 bits never sets the rest
// k independent hashes: the item hashed k times with a different seed each round (a MurmurHash64A-style loop),
// bits kept in bytes.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

class BloomFilter {
public:
    BloomFilter(std::size_t capacity, double error_rate) {
        if (capacity < 1 || !(error_rate > 0.0) || !(error_rate < 1.0)) throw std::invalid_argument("bad parameters");
        const double ln2 = 0.6931471805599453;
        nbits_ = static_cast<std::size_t>(std::ceil(-static_cast<double>(capacity) * std::log(error_rate) / (ln2 * ln2)));
        k_ = static_cast<std::size_t>(std::max(1.0, std::floor(static_cast<double>(nbits_) / static_cast<double>(capacity) * ln2 + 0.5)));
        bytes_.assign((nbits_ + 7) / 8, 0);
    }

    void add(std::string_view item) {
        for (std::size_t round = 0; round < k_; ++round) {
            const std::size_t bit = (murmur(item, round) & 0xffff) % nbits_;
            bytes_[bit >> 3] = static_cast<unsigned char>(bytes_[bit >> 3] | (1u << (bit & 7)));
        }
    }

    bool contains(std::string_view item) const {
        for (std::size_t round = 0; round < k_; ++round) {
            const std::size_t bit = (murmur(item, round) & 0xffff) % nbits_;
            if (!(bytes_[bit >> 3] & (1u << (bit & 7)))) return false;
        }
        return true;
    }

    std::size_t num_bits() const { return nbits_; }
    std::size_t num_hashes() const { return k_; }

private:
    static std::uint64_t murmur(std::string_view s, std::uint64_t seed) {
        const std::uint64_t m = 0xc6a4a7935bd1e995ULL;
        std::uint64_t h = (seed * 0x9e3779b97f4a7c15ULL) ^ (s.size() * m);
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t k;
            std::memcpy(&k, s.data() + i, 8);
            k *= m;
            k ^= k >> 47;
            k *= m;
            h ^= k;
            h *= m;
        }
        std::uint64_t tail = 0;
        for (std::size_t j = 0; i + j < s.size(); ++j) tail |= std::uint64_t(static_cast<unsigned char>(s[i + j])) << (8 * j);
        h ^= tail;
        h *= m;
        h ^= h >> 47;
        h *= m;
        h ^= h >> 47;
        return h;
    }

    std::size_t nbits_, k_;
    std::vector<unsigned char> bytes_;
};
