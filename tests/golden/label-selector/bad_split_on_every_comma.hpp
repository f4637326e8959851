// BUG: splits the selector on every comma, so a set such as 'tier in (a,b)' is cut in two
#pragma once

#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace split_detail {
inline std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}
inline bool is_name(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.' && c != '/') return false;
    return true;
}
}  // namespace split_detail

inline bool matches(std::string_view selector, const std::map<std::string, std::string>& labels) {
    using namespace split_detail;
    if (trim(selector).empty()) return true;
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in{std::string(selector)};
    while (std::getline(in, part, ',')) parts.push_back(trim(part));
    if (!selector.empty() && selector.back() == ',') parts.push_back("");
    bool ok = true;
    for (const auto& p : parts) {
        if (p.empty()) throw std::invalid_argument("empty requirement");
        std::string key, op, rest;
        if (p[0] == '!' && (p.size() < 2 || p[1] != '=')) {
            key = trim(p.substr(1));
            if (!is_name(key)) throw std::invalid_argument("bad key");
            ok = ok && !labels.count(key);
            continue;
        }
        const auto eq = p.find_first_of("=!");
        if (eq != std::string::npos) {
            key = trim(p.substr(0, eq));
            op = p[eq] == '!' ? "!=" : (eq + 1 < p.size() && p[eq + 1] == '=' ? "==" : "=");
            if (p[eq] == '!' && (eq + 1 >= p.size() || p[eq + 1] != '=')) throw std::invalid_argument("bad op");
            rest = trim(p.substr(eq + (op == "=" ? 1 : 2)));
            if (!is_name(key) || !is_name(rest)) throw std::invalid_argument("bad requirement");
            const auto it = labels.find(key);
            if (op == "!=") ok = ok && !(it != labels.end() && it->second == rest);
            else ok = ok && it != labels.end() && it->second == rest;
            continue;
        }
        std::istringstream words(p);
        words >> key >> op;
        std::getline(words, rest);
        rest = trim(rest);
        if (!is_name(key)) throw std::invalid_argument("bad key");
        if (op.empty()) {
            ok = ok && labels.count(key);
            continue;
        }
        if ((op != "in" && op != "notin") || rest.size() < 2 || rest.front() != '(' || rest.back() != ')')
            throw std::invalid_argument("bad set");
        const std::string value = trim(rest.substr(1, rest.size() - 2));
        if (!is_name(value)) throw std::invalid_argument("bad value");
        const auto it = labels.find(key);
        const bool hit = it != labels.end() && it->second == value;
        ok = ok && (op == "in" ? hit : !hit);
    }
    return ok;
}
