// std::regex checks the whole shape first; the value is then a digit string with an exponent.
#pragma once

#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>

inline std::string parse_quantity(std::string_view text) {
    static const std::regex shape(R"(([+-]?)([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?)");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, shape)) throw std::invalid_argument("not a quantity");
    std::string digits = m[2].str() + m[3].str();
    if (digits.empty()) throw std::invalid_argument("no digits");
    long exponent = -static_cast<long>(m[3].length());
    const std::string suffix = m[4].str();
    if (suffix.size() == 2 && suffix[1] == 'i') {
        const int steps = static_cast<int>(std::string("KMGTPE").find(suffix[0])) + 1;
        for (int s = 0; s < steps; ++s) {
            int carry = 0;
            for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
                const int v = (*it - '0') * 1024 + carry;
                *it = static_cast<char>('0' + v % 10);
                carry = v / 10;
            }
            if (carry) digits = std::to_string(carry) + digits;
        }
    } else if (suffix.size() == 1) {
        static const std::string letters = "numkMGTPE";
        static const int powers[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
        exponent += powers[letters.find(suffix[0])];
    } else if (!suffix.empty()) {
        exponent += std::stol(suffix.substr(1));
    }
    return m[1].str() + digits + "e" + std::to_string(exponent);
}
