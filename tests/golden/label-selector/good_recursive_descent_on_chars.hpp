// A recursive-descent parser straight over the characters (no token list), building predicates as lambdas that
// run only once the whole selector has been read.
#pragma once

#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

class SelectorReader {
public:
    using Labels = std::map<std::string, std::string>;
    using Check = std::function<bool(const Labels&)>;

    explicit SelectorReader(std::string_view s) : s_(s) {}

    std::vector<Check> read() {
        std::vector<Check> checks;
        skip();
        if (at_end()) return checks;
        while (true) {
            checks.push_back(requirement());
            skip();
            if (at_end()) return checks;
            if (s_[i_] != ',') throw std::invalid_argument("expected ,");
            ++i_;
        }
    }

private:
    bool at_end() const { return i_ >= s_.size(); }
    void skip() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    static bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/'; }
    std::string name() {
        skip();
        const std::size_t start = i_;
        while (!at_end() && name_char(s_[i_])) ++i_;
        if (i_ == start) throw std::invalid_argument("expected a name");
        return std::string(s_.substr(start, i_ - start));
    }
    bool eat(std::string_view what) {
        skip();
        if (s_.substr(i_, what.size()) == what) {
            i_ += what.size();
            return true;
        }
        return false;
    }

    Check requirement() {
        if (eat("!") ) {
            if (!at_end() && s_[i_] == '=') throw std::invalid_argument("missing key before !=");
            const std::string key = name();
            return [key](const Labels& l) { return l.count(key) == 0; };
        }
        const std::string key = name();
        if (eat("==") || eat("=")) {
            const std::string value = name();
            return [key, value](const Labels& l) { auto it = l.find(key); return it != l.end() && it->second == value; };
        }
        if (eat("!=")) {
            const std::string value = name();
            return [key, value](const Labels& l) { auto it = l.find(key); return it == l.end() || it->second != value; };
        }
        skip();
        if (at_end() || s_[i_] == ',') return [key](const Labels& l) { return l.count(key) > 0; };
        const std::string op = name();
        if (op != "in" && op != "notin") throw std::invalid_argument("unknown operator " + op);
        if (!eat("(")) throw std::invalid_argument("expected (");
        std::set<std::string> values{name()};
        while (eat(",")) values.insert(name());
        if (!eat(")")) throw std::invalid_argument("expected )");
        const bool negate = op == "notin";
        return [key, values, negate](const Labels& l) {
            auto it = l.find(key);
            const bool hit = it != l.end() && values.count(it->second) > 0;
            return negate ? !hit : hit;
        };
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

inline bool matches(std::string_view selector, const std::map<std::string, std::string>& labels) {
    for (const auto& check : SelectorReader(selector).read())
        if (!check(labels)) return false;
    return true;
}
