// BUG: silently skips empty requirements between commas instead of throwing std::invalid_argument
#pragma once

#include <cctype>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace selector_detail {

struct Token {
    enum Kind { Word, Symbol, End } kind;
    std::string text;
    bool operator==(const Token& other) const { return kind == other.kind && text == other.text; }
};

inline bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '/' || c == '-';
}

inline std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (word_char(c)) {
            std::size_t j = i;
            while (j < s.size() && word_char(s[j])) ++j;
            tokens.push_back({Token::Word, std::string(s.substr(i, j - i))});
            i = j;
        } else if ((c == '=' || c == '!') && i + 1 < s.size() && s[i + 1] == '=') {
            tokens.push_back({Token::Symbol, std::string(s.substr(i, 2))});
            i += 2;
        } else if (c == '=' || c == '!' || c == '(' || c == ')' || c == ',') {
            tokens.push_back({Token::Symbol, std::string(1, c)});
            ++i;
        } else {
            throw std::invalid_argument("unexpected character in label selector");
        }
    }
    return tokens;
}

struct Requirement {
    std::string op;  // "exists", "!", "=", "!=", "in", "notin"
    std::string key;
    std::set<std::string> values;
};

class Parser {
public:
    explicit Parser(std::string_view selector) : tokens_(tokenize(selector)) {}

    std::vector<Requirement> parse() {
        std::vector<Requirement> out;
        if (tokens_.empty()) return out;
        while (true) {
            out.push_back(requirement());
            const Token t = take();
            if (t.kind == Token::End) return out;
            if (!(t == Token{Token::Symbol, ","})) fail("unexpected " + t.text);
            while (peek() == Token{Token::Symbol, ","}) take();
            if (peek().kind == Token::End) return out;
        }
    }

private:
    [[noreturn]] static void fail(const std::string& what) { throw std::invalid_argument(what + " in label selector"); }
    Token peek() const { return pos_ < tokens_.size() ? tokens_[pos_] : Token{Token::End, ""}; }
    Token take() {
        Token t = peek();
        ++pos_;
        return t;
    }
    std::string word(const char* what) {
        const Token t = take();
        if (t.kind != Token::Word) fail(std::string("expected ") + what);
        return t.text;
    }
    void expect(const char* symbol) {
        if (!(take() == Token{Token::Symbol, symbol})) fail(std::string("expected ") + symbol);
    }

    Requirement requirement() {
        if (peek() == Token{Token::Symbol, "!"}) {
            take();
            return {"!", word("a key after '!'"), {}};
        }
        const std::string key = word("a key");
        const Token t = peek();
        if (t.kind == Token::End || t == Token{Token::Symbol, ","}) return {"exists", key, {}};
        take();
        if (t.kind == Token::Symbol && (t.text == "=" || t.text == "==" || t.text == "!="))
            return {t.text == "!=" ? "!=" : "=", key, {word("a value")}};
        if (t.kind == Token::Word && (t.text == "in" || t.text == "notin")) {
            expect("(");
            std::set<std::string> values{word("a value")};
            while (peek() == Token{Token::Symbol, ","}) {
                take();
                values.insert(word("a value"));
            }
            expect(")");
            return {t.text, key, values};
        }
        fail("expected an operator after " + key);
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

}  // namespace selector_detail

// Whether `labels` satisfy every requirement of `selector`; a malformed selector throws std::invalid_argument.
inline bool matches(std::string_view selector, const std::map<std::string, std::string>& labels) {
    // Parse everything first: a malformed selector always throws, whatever the labels.
    const auto requirements = selector_detail::Parser(selector).parse();
    for (const auto& r : requirements) {
        const auto it = labels.find(r.key);
        const bool present = it != labels.end();
        if (r.op == "exists" && !present) return false;
        if (r.op == "!" && present) return false;
        if (r.op == "=" && !(present && it->second == *r.values.begin())) return false;
        if (r.op == "!=" && present && it->second == *r.values.begin()) return false;
        if (r.op == "in" && !(present && r.values.count(it->second))) return false;
        if (r.op == "notin" && present && r.values.count(it->second)) return false;
    }
    return true;
}
