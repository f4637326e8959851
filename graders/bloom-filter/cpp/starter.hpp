// bloom-filter: implement BloomFilter, a set membership filter with no false negatives.
//
// Size it for `capacity` items at `error_rate`: num_bits at most 1.5 times the optimum
// -capacity * ln(error_rate) / ln(2)^2. See the question for the full contract. Write everything in this header,
// in the global namespace.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string_view>

class BloomFilter {
public:
    // capacity 0, or error_rate outside (0, 1), throws std::invalid_argument.
    BloomFilter(std::size_t capacity, double error_rate) {
        (void)capacity;
        (void)error_rate;
    }

    void add(std::string_view item) {
        (void)item;
        throw std::logic_error("not implemented");
    }

    bool contains(std::string_view item) const {
        (void)item;
        throw std::logic_error("not implemented");
    }

    std::size_t num_bits() const { throw std::logic_error("not implemented"); }
    std::size_t num_hashes() const { throw std::logic_error("not implemented"); }
};
