// Splits the selector on the commas outside parentheses, then reads each requirement with a small scanner; all
// requirements are read before any is evaluated.
#pragma once

#include <cctype>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lsel {

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

inline bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/'; }

inline std::string name(std::string_view s) {
    s = trim(s);
    if (s.empty()) throw std::invalid_argument("empty name");
    for (char c : s)
        if (!name_char(c)) throw std::invalid_argument("bad name");
    return std::string(s);
}

struct Req {
    int kind;  // 0 exists, 1 absent, 2 equals, 3 differs, 4 in, 5 notin
    std::string key;
    std::vector<std::string> values;
};

inline Req parse_one(std::string_view part) {
    part = trim(part);
    if (part.empty()) throw std::invalid_argument("empty requirement");
    if (part[0] == '!' && (part.size() == 1 || part[1] != '=')) return {1, name(part.substr(1)), {}};
    const auto op = part.find_first_of("=!(");
    if (op == std::string_view::npos) {
        // a key, or "key in (...)" / "key notin (...)" without the parenthesis
        std::size_t k = 0;
        while (k < part.size() && name_char(part[k])) ++k;
        if (trim(part.substr(k)).empty()) return {0, name(part), {}};
        throw std::invalid_argument("missing operator");
    }
    if (part[op] == '(') {
        const std::string_view head = trim(part.substr(0, op));
        std::size_t k = 0;
        while (k < head.size() && name_char(head[k])) ++k;
        const std::string key = name(head.substr(0, k));
        const std::string_view word = trim(head.substr(k));
        if (word != "in" && word != "notin") throw std::invalid_argument("bad set operator");
        if (k == head.size() || !std::isspace(static_cast<unsigned char>(head[k]))) throw std::invalid_argument("bad set operator");
        if (part.back() != ')') throw std::invalid_argument("missing )");
        std::string_view inner = part.substr(op + 1, part.size() - op - 2);
        Req r{word == "in" ? 4 : 5, key, {}};
        while (true) {
            const auto comma = inner.find(',');
            r.values.push_back(name(inner.substr(0, comma)));
            if (comma == std::string_view::npos) break;
            inner.remove_prefix(comma + 1);
        }
        return r;
    }
    const std::string key = name(part.substr(0, op));
    std::size_t rest = op + 1;
    int kind = 2;
    if (part[op] == '!') {
        if (rest >= part.size() || part[rest] != '=') throw std::invalid_argument("bad operator");
        ++rest;
        kind = 3;
    } else if (rest < part.size() && part[rest] == '=') {
        ++rest;
    }
    return {kind, key, {name(part.substr(rest))}};
}

}  // namespace lsel

inline bool matches(std::string_view selector, const std::map<std::string, std::string>& labels) {
    std::vector<lsel::Req> reqs;
    if (!lsel::trim(selector).empty()) {
        int depth = 0;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= selector.size(); ++i) {
            if (i < selector.size() && selector[i] == '(') {
                if (++depth > 1) throw std::invalid_argument("nested (");
            } else if (i < selector.size() && selector[i] == ')') {
                if (--depth < 0) throw std::invalid_argument("unbalanced )");
            } else if (i == selector.size() || (selector[i] == ',' && depth == 0)) {
                reqs.push_back(lsel::parse_one(selector.substr(start, i - start)));
                start = i + 1;
            }
        }
        if (depth != 0) throw std::invalid_argument("unbalanced (");
    }
    for (const auto& r : reqs) {
        const auto it = labels.find(r.key);
        const bool has = it != labels.end();
        bool in_values = false;
        for (const auto& v : r.values) in_values = in_values || (has && it->second == v);
        switch (r.kind) {
            case 0: if (!has) return false; break;
            case 1: if (has) return false; break;
            case 2: if (!in_values) return false; break;
            case 3: if (in_values) return false; break;
            case 4: if (!in_values) return false; break;
            case 5: if (in_values) return false; break;
        }
    }
    return true;
}
