// drillkit::Value: one value of the wire protocol (sandbox/protocol.md) on the C++ side.
//
// It holds whatever the tests can send: None, bool, int, float, str, bytes, decimal, list, tuple, set, frozenset,
// dict, a test object (a callback or a sentinel: `Ref`) and an object of the solution (`Obj`, a handle). Equality,
// hashing and ordering follow Python where the tests can tell (1 == 1.0 == True; a list is not a tuple; sets and
// dicts compare without order), so a Value can be the key of std::unordered_map, std::map or std::set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace drillkit {

class Object;  // a solution object that crosses the wire as a handle (driver.hpp)

enum class Kind : std::uint8_t {
    None, Bool, Int, BigInt, Float, Str, Bytes, Decimal, List, Tuple, Set, FrozenSet, Dict, Ref, Obj
};

const char* kind_name(Kind kind) noexcept;  // the Python type name: "NoneType", "int", "str", ...

class Value {
public:
    using Items = std::vector<Value>;

    Value() noexcept = default;
    // Out of line: every adapter would otherwise instantiate the variant's copy and move machinery again.
    Value(const Value& other);
    Value(Value&& other) noexcept;
    Value& operator=(const Value& other);
    Value& operator=(Value&& other) noexcept;
    ~Value();
    Value(std::nullptr_t) noexcept {}
    Value(bool b) noexcept : kind_(Kind::Bool), data_(b) {}
    Value(int i) noexcept : kind_(Kind::Int), data_(std::int64_t{i}) {}
    Value(long i) noexcept : kind_(Kind::Int), data_(std::int64_t{i}) {}
    Value(long long i) noexcept : kind_(Kind::Int), data_(std::int64_t{i}) {}
    Value(unsigned i) noexcept : kind_(Kind::Int), data_(std::int64_t{i}) {}
    Value(unsigned long i);
    Value(unsigned long long i);
    Value(double f) noexcept : kind_(Kind::Float), data_(f) {}
    Value(float f) noexcept : kind_(Kind::Float), data_(double{f}) {}
    Value(const char* s) : kind_(Kind::Str), data_(std::string(s)) {}
    Value(std::string s) noexcept : kind_(Kind::Str), data_(std::move(s)) {}
    Value(std::string_view s) : kind_(Kind::Str), data_(std::string(s)) {}

    static Value list(Items items = {}) { return Value(Kind::List, std::move(items)); }
    static Value tuple(Items items = {}) { return Value(Kind::Tuple, std::move(items)); }
    static Value set(Items items = {}) { return Value(Kind::Set, std::move(items)); }
    static Value frozenset(Items items = {}) { return Value(Kind::FrozenSet, std::move(items)); }
    // A dict's items are stored flat: key0, value0, key1, value1, ...
    static Value dict(Items flat_pairs = {}) { return Value(Kind::Dict, std::move(flat_pairs)); }
    static Value bytes(std::string data) { return Value(Kind::Bytes, std::move(data)); }
    static Value decimal(std::string text) { return Value(Kind::Decimal, std::move(text)); }
    static Value bigint(std::string digits) { return Value(Kind::BigInt, std::move(digits)); }
    static Value ref(std::int64_t id) { Value v; v.kind_ = Kind::Ref; v.data_ = id; return v; }
    static Value object(std::shared_ptr<Object> object);

    Kind kind() const noexcept { return kind_; }
    const char* type_name() const noexcept { return kind_name(kind_); }
    bool is_none() const noexcept { return kind_ == Kind::None; }
    bool is_bool() const noexcept { return kind_ == Kind::Bool; }
    bool is_int() const noexcept { return kind_ == Kind::Int; }
    bool is_float() const noexcept { return kind_ == Kind::Float; }
    bool is_number() const noexcept;  // bool, int (any size) or float
    bool is_str() const noexcept { return kind_ == Kind::Str; }
    bool is_sequence() const noexcept;  // list, tuple, set or frozenset
    bool is_dict() const noexcept { return kind_ == Kind::Dict; }
    bool is_ref() const noexcept { return kind_ == Kind::Ref; }
    bool is_object() const noexcept { return kind_ == Kind::Obj; }

    // Accessors; each throws drillkit::TypeError when the value is of another kind.
    bool as_bool() const;
    std::int64_t as_int() const;         // int or bool
    double as_float() const;             // float, int or bool
    const std::string& as_str() const;   // str
    const std::string& text() const;     // the text of a str, bytes, decimal or big int
    const Items& items() const;          // list, tuple, set, frozenset, dict (flat pairs)
    Items& items();
    std::int64_t ref_id() const;
    const std::shared_ptr<Object>& object() const;

    std::size_t size() const;            // items of a container (pairs for a dict), bytes of a string
    const Value* find(const Value& key) const;  // dict lookup (linear), nullptr when absent
    void set_kind(Kind kind) noexcept { kind_ = kind; }  // between kinds that share a representation

    std::size_t hash() const noexcept;
    std::string repr() const;  // as Python's repr() would show it

    friend bool operator==(const Value& a, const Value& b) noexcept;
    friend bool operator!=(const Value& a, const Value& b) noexcept { return !(a == b); }
    friend bool operator<(const Value& a, const Value& b) noexcept;  // a total order, consistent with ==
    friend bool operator>(const Value& a, const Value& b) noexcept { return b < a; }
    friend bool operator<=(const Value& a, const Value& b) noexcept { return !(b < a); }
    friend bool operator>=(const Value& a, const Value& b) noexcept { return !(a < b); }

private:
    Value(Kind kind, Items items) noexcept : kind_(kind), data_(std::move(items)) {}
    Value(Kind kind, std::string text) noexcept : kind_(kind), data_(std::move(text)) {}

    Kind kind_ = Kind::None;
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Items, std::shared_ptr<Object>> data_;
};

std::ostream& operator<<(std::ostream& out, const Value& value);

struct ValueHash {
    std::size_t operator()(const Value& value) const noexcept { return value.hash(); }
};

}  // namespace drillkit

template <>
struct std::hash<drillkit::Value> {
    std::size_t operator()(const drillkit::Value& value) const noexcept { return value.hash(); }
};
