// A small JSON reader and writer for the wire protocol: straight to and from drillkit::Value, no DOM in between.
#include <charconv>
#include <cmath>
#include <cstring>

#include "wire.hpp"

namespace drillkit::wire {

namespace {

class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}

    Value document() {
        Value v = value(0);
        skip();
        if (p_ != s_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const char* what) {
        throw ProtocolError(std::string("a message that is not JSON (") + what + " at byte " + std::to_string(p_) + ")");
    }

    void skip() {
        while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
    }

    bool literal(std::string_view word) {
        if (s_.substr(p_, word.size()) == word) {
            p_ += word.size();
            return true;
        }
        return false;
    }

    Value value(int depth) {
        if (depth > MAX_DEPTH + 8) fail("nesting too deep");
        skip();
        if (p_ >= s_.size()) fail("unexpected end");
        const char c = s_[p_];
        switch (c) {
            case '"': return Value(string());
            case '[': {
                ++p_;
                Value::Items items;
                skip();
                if (p_ < s_.size() && s_[p_] == ']') {
                    ++p_;
                    return Value::list(std::move(items));
                }
                while (true) {
                    items.push_back(value(depth + 1));
                    skip();
                    if (p_ >= s_.size()) fail("unterminated array");
                    if (s_[p_] == ',') { ++p_; continue; }
                    if (s_[p_] == ']') { ++p_; break; }
                    fail("expected , or ]");
                }
                return Value::list(std::move(items));
            }
            case '{': {
                ++p_;
                Value::Items flat;
                skip();
                if (p_ < s_.size() && s_[p_] == '}') {
                    ++p_;
                    return Value::dict(std::move(flat));
                }
                while (true) {
                    skip();
                    if (p_ >= s_.size() || s_[p_] != '"') fail("expected a key");
                    flat.emplace_back(string());
                    skip();
                    if (p_ >= s_.size() || s_[p_] != ':') fail("expected :");
                    ++p_;
                    flat.push_back(value(depth + 1));
                    skip();
                    if (p_ >= s_.size()) fail("unterminated object");
                    if (s_[p_] == ',') { ++p_; continue; }
                    if (s_[p_] == '}') { ++p_; break; }
                    fail("expected , or }");
                }
                return Value::dict(std::move(flat));
            }
            case 't': if (literal("true")) return Value(true); fail("bad literal");
            case 'f': if (literal("false")) return Value(false); fail("bad literal");
            case 'n': if (literal("null")) return Value(); fail("bad literal");
            default: return number();
        }
    }

    Value number() {
        const std::size_t start = p_;
        if (p_ < s_.size() && s_[p_] == '-') ++p_;
        const std::size_t digits = p_;
        while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
        if (p_ == digits) fail("bad number");
        bool is_float = false;
        if (p_ < s_.size() && s_[p_] == '.') {
            is_float = true;
            ++p_;
            while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
        }
        if (p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
            is_float = true;
            ++p_;
            if (p_ < s_.size() && (s_[p_] == '+' || s_[p_] == '-')) ++p_;
            while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
        }
        const char* first = s_.data() + start;
        const char* last = s_.data() + p_;
        if (is_float) {
            double f = 0;
            auto [end, ec] = std::from_chars(first, last, f);
            if (end != last) fail("bad number");
            return Value(f);
        }
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(first, last, n);
        if (ec == std::errc::result_out_of_range) return Value::bigint(std::string(first, last));
        if (ec != std::errc() || end != last) fail("bad number");
        return Value(n);
    }

    unsigned hex4() {
        if (p_ + 4 > s_.size()) fail("bad \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = s_[p_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else fail("bad \\u escape");
        }
        return v;
    }

    static void utf8(unsigned cp, std::string& out) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string string() {
        ++p_;  // the opening quote
        std::string out;
        while (true) {
            // Copy the run up to the next quote or backslash in one go.
            std::size_t run = p_;
            while (run < s_.size() && s_[run] != '"' && s_[run] != '\\') ++run;
            out.append(s_.data() + p_, run - p_);
            p_ = run;
            if (p_ >= s_.size()) fail("unterminated string");
            if (s_[p_] == '"') {
                ++p_;
                return out;
            }
            ++p_;  // backslash
            if (p_ >= s_.size()) fail("unterminated escape");
            const char e = s_[p_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && p_ + 6 <= s_.size() && s_[p_] == '\\' && s_[p_ + 1] == 'u') {
                        const std::size_t save = p_;
                        p_ += 2;
                        const unsigned low = hex4();
                        if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        else p_ = save;
                    }
                    utf8(cp, out);
                    break;
                }
                default: fail("bad escape");
            }
        }
    }

    std::string_view s_;
    std::size_t p_ = 0;
};

// The length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n;
    unsigned cp;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
    if (cp >= 0xD800 && cp < 0xE000) return 0;
    return n;
}

constexpr char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

}  // namespace

Value parse_json(std::string_view text) { return Parser(text).document(); }

void write_string(std::string_view s, std::string& out) {
    out += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            std::size_t run = i + 1;
            while (run < s.size()) {
                const auto d = static_cast<unsigned char>(s[run]);
                if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
                ++run;
            }
            out.append(s.data() + i, run - i);
            i = run;
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; ++i; continue;
            case '\\': out += "\\\\"; ++i; continue;
            case '\n': out += "\\n"; ++i; continue;
            case '\r': out += "\\r"; ++i; continue;
            case '\t': out += "\\t"; ++i; continue;
            default: break;
        }
        if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
            ++i;
            continue;
        }
        const std::size_t n = utf8_length(s, i);
        if (n == 0) {
            out += "\\ufffd";
            ++i;
        } else {
            out.append(s.data() + i, n);
            i += n;
        }
    }
    out += '"';
}

void write_float(double f, std::string& out) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
    out.append(buf, end);
}

std::string base64_encode(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    const auto* d = reinterpret_cast<const unsigned char*>(data.data());
    for (; i + 3 <= data.size(); i += 3) {
        const unsigned v = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
        out += B64[(v >> 18) & 63];
        out += B64[(v >> 12) & 63];
        out += B64[(v >> 6) & 63];
        out += B64[v & 63];
    }
    if (i + 1 == data.size()) {
        const unsigned v = d[i] << 16;
        out += B64[(v >> 18) & 63];
        out += B64[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const unsigned v = (d[i] << 16) | (d[i + 1] << 8);
        out += B64[(v >> 18) & 63];
        out += B64[(v >> 12) & 63];
        out += B64[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::string base64_decode(std::string_view text) {
    static const auto table = [] {
        std::array<int, 256> t{};
        t.fill(-1);
        for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(B64[i])] = i;
        return t;
    }();
    if (text.size() % 4 != 0) throw ProtocolError("a base64 value whose length is not a multiple of 4");
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + k];
            if (c == '=' && i + 4 == text.size() && k >= 2) {
                v[k] = 0;
                ++pad;
                continue;
            }
            if (pad) throw ProtocolError("malformed base64 padding");
            v[k] = table[static_cast<unsigned char>(c)];
            if (v[k] < 0) throw ProtocolError("a character outside base64");
        }
        const unsigned n = (v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3];
        out += static_cast<char>((n >> 16) & 0xFF);
        if (pad < 2) out += static_cast<char>((n >> 8) & 0xFF);
        if (pad < 1) out += static_cast<char>(n & 0xFF);
    }
    return out;
}

const Value* field(const Value& message, std::string_view name) {
    if (!message.is_dict()) return nullptr;
    const auto& flat = message.items();
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
        if (flat[i].is_str() && flat[i].as_str() == name) return &flat[i + 1];
    }
    return nullptr;
}

std::string cut(std::string text, std::size_t cap) {
    if (text.size() <= cap) return text;
    std::size_t keep = cap;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;  // not inside a character
    const std::size_t more = text.size() - keep;
    text.resize(keep);
    return text + "... [" + std::to_string(more) + " more characters]";
}

}  // namespace drillkit::wire
