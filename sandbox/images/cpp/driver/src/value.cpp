// drillkit::Value: accessors, Python-like equality, hashing, ordering and repr.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ostream>

#include "drillkit/driver.hpp"

namespace drillkit {

const char* kind_name(Kind kind) noexcept {
    switch (kind) {
        case Kind::None: return "NoneType";
        case Kind::Bool: return "bool";
        case Kind::Int:
        case Kind::BigInt: return "int";
        case Kind::Float: return "float";
        case Kind::Str: return "str";
        case Kind::Bytes: return "bytes";
        case Kind::Decimal: return "Decimal";
        case Kind::List: return "list";
        case Kind::Tuple: return "tuple";
        case Kind::Set: return "set";
        case Kind::FrozenSet: return "frozenset";
        case Kind::Dict: return "dict";
        case Kind::Ref: return "test object";
        case Kind::Obj: return "solution object";
    }
    return "?";
}

Value::Value(const Value& other) = default;
Value::Value(Value&& other) noexcept = default;
Value& Value::operator=(const Value& other) = default;
Value& Value::operator=(Value&& other) noexcept = default;
Value::~Value() = default;

Value::Value(unsigned long i) {
    if (i <= static_cast<unsigned long>(INT64_MAX)) {
        kind_ = Kind::Int;
        data_ = static_cast<std::int64_t>(i);
    } else {
        kind_ = Kind::BigInt;
        data_ = std::to_string(i);
    }
}

Value::Value(unsigned long long i) : Value(static_cast<unsigned long>(i)) {}

Value Value::object(std::shared_ptr<Object> object) {
    Value v;
    v.kind_ = Kind::Obj;
    v.data_ = std::move(object);
    return v;
}

bool Value::is_number() const noexcept {
    return kind_ == Kind::Bool || kind_ == Kind::Int || kind_ == Kind::BigInt || kind_ == Kind::Float;
}

bool Value::is_sequence() const noexcept {
    return kind_ == Kind::List || kind_ == Kind::Tuple || kind_ == Kind::Set || kind_ == Kind::FrozenSet;
}

[[noreturn]] void type_error(const char* expected, const Value& got) {
    if (got.kind() == Kind::BigInt && std::strcmp(expected, "int") == 0)
        throw OverflowError("int too large to convert: " + got.text().substr(0, 60));
    throw TypeError(std::string("expected ") + expected + ", got " + got.type_name() + " " + got.repr().substr(0, 60));
}

[[noreturn]] void out_of_range(std::int64_t n, bool to_unsigned) {
    if (to_unsigned && n < 0) throw OverflowError("can't convert negative int " + std::to_string(n) + " to unsigned");
    throw OverflowError("int out of range: " + std::to_string(n));
}

bool Value::as_bool() const {
    if (kind_ != Kind::Bool) type_error("bool", *this);
    return std::get<bool>(data_);
}

std::int64_t Value::as_int() const {
    if (kind_ == Kind::Int) return std::get<std::int64_t>(data_);
    if (kind_ == Kind::Bool) return std::get<bool>(data_) ? 1 : 0;
    if (kind_ == Kind::BigInt) throw OverflowError("int too large for 64 bits: " + text());
    type_error("int", *this);
}

double Value::as_float() const {
    switch (kind_) {
        case Kind::Float: return std::get<double>(data_);
        case Kind::Int: return static_cast<double>(std::get<std::int64_t>(data_));
        case Kind::Bool: return std::get<bool>(data_) ? 1.0 : 0.0;
        case Kind::BigInt: return std::strtod(text().c_str(), nullptr);
        default: type_error("float", *this);
    }
}

const std::string& Value::as_str() const {
    if (kind_ != Kind::Str) type_error("str", *this);
    return std::get<std::string>(data_);
}

const std::string& Value::text() const {
    if (kind_ != Kind::Str && kind_ != Kind::Bytes && kind_ != Kind::Decimal && kind_ != Kind::BigInt)
        type_error("str", *this);
    return std::get<std::string>(data_);
}

const Value::Items& Value::items() const {
    if (!is_sequence() && kind_ != Kind::Dict) type_error("a list", *this);
    return std::get<Items>(data_);
}

Value::Items& Value::items() {
    if (!is_sequence() && kind_ != Kind::Dict) type_error("a list", *this);
    return std::get<Items>(data_);
}

std::int64_t Value::ref_id() const {
    if (kind_ != Kind::Ref) type_error("a test object", *this);
    return std::get<std::int64_t>(data_);
}

const std::shared_ptr<Object>& Value::object() const {
    if (kind_ != Kind::Obj) type_error("an object", *this);
    return std::get<std::shared_ptr<Object>>(data_);
}

std::size_t Value::size() const {
    if (kind_ == Kind::Dict) return std::get<Items>(data_).size() / 2;
    if (std::holds_alternative<Items>(data_)) return std::get<Items>(data_).size();
    if (std::holds_alternative<std::string>(data_)) return std::get<std::string>(data_).size();
    type_error("a container", *this);
}

const Value* Value::find(const Value& key) const {
    const Items& flat = items();
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
        if (flat[i] == key) return &flat[i + 1];
    }
    return nullptr;
}

namespace {

enum class Rank { None, Number, Str, Bytes, Decimal, List, Tuple, Set, Dict, Ref, Obj };

Rank rank(Kind kind) {
    switch (kind) {
        case Kind::None: return Rank::None;
        case Kind::Bool:
        case Kind::Int:
        case Kind::BigInt:
        case Kind::Float: return Rank::Number;
        case Kind::Str: return Rank::Str;
        case Kind::Bytes: return Rank::Bytes;
        case Kind::Decimal: return Rank::Decimal;
        case Kind::List: return Rank::List;
        case Kind::Tuple: return Rank::Tuple;
        case Kind::Set:
        case Kind::FrozenSet: return Rank::Set;
        case Kind::Dict: return Rank::Dict;
        case Kind::Ref: return Rank::Ref;
        case Kind::Obj: return Rank::Obj;
    }
    return Rank::None;
}

// -1, 0, 1 for a big int (decimal digits, optional '-') against any other number.
int big_sign(const std::string& digits) { return !digits.empty() && digits[0] == '-' ? -1 : 1; }

int compare_big(const std::string& a, const std::string& b) {
    const int sa = big_sign(a), sb = big_sign(b);
    if (sa != sb) return sa < sb ? -1 : 1;
    int magnitude = a.size() != b.size() ? (a.size() < b.size() ? -1 : 1) : (a < b ? -1 : (a == b ? 0 : 1));
    return sa < 0 ? -magnitude : magnitude;
}

// Numbers compare by value: bool, int and float (exactly, even where int64 and double disagree), big ints.
int compare_numbers(const Value& a, const Value& b) {
    const bool abig = a.kind() == Kind::BigInt, bbig = b.kind() == Kind::BigInt;
    if (abig && bbig) return compare_big(a.text(), b.text());
    if (abig || bbig) {
        const Value& big = abig ? a : b;
        const Value& other = abig ? b : a;
        int sign = big_sign(big.text());
        if (other.kind() == Kind::Float) {
            const double f = other.as_float(), g = big.as_float();
            sign = g < f ? -1 : (g > f ? 1 : 0);
        }
        return abig ? sign : -sign;
    }
    if (a.kind() != Kind::Float && b.kind() != Kind::Float) {
        const std::int64_t x = a.as_int(), y = b.as_int();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.kind() == Kind::Float && b.kind() == Kind::Float) {
        const double x = a.as_float(), y = b.as_float();
        if (std::isnan(x) || std::isnan(y)) return std::isnan(x) ? (std::isnan(y) ? 0 : -1) : 1;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    // int against float, exactly
    const bool afloat = a.kind() == Kind::Float;
    const double f = afloat ? a.as_float() : b.as_float();
    const std::int64_t n = afloat ? b.as_int() : a.as_int();
    int c;  // compare f with n
    if (std::isnan(f)) c = -1;
    else if (f < -9.3e18) c = -1;
    else if (f > 9.3e18) c = 1;
    else {
        const double t = std::trunc(f);
        const auto ti = static_cast<std::int64_t>(t);
        if (ti != n) c = ti < n ? -1 : 1;
        else c = f > t ? 1 : (f < t ? -1 : 0);
    }
    return afloat ? c : -c;
}

int compare(const Value& a, const Value& b);

int compare_items(const Value::Items& a, const Value::Items& b) {
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int c = compare(a[i], b[i]);
        if (c != 0) return c;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

Value::Items sorted(const Value::Items& items) {
    Value::Items copy = items;
    std::sort(copy.begin(), copy.end());
    return copy;
}

Value::Items sorted_pairs(const Value::Items& flat) {
    std::vector<std::pair<Value, Value>> pairs;
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) pairs.emplace_back(flat[i], flat[i + 1]);
    std::sort(pairs.begin(), pairs.end());
    Value::Items out;
    for (auto& [k, v] : pairs) {
        out.push_back(std::move(k));
        out.push_back(std::move(v));
    }
    return out;
}

int compare(const Value& a, const Value& b) {
    const Rank ra = rank(a.kind()), rb = rank(b.kind());
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (ra) {
        case Rank::None: return 0;
        case Rank::Number: return compare_numbers(a, b);
        case Rank::Str:
        case Rank::Bytes:
        case Rank::Decimal: {
            const int c = a.text().compare(b.text());
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }
        case Rank::List:
        case Rank::Tuple: return compare_items(a.items(), b.items());
        case Rank::Set: {
            if (a.items().size() != b.items().size()) return a.items().size() < b.items().size() ? -1 : 1;
            return compare_items(sorted(a.items()), sorted(b.items()));
        }
        case Rank::Dict: {
            if (a.items().size() != b.items().size()) return a.items().size() < b.items().size() ? -1 : 1;
            return compare_items(sorted_pairs(a.items()), sorted_pairs(b.items()));
        }
        case Rank::Ref: {
            const auto x = a.ref_id(), y = b.ref_id();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        case Rank::Obj: {
            const auto* x = a.object().get();
            const auto* y = b.object().get();
            return std::less<const Object*>()(x, y) ? -1 : (x == y ? 0 : 1);
        }
    }
    return 0;
}

std::size_t mix(std::size_t h, std::size_t v) noexcept {
    return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

std::size_t hash_int(std::int64_t n) noexcept {
    auto x = static_cast<std::uint64_t>(n);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<std::size_t>(x);
}

}  // namespace

bool operator==(const Value& a, const Value& b) noexcept {
    if (rank(a.kind()) != rank(b.kind())) return false;
    switch (a.kind()) {
        case Kind::Str:
            return b.kind() == Kind::Str && std::get<std::string>(a.data_) == std::get<std::string>(b.data_);
        case Kind::Int:
            if (b.kind() == Kind::Int) return std::get<std::int64_t>(a.data_) == std::get<std::int64_t>(b.data_);
            break;
        case Kind::List:
        case Kind::Tuple:
            return std::get<Value::Items>(a.data_) == std::get<Value::Items>(b.data_);
        default: break;
    }
    try {
        return compare(a, b) == 0;
    } catch (...) {
        return false;
    }
}

bool operator<(const Value& a, const Value& b) noexcept {
    try {
        return compare(a, b) < 0;
    } catch (...) {
        return false;
    }
}

std::size_t Value::hash() const noexcept {
    switch (kind_) {
        case Kind::None: return 0x5bd1e995;
        case Kind::Bool: return hash_int(std::get<bool>(data_) ? 1 : 0);
        case Kind::Int: return hash_int(std::get<std::int64_t>(data_));
        case Kind::Float: {
            const double f = std::get<double>(data_);
            if (std::isfinite(f) && f == std::trunc(f) && std::fabs(f) < 9.2e18) return hash_int(static_cast<std::int64_t>(f));
            return std::hash<double>()(f);
        }
        case Kind::BigInt:
        case Kind::Str:
        case Kind::Bytes:
        case Kind::Decimal:
            return mix(static_cast<std::size_t>(rank(kind_)), std::hash<std::string>()(std::get<std::string>(data_)));
        case Kind::List:
        case Kind::Tuple: {
            std::size_t h = static_cast<std::size_t>(rank(kind_));
            for (const Value& item : std::get<Items>(data_)) h = mix(h, item.hash());
            return h;
        }
        case Kind::Set:
        case Kind::FrozenSet:
        case Kind::Dict: {
            std::size_t h = 0;  // order-independent
            const Items& items = std::get<Items>(data_);
            if (kind_ == Kind::Dict) {
                for (std::size_t i = 0; i + 1 < items.size(); i += 2) h += mix(items[i].hash(), items[i + 1].hash());
            } else {
                for (const Value& item : items) h += item.hash();
            }
            return mix(static_cast<std::size_t>(rank(kind_)), h);
        }
        case Kind::Ref: return mix(0xabc, hash_int(std::get<std::int64_t>(data_)));
        case Kind::Obj: return std::hash<const void*>()(std::get<std::shared_ptr<Object>>(data_).get());
    }
    return 0;
}

namespace {

void repr_string(const std::string& s, std::string& out) {
    const bool single = s.find('\'') == std::string::npos || s.find('"') != std::string::npos;
    const char quote = single ? '\'' : '"';
    out += quote;
    for (unsigned char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == static_cast<unsigned char>(quote)) { out += '\\'; out += static_cast<char>(c); }
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    out += quote;
}

void repr_float(double f, std::string& out) {
    if (std::isnan(f)) { out += "nan"; return; }
    if (std::isinf(f)) { out += f < 0 ? "-inf" : "inf"; return; }
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
    std::string s(buf, end);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    out += s;
}

void repr_into(const Value& v, std::string& out, int depth) {
    if (depth > 64) { out += "..."; return; }
    switch (v.kind()) {
        case Kind::None: out += "None"; return;
        case Kind::Bool: out += v.as_bool() ? "True" : "False"; return;
        case Kind::Int: out += std::to_string(v.as_int()); return;
        case Kind::BigInt: out += v.text(); return;
        case Kind::Float: repr_float(v.as_float(), out); return;
        case Kind::Str: repr_string(v.text(), out); return;
        case Kind::Bytes: out += 'b'; repr_string(v.text(), out); return;
        case Kind::Decimal: out += "Decimal('" + v.text() + "')"; return;
        case Kind::List:
        case Kind::Tuple:
        case Kind::Set:
        case Kind::FrozenSet: {
            const auto& items = v.items();
            const char* open = v.kind() == Kind::List ? "[" : v.kind() == Kind::Tuple ? "(" : v.kind() == Kind::Set ? "{" : "frozenset({";
            const char* close = v.kind() == Kind::List ? "]" : v.kind() == Kind::Tuple ? ")" : v.kind() == Kind::Set ? "}" : "})";
            if (items.empty() && v.kind() == Kind::Set) { out += "set()"; return; }
            out += open;
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) out += ", ";
                repr_into(items[i], out, depth + 1);
            }
            if (v.kind() == Kind::Tuple && items.size() == 1) out += ',';
            out += close;
            return;
        }
        case Kind::Dict: {
            const auto& flat = v.items();
            out += '{';
            for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
                if (i) out += ", ";
                repr_into(flat[i], out, depth + 1);
                out += ": ";
                repr_into(flat[i + 1], out, depth + 1);
            }
            out += '}';
            return;
        }
        case Kind::Ref: out += "<test object " + std::to_string(v.ref_id()) + ">"; return;
        case Kind::Obj: {
            const Object* o = v.object().get();
            out += "<solution object";
            if (o != nullptr && o->cls != nullptr) out += " " + o->cls->name;
            out += ">";
            return;
        }
    }
}

}  // namespace

std::string Value::repr() const {
    std::string out;
    repr_into(*this, out, 0);
    return out;
}

std::ostream& operator<<(std::ostream& out, const Value& value) {
    if (value.kind() == Kind::Str) return out << value.as_str();  // as print() shows a str
    return out << value.repr();
}

bool is_decimal_literal(std::string_view s) noexcept {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent;
        if (exponent == 0 || exponent > 9) return false;
    }
    return i == s.size() && s.size() <= 4096;
}

}  // namespace drillkit
