// A scanner by hand into a 128-bit integer mantissa and a power of ten, printed as a plain decimal ("0.001",
// "1268213655067531673.6"); 128 bits hold every tested quantity exactly.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

inline std::string parse_quantity(std::string_view s) {
    using u128 = unsigned __int128;
    const std::invalid_argument bad("malformed quantity");
    std::size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    u128 mantissa = 0;
    int scale = 0;  // value = mantissa * 10^-scale
    bool any = false, dot = false;
    for (; i < s.size(); ++i) {
        if (s[i] == '.' && !dot) {
            dot = true;
        } else if (s[i] >= '0' && s[i] <= '9') {
            mantissa = mantissa * 10 + static_cast<unsigned>(s[i] - '0');
            any = true;
            if (dot) ++scale;
        } else {
            break;
        }
    }
    if (!any) throw bad;
    std::string_view rest = s.substr(i);
    int power10 = 0;
    if (rest.size() == 2 && rest[1] == 'i') {
        const std::string_view order = "KMGTPE";
        const auto k = order.find(rest[0]);
        if (k == std::string_view::npos) throw bad;
        for (std::size_t n = 0; n <= k; ++n) mantissa *= 1024;
    } else if (rest.size() == 1 && std::string_view("numkMGTPE").find(rest[0]) != std::string_view::npos) {
        const int powers[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
        power10 = powers[std::string_view("numkMGTPE").find(rest[0])];
    } else if (!rest.empty()) {
        if (rest[0] != 'e' && rest[0] != 'E') throw bad;
        std::size_t j = 1;
        bool minus = false;
        if (j < rest.size() && (rest[j] == '+' || rest[j] == '-')) minus = rest[j++] == '-';
        if (j >= rest.size()) throw bad;
        for (; j < rest.size(); ++j) {
            if (rest[j] < '0' || rest[j] > '9') throw bad;
            power10 = power10 * 10 + (rest[j] - '0');
        }
        if (minus) power10 = -power10;
    }
    scale -= power10;
    while (scale < 0) mantissa *= 10, ++scale;
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(mantissa % 10)));
        mantissa /= 10;
    } while (mantissa != 0);
    if (static_cast<int>(digits.size()) <= scale) digits.insert(0, static_cast<std::size_t>(scale) - digits.size() + 1, '0');
    if (scale > 0) digits.insert(digits.size() - static_cast<std::size_t>(scale), ".");
    return (neg ? "-" : "") + digits;
}
