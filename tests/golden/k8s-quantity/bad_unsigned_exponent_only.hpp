// BUG: only accepts unsigned exponents, so '1e-3' and '1e+3' are rejected
#pragma once

#include <cctype>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace quantity_detail {

inline bool digit(char c) { return c >= '0' && c <= '9'; }

// digits * factor, both as decimal digit strings (factor small).
inline std::string times(const std::string& digits, unsigned factor) {
    std::string out(digits.size(), '0');
    unsigned long long carry = 0;
    for (std::size_t i = digits.size(); i-- > 0;) {
        const unsigned long long v = static_cast<unsigned long long>(digits[i] - '0') * factor + carry;
        out[i] = static_cast<char>('0' + v % 10);
        carry = v / 10;
    }
    while (carry) {
        out.insert(out.begin(), static_cast<char>('0' + carry % 10));
        carry /= 10;
    }
    return out;
}

}  // namespace quantity_detail

// The exact value of `text` as a decimal literal, such as "1E-1" for "100m" or "1073741824E0" for "1Gi".
inline std::string parse_quantity(std::string_view text) {
    using quantity_detail::digit;
    auto invalid = [&]() { return std::invalid_argument("invalid quantity: \"" + std::string(text) + "\""); };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::string digits;
    long long exponent = 0;
    std::size_t whole = 0, fraction = 0;
    while (i < text.size() && digit(text[i])) digits += text[i++], ++whole;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && digit(text[i])) digits += text[i++], ++fraction;
    }
    if (whole + fraction == 0) throw invalid();
    exponent -= static_cast<long long>(fraction);
    const std::string_view suffix = text.substr(i);
    static const std::string_view binary[] = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    bool known = suffix.empty();
    for (int k = 0; k < 6 && !known; ++k) {
        if (suffix == binary[k]) {
            for (int step = 0; step <= k; ++step) digits = quantity_detail::times(digits, 1024);
            known = true;
        }
    }
    if (!known && suffix.size() == 1) {
        const std::string_view letters = "numkMGTPE";
        const int powers[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
        const std::size_t at = letters.find(suffix[0]);
        if (at != std::string_view::npos) {
            exponent += powers[at];
            known = true;
        }
    }
    if (!known && (suffix[0] == 'e' || suffix[0] == 'E')) {
        std::size_t j = 1;
        bool minus = false;
        if (j == suffix.size() || suffix.size() - j > 9) throw invalid();
        long long e = 0;
        for (; j < suffix.size(); ++j) {
            if (!digit(suffix[j])) throw invalid();
            e = e * 10 + (suffix[j] - '0');
        }
        exponent += minus ? -e : e;
        known = true;
    }
    if (!known) throw invalid();
    return (negative ? "-" : "") + digits + "E" + std::to_string(exponent);
}
