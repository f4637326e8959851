// std::vector<bool> for the bits, std::hash-free: a 64-bit FNV-1a and a djb2-style hash combined as h1 + i*h2.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

class BloomFilter {
public:
    BloomFilter(std::size_t capacity, double error_rate) {
        if (capacity == 0) throw std::invalid_argument("capacity");
        if (error_rate <= 0.0 || error_rate >= 1.0) throw std::invalid_argument("error_rate");
        const double optimum = -double(capacity) * std::log(error_rate) / (std::log(2.0) * std::log(2.0));
        m_ = static_cast<std::size_t>(std::ceil(optimum));
        if (m_ < 1) m_ = 1;
        k_ = static_cast<std::size_t>(std::round(double(m_) / double(capacity) * std::log(2.0)));
        if (k_ < 1) k_ = 1;
        bits_.resize(m_);
    }

    void add(std::string_view item) {
        for (std::size_t i = 0; i < k_; ++i) bits_[index(item, i)] = true;
    }

    bool contains(std::string_view item) const {
        for (std::size_t i = 0; i < k_; ++i)
            if (!bits_[index(item, i)]) return false;
        return true;
    }

    std::size_t num_bits() const { return m_; }
    std::size_t num_hashes() const { return k_; }

private:
    std::size_t index(std::string_view s, std::size_t i) const {
        std::uint64_t a = 0xcbf29ce484222325ULL, b = 5381;
        for (unsigned char c : s) {
            a = (a ^ c) * 0x100000001b3ULL;
            b = b * 33 + c;
        }
        b ^= b >> 31;
        b *= 0x9e3779b97f4a7c15ULL;
        b ^= b >> 29;
        a ^= a >> 32;
        return static_cast<std::size_t>((a + i * (b | 1)) % m_);
    }

    std::size_t m_, k_;
    std::vector<bool> bits_;
};
