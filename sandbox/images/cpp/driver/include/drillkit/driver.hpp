// The C++ driver's interface for adapters: Python exceptions, conversions between wire values and C++ types,
// and the registration table that exposes a candidate's C++ API under the names the Python tests import.
//
// An exercise's adapter (graders/<id>/cpp/adapter.cpp) is a registration table plus thin conversions:
//
//     #include "solution.hpp"
//     namespace dk = drillkit;
//     using Cache = LRUCache<dk::Value, dk::Value>;
//     DRILLKIT_MODULE(m) {
//         m.cls<Cache>("LRUCache")
//             .init({"capacity"}, [](std::int64_t capacity) { return Cache(dk::at_least(capacity, 1, "capacity")); })
//             .method("put", {"key", "value"}, [](Cache& c, dk::Value k, dk::Value v) { c.put(k, v); })
//             .method("__len__", [](const Cache& c) { return c.size(); });
//     }
//
// Everything about the protocol (messages, handles, sessions, batches, callbacks) lives in the runtime
// (src/driver.cpp), which is compiled once into the image.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "value.hpp"

namespace drillkit {

// --- Python exceptions ------------------------------------------------------------------------------------------

// An exception that crosses as the Python builtin `type` (ValueError, KeyError, ...).
class PyError : public std::runtime_error {
public:
    PyError(std::string type, const std::string& message) : std::runtime_error(message), type_(std::move(type)) {}
    const std::string& type() const noexcept { return type_; }

private:
    std::string type_;
};

#define DRILLKIT_PY_ERROR(Name)                                                   \
    struct Name : PyError {                                                       \
        explicit Name(const std::string& message) : PyError(#Name, message) {}   \
    };
DRILLKIT_PY_ERROR(ValueError)
DRILLKIT_PY_ERROR(TypeError)
DRILLKIT_PY_ERROR(KeyError)
DRILLKIT_PY_ERROR(LookupError)
DRILLKIT_PY_ERROR(IndexError)
DRILLKIT_PY_ERROR(RuntimeError)
DRILLKIT_PY_ERROR(OverflowError)
DRILLKIT_PY_ERROR(AttributeError)
#undef DRILLKIT_PY_ERROR

// An exception raised by test code inside a callback. Letting it propagate unchanged (`throw;`) sends the tests'
// own exception object back to them.
class TestException : public std::runtime_error {
public:
    TestException(std::int64_t ref, std::string type, const std::string& message)
        : std::runtime_error(message), ref_(ref), type_(std::move(type)) {}
    std::int64_t ref() const noexcept { return ref_; }
    const std::string& type() const noexcept { return type_; }

private:
    std::int64_t ref_;
    std::string type_;
};

// --- objects --------------------------------------------------------------------------------------------------

struct ClassInfo;

// Something of the solution that crosses as a handle: an instance of a registered class, a stored test value,
// a prepared batch.
class Object {
public:
    virtual ~Object() = default;
    const ClassInfo* cls = nullptr;
};

template <class T>
class Instance final : public Object {
public:
    template <class Make>
    explicit Instance(std::in_place_t, Make&& make) : value(std::forward<Make>(make)()) {}
    T value;
};

// A test value kept in the solution process (`store`): passing its handle as an argument passes the value.
class Stored final : public Object {
public:
    explicit Stored(Value v) : value(std::move(v)) {}
    Value value;
};

// The stored value behind a handle, or the value itself.
inline const Value& deref(const Value& value) {
    if (value.kind() == Kind::Obj) {
        if (auto* stored = dynamic_cast<const Stored*>(value.object().get())) return stored->value;
    }
    return value;
}

// --- calls ------------------------------------------------------------------------------------------------------

using Kwargs = std::vector<std::pair<std::string, Value>>;

// The arguments of one call: positional ones as a span (batches point into their argument column), keywords.
struct Args {
    const Value* positional = nullptr;
    std::size_t count = 0;
    const Kwargs* keywords = nullptr;
    // Arguments the callee changed in place (non-const reference parameters): [position or name, new value].
    std::vector<std::pair<Value, Value>>* mutated = nullptr;

    const Value& operator[](std::size_t i) const { return positional[i]; }
    std::size_t size() const noexcept { return count; }
    bool has_keywords() const noexcept { return keywords != nullptr && !keywords->empty(); }
};

// A bound function or method: converts the call's arguments, calls the C++ code, converts the result.
class Invoker {
public:
    struct Base {
        virtual ~Base() = default;
        virtual Value call(Object* self, const Args& args) = 0;
    };
    Invoker() = default;
    explicit Invoker(std::unique_ptr<Base> bound) : bound_(std::move(bound)) {}
    Value operator()(Object* self, const Args& args) const { return bound_->call(self, args); }
    explicit operator bool() const noexcept { return bound_ != nullptr; }

private:
    std::unique_ptr<Base> bound_;
};

struct ClassInfo {
    // Out of line, so that adapters do not instantiate the tables' insertion code.
    void add_method(const std::string& method, Invoker invoker);
    void add_getter(const std::string& attribute, Invoker invoker);
    std::string qualified(const std::string& member) const;  // "LRUCache.get"

    std::string name;  // as the tests import it
    std::string key;   // unique per class: "solution.<name>"
    std::vector<std::string> exception_bases;  // builtin bases, nearest first, for an exception class
    Invoker init;      // the constructor (called with self = nullptr); empty when the tests cannot construct it
    std::map<std::string, Invoker, std::less<>> methods;
    std::map<std::string, Invoker, std::less<>> getters;
    std::map<std::string, std::function<void(Object*, const Value&)>, std::less<>> setters;
};

// Calls test code (a callback passed as ["ref", id]) and returns its result; an exception there is thrown as
// TestException. Implemented by the runtime.
Value call_test(std::int64_t ref, std::vector<Value> args, Kwargs kwargs = {});

// The class registered for a C++ type, or nullptr (used to return registered objects by value).
const ClassInfo* class_of(std::type_index type);

// --- conversions ------------------------------------------------------------------------------------------------

[[noreturn]] void type_error(const char* expected, const Value& got);  // TypeError (OverflowError for a big int)
[[noreturn]] void out_of_range(std::int64_t n, bool to_unsigned);         // OverflowError

// Convert<T>::from(value) turns a wire value into T, Convert<T>::to(t) a T into a wire value. Adapters may
// specialize it for an exercise's own structs. The primary template handles registered classes (by handle).
template <class T, class = void>
struct Convert {
    static constexpr bool by_reference = true;  // parameters of a registered class bind to the object itself
    static T& from(const Value& value) {
        if (value.kind() == Kind::Obj) {
            if (auto* instance = dynamic_cast<Instance<T>*>(value.object().get())) return instance->value;
        }
        throw TypeError(std::string("expected an object of the solution's class, got ") + value.type_name());
    }
    template <class U>
    static Value to(U&& t) {
        const ClassInfo* cls = class_of(std::type_index(typeid(T)));
        if (cls == nullptr) throw TypeError(std::string("cannot send a C++ ") + typeid(T).name() + " to the tests");
        if constexpr (std::is_constructible_v<std::decay_t<U>, U&&>) {
            auto object = std::make_shared<Instance<std::decay_t<U>>>(std::in_place, [&]() -> std::decay_t<U> {
                return std::decay_t<U>(std::forward<U>(t));
            });
            object->cls = cls;
            return Value::object(std::move(object));
        } else {
            throw TypeError("cannot copy this object to send it to the tests");
        }
    }
};

template <class T>
T from_value(const Value& value) {
    return Convert<std::decay_t<T>>::from(deref(value));
}

template <class T>
Value to_value(T&& t) {
    return Convert<std::decay_t<T>>::to(std::forward<T>(t));
}

template <>
struct Convert<Value> {
    static const Value& from(const Value& value) { return value; }
    static Value to(const Value& value) { return value; }
    static Value to(Value&& value) { return std::move(value); }
};

template <>
struct Convert<bool> {
    static bool from(const Value& value) {
        if (value.kind() != Kind::Bool) type_error("bool", value);
        return value.as_bool();
    }
    static Value to(bool b) { return Value(b); }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
    static T from(const Value& value) {
        if (value.kind() != Kind::Int && value.kind() != Kind::Bool) type_error("int", value);
        const std::int64_t n = value.as_int();
        if constexpr (std::is_unsigned_v<T>) {
            if (n < 0 || static_cast<std::uint64_t>(n) > std::numeric_limits<T>::max()) out_of_range(n, true);
        } else {
            if (n < std::numeric_limits<T>::min() || n > std::numeric_limits<T>::max()) out_of_range(n, false);
        }
        return static_cast<T>(n);
    }
    static Value to(T n) { return Value(n); }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static T from(const Value& value) {
        if (!value.is_number() || value.kind() == Kind::BigInt) type_error("float", value);
        return static_cast<T>(value.as_float());
    }
    static Value to(T f) { return Value(static_cast<double>(f)); }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_enum_v<T>>> {
    static T from(const Value& value) { return static_cast<T>(from_value<std::underlying_type_t<T>>(value)); }
    static Value to(T e) { return to_value(static_cast<std::underlying_type_t<T>>(e)); }
};

template <>
struct Convert<std::string> {
    static const std::string& from(const Value& value) {
        if (value.kind() != Kind::Str) type_error("str", value);
        return value.as_str();
    }
    static Value to(const std::string& s) { return Value(s); }
    static Value to(std::string&& s) { return Value(std::move(s)); }
};

template <>
struct Convert<std::string_view> {
    static std::string_view from(const Value& value) { return Convert<std::string>::from(value); }
    static Value to(std::string_view s) { return Value(s); }
};

template <>
struct Convert<const char*> {
    static Value to(const char* s) { return s == nullptr ? Value() : Value(s); }
};

template <>
struct Convert<char> {
    static char from(const Value& value) {
        const std::string& s = Convert<std::string>::from(value);
        if (s.size() != 1) throw TypeError("expected a string of length 1");
        return s[0];
    }
    static Value to(char c) { return Value(std::string(1, c)); }
};

template <>
struct Convert<std::nullptr_t> {
    static std::nullptr_t from(const Value& value) {
        if (!value.is_none()) type_error("None", value);
        return nullptr;
    }
    static Value to(std::nullptr_t) { return Value(); }
};

template <>
struct Convert<std::monostate> {
    static Value to(std::monostate) { return Value(); }
};

template <class T>
struct Convert<std::optional<T>> {
    static std::optional<T> from(const Value& value) {
        if (value.is_none()) return std::nullopt;
        return std::optional<T>(from_value<T>(value));
    }
    template <class U>
    static Value to(U&& o) {
        if (!o) return Value();
        return to_value(*std::forward<U>(o));
    }
};

namespace detail {
inline const Value::Items& sequence(const Value& value, const char* expected) {
    if (!value.is_sequence()) type_error(expected, value);
    return value.items();
}
template <class Container, class U>
Value items_to(Kind kind, U&& container) {
    Value::Items items;
    items.reserve(std::size(container));
    for (auto&& item : container) {
        if constexpr (std::is_rvalue_reference_v<U&&>) items.push_back(to_value(std::move(item)));
        else items.push_back(to_value(item));
    }
    switch (kind) {
        case Kind::Tuple: return Value::tuple(std::move(items));
        case Kind::Set: return Value::set(std::move(items));
        default: return Value::list(std::move(items));
    }
}
template <class Map, class U>
Value map_to(U&& map) {
    Value::Items flat;
    flat.reserve(2 * std::size(map));
    for (auto&& [k, v] : map) {
        flat.push_back(to_value(k));
        flat.push_back(to_value(v));
    }
    return Value::dict(std::move(flat));
}
}  // namespace detail

template <class T, class A>
struct Convert<std::vector<T, A>> {
    static std::vector<T, A> from(const Value& value) {
        const auto& items = detail::sequence(value, "list");
        std::vector<T, A> out;
        out.reserve(items.size());
        for (const Value& item : items) out.push_back(from_value<T>(item));
        return out;
    }
    template <class U>
    static Value to(U&& v) { return detail::items_to<std::vector<T, A>>(Kind::List, std::forward<U>(v)); }
};

template <class T, std::size_t N>
struct Convert<std::array<T, N>> {
    static std::array<T, N> from(const Value& value) {
        const auto& items = detail::sequence(value, "list");
        if (items.size() != N) throw ValueError("expected " + std::to_string(N) + " items");
        std::array<T, N> out{};
        for (std::size_t i = 0; i < N; ++i) out[i] = from_value<T>(items[i]);
        return out;
    }
    template <class U>
    static Value to(U&& v) { return detail::items_to<std::array<T, N>>(Kind::List, std::forward<U>(v)); }
};

template <class T, class C, class A>
struct Convert<std::set<T, C, A>> {
    static std::set<T, C, A> from(const Value& value) {
        std::set<T, C, A> out;
        for (const Value& item : detail::sequence(value, "set")) out.insert(from_value<T>(item));
        return out;
    }
    template <class U>
    static Value to(U&& v) { return detail::items_to<std::set<T, C, A>>(Kind::Set, std::forward<U>(v)); }
};

template <class T, class H, class E, class A>
struct Convert<std::unordered_set<T, H, E, A>> {
    static std::unordered_set<T, H, E, A> from(const Value& value) {
        std::unordered_set<T, H, E, A> out;
        for (const Value& item : detail::sequence(value, "set")) out.insert(from_value<T>(item));
        return out;
    }
    template <class U>
    static Value to(U&& v) { return detail::items_to<std::unordered_set<T, H, E, A>>(Kind::Set, std::forward<U>(v)); }
};

template <class K, class V, class C, class A>
struct Convert<std::map<K, V, C, A>> {
    static std::map<K, V, C, A> from(const Value& value) {
        if (!value.is_dict()) type_error("dict", value);
        std::map<K, V, C, A> out;
        const auto& flat = value.items();
        for (std::size_t i = 0; i + 1 < flat.size(); i += 2) out.emplace(from_value<K>(flat[i]), from_value<V>(flat[i + 1]));
        return out;
    }
    template <class U>
    static Value to(U&& m) { return detail::map_to<std::map<K, V, C, A>>(std::forward<U>(m)); }
};

template <class K, class V, class H, class E, class A>
struct Convert<std::unordered_map<K, V, H, E, A>> {
    static std::unordered_map<K, V, H, E, A> from(const Value& value) {
        if (!value.is_dict()) type_error("dict", value);
        std::unordered_map<K, V, H, E, A> out;
        const auto& flat = value.items();
        out.reserve(flat.size() / 2);
        for (std::size_t i = 0; i + 1 < flat.size(); i += 2) out.emplace(from_value<K>(flat[i]), from_value<V>(flat[i + 1]));
        return out;
    }
    template <class U>
    static Value to(U&& m) { return detail::map_to<std::unordered_map<K, V, H, E, A>>(std::forward<U>(m)); }
};

template <class... T>
struct Convert<std::tuple<T...>> {
    static std::tuple<T...> from(const Value& value) {
        const auto& items = detail::sequence(value, "tuple");
        if (items.size() != sizeof...(T))
            throw ValueError("expected a tuple of " + std::to_string(sizeof...(T)) + " items, got " +
                             std::to_string(items.size()));
        return from_items(items, std::index_sequence_for<T...>{});
    }
    template <class U>
    static Value to(U&& t) {
        return std::apply([](auto&&... item) {
            return Value::tuple(Value::Items{to_value(std::forward<decltype(item)>(item))...});
        }, std::forward<U>(t));
    }

private:
    template <std::size_t... I>
    static std::tuple<T...> from_items(const Value::Items& items, std::index_sequence<I...>) {
        return std::tuple<T...>(from_value<T>(items[I])...);
    }
};

template <class A, class B>
struct Convert<std::pair<A, B>> {
    static std::pair<A, B> from(const Value& value) {
        const auto& items = detail::sequence(value, "tuple");
        if (items.size() != 2) throw ValueError("expected a pair, got " + std::to_string(items.size()) + " items");
        return std::pair<A, B>(from_value<A>(items[0]), from_value<B>(items[1]));
    }
    template <class U>
    static Value to(U&& p) {
        return Value::tuple(Value::Items{to_value(std::forward<U>(p).first), to_value(std::forward<U>(p).second)});
    }
};

template <class... T>
struct Convert<std::variant<T...>> {
    template <class U>
    static Value to(U&& v) {
        return std::visit([](auto&& alternative) { return to_value(std::forward<decltype(alternative)>(alternative)); },
                          std::forward<U>(v));
    }
};

// A callback of the tests (an injected clock, a function to protect), callable with any arguments.
class Callable {
public:
    Callable() = default;
    explicit Callable(std::int64_t ref) : ref_(ref) {}
    template <class... A>
    Value operator()(A&&... args) const {
        return call_test(ref_, std::vector<Value>{to_value(std::forward<A>(args))...});
    }
    Value call(std::vector<Value> args, Kwargs kwargs = {}) const {
        return call_test(ref_, std::move(args), std::move(kwargs));
    }
    std::int64_t ref() const noexcept { return ref_; }

private:
    std::int64_t ref_ = 0;
};

template <>
struct Convert<Callable> {
    static Callable from(const Value& value) {
        if (!value.is_ref()) type_error("a callable", value);
        return Callable(value.ref_id());
    }
    static Value to(const Callable& c) { return Value::ref(c.ref()); }
};

template <class R, class... A>
struct Convert<std::function<R(A...)>> {
    static std::function<R(A...)> from(const Value& value) {
        Callable callable = Convert<Callable>::from(value);
        return [callable](A... args) -> R {
            if constexpr (std::is_void_v<R>) {
                callable(std::forward<A>(args)...);
            } else {
                return from_value<R>(callable(std::forward<A>(args)...));
            }
        };
    }
};

// A decimal number crossing as Python's decimal.Decimal; `text` must be a decimal literal ("1.5", "-2E+3").
struct Decimal {
    std::string text;
};
bool is_decimal_literal(std::string_view text) noexcept;

template <>
struct Convert<Decimal> {
    static Decimal from(const Value& value) {
        if (value.kind() == Kind::Decimal) return Decimal{value.text()};
        if (value.kind() == Kind::Int || value.kind() == Kind::BigInt) return Decimal{value.repr()};
        type_error("Decimal", value);
    }
    static Value to(const Decimal& d) {
        if (!is_decimal_literal(d.text)) throw TypeError("not a decimal number: \"" + d.text.substr(0, 80) + "\"");
        return Value::decimal(d.text);
    }
};

// --- binding C++ callables ----------------------------------------------------------------------------------------

namespace detail {

template <class F>
struct Signature : Signature<decltype(&std::decay_t<F>::operator())> {};
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const> { using Return = R; using Params = std::tuple<A...>; };
template <class C, class R, class... A>
struct Signature<R (C::*)(A...)> { using Return = R; using Params = std::tuple<A...>; };
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) const noexcept> { using Return = R; using Params = std::tuple<A...>; };
template <class C, class R, class... A>
struct Signature<R (C::*)(A...) noexcept> { using Return = R; using Params = std::tuple<A...>; };
template <class R, class... A>
struct Signature<R (*)(A...)> { using Return = R; using Params = std::tuple<A...>; };
template <class R, class... A>
struct Signature<R (*)(A...) noexcept> { using Return = R; using Params = std::tuple<A...>; };
template <class R, class... A>
struct Signature<R(A...)> { using Return = R; using Params = std::tuple<A...>; };

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T, class = void>
struct ByReference : std::false_type {};
template <class T>
struct ByReference<T, std::enable_if_t<Convert<T>::by_reference>> : std::true_type {};

// Where argument conversion has got to, so that a conversion error names its argument and an error the called
// code raises passes unchanged.
struct Progress {
    const Args* args;
    std::size_t at = 0;
    bool converting = false;
};

[[noreturn]] void missing_argument();
[[noreturn]] void conversion_error(const PyError& error, const std::string& what, const std::string& name);
void report_mutation(const Progress& progress, std::size_t index, const Value& original, Value now);

// One argument of a call, converted for the C++ parameter P; it lives until the call's full expression ends.
template <class P>
class Arg {
    using T = std::remove_cv_t<std::remove_reference_t<P>>;
    // Bound to the argument itself, no copy: registered objects, and Values taken by const reference.
    static constexpr bool view = ByReference<T>::value ||
        (std::is_same_v<T, Value> && std::is_lvalue_reference_v<P> && std::is_const_v<std::remove_reference_t<P>>);
    // A non-const reference: the callee may change it, and the tests mirror the change.
    static constexpr bool out = std::is_lvalue_reference_v<P> && !std::is_const_v<std::remove_reference_t<P>> && !view;

public:
    Arg(const Value* value, std::size_t index, Progress& progress) : value_(value), index_(index), progress_(progress) {
        progress.converting = true;
        progress.at = index;
        if (value == nullptr) {
            if constexpr (IsOptional<T>::value || std::is_same_v<T, Value>) storage_.emplace();
            else missing_argument();
        } else if constexpr (view) {
            pointer_ = &Convert<T>::from(deref(*value));
        } else {
            storage_.emplace(from_value<T>(*value));
        }
        progress.converting = false;
    }
    Arg(const Arg&) = delete;
    Arg& operator=(const Arg&) = delete;
    ~Arg() {
        if constexpr (out) {
            if (value_ != nullptr && storage_ && progress_.args->mutated != nullptr) {
                try {
                    report_mutation(progress_, index_, *value_, to_value(*storage_));
                } catch (...) {
                }
            }
        }
    }
    P get() {
        if constexpr (view) {
            if (pointer_ == nullptr) return static_cast<P>(*storage_);
            return static_cast<P>(*pointer_);
        } else if constexpr (std::is_lvalue_reference_v<P>) {
            return *storage_;
        } else {
            return static_cast<P>(std::move(*storage_));
        }
    }

private:
    std::optional<T> storage_;
    std::conditional_t<std::is_same_v<T, Value>, const T*, T*> pointer_ = nullptr;
    const Value* value_;
    std::size_t index_;
    Progress& progress_;
};

// Positional and keyword arguments matched to the parameter names; nullptr for one not given.
void match(const std::string& what, const std::vector<std::string>& names, const Args& args, const Value** out);
std::vector<std::string> parameter_names(std::initializer_list<const char*> names, std::size_t arity);

template <class T>
T& self_of(Object* self) {
    auto* instance = dynamic_cast<Instance<T>*>(self);
    if (instance == nullptr) throw TypeError("a method called on an object of another class");
    return instance->value;
}

// A C++ callable bound to the wire: Skip = 1 for a method (its first parameter is the object of class Self).
template <class F, class Self>
class Bound final : public Invoker::Base {
    using Sig = Signature<F>;
    using Params = typename Sig::Params;
    static constexpr std::size_t Skip = std::is_void_v<Self> ? 0 : 1;
    static constexpr std::size_t N = std::tuple_size_v<Params> - Skip;

public:
    Bound(std::string what, std::initializer_list<const char*> names, F f)
        : what_(std::move(what)), names_(parameter_names(names, N)), f_(std::move(f)) {}

    Value call(Object* self, const Args& args) override { return call(self, args, std::make_index_sequence<N>{}); }

private:
    template <std::size_t... I>
    Value call(Object* self, const Args& args, std::index_sequence<I...>) {
        const Value* given[N + 1] = {};
        match(what_, names_, args, given);
        Progress progress{&args};
        try {
            if constexpr (std::is_void_v<Self>) {
                return invoke([&]() -> decltype(auto) {
                    return f_(Arg<std::tuple_element_t<I, Params>>(given[I], I, progress).get()...);
                });
            } else {
                Self& object = self_of<Self>(self);
                return invoke([&]() -> decltype(auto) {
                    return f_(object, Arg<std::tuple_element_t<I + 1, Params>>(given[I], I, progress).get()...);
                });
            }
        } catch (const PyError& error) {
            if (progress.converting) conversion_error(error, what_, names_[progress.at]);
            throw;
        }
    }

    template <class Call>
    static Value invoke(Call&& call) {
        if constexpr (std::is_void_v<typename Sig::Return>) {
            call();
            return Value();
        } else {
            return to_value(call());
        }
    }

    std::string what_;
    std::vector<std::string> names_;
    F f_;
};

}  // namespace detail

// A function of the module: every parameter comes from the call's arguments.
template <class F>
Invoker bind_function(std::string what, std::initializer_list<const char*> names, F f) {
    return Invoker(std::make_unique<detail::Bound<F, void>>(std::move(what), names, std::move(f)));
}

// A method: the first parameter is the object (T& or const T&), the others come from the call's arguments.
template <class T, class F>
Invoker bind_method(std::string what, std::initializer_list<const char*> names, F f) {
    static_assert(std::tuple_size_v<typename detail::Signature<F>::Params> >= 1,
                  "a method's first parameter is the object (T& or const T&)");
    return Invoker(std::make_unique<detail::Bound<F, T>>(std::move(what), names, std::move(f)));
}

// --- the registration table ---------------------------------------------------------------------------------------

class Module;

template <class T>
class ClassBuilder {
public:
    ClassBuilder(Module& module, ClassInfo& info) : module_(module), info_(info) {}

    // The constructor: `make` returns a T (or anything T can be built from) from the call's arguments.
    template <class F>
    ClassBuilder& init(std::initializer_list<const char*> names, F make) {
        info_.init = make_init(info_.name, names, std::move(make), &info_,
                               std::type_identity<typename detail::Signature<F>::Params>{});
        return *this;
    }
    template <class F>
    ClassBuilder& init(F make) { return init({}, std::move(make)); }

    template <class F>
    ClassBuilder& method(const std::string& name, std::initializer_list<const char*> names, F f) {
        info_.add_method(name, bind_method<T>(info_.qualified(name), names, std::move(f)));
        return *this;
    }
    template <class F>
    ClassBuilder& method(const std::string& name, F f) { return method(name, {}, std::move(f)); }

    // A method that takes its arguments as they come (variadic: `call(fn, *args, **kwargs)`).
    template <class F>
    ClassBuilder& raw_method(const std::string& name, F f) {
        struct Raw final : Invoker::Base {
            explicit Raw(F fn) : f(std::move(fn)) {}
            Value call(Object* self, const Args& args) override { return to_value(f(detail::self_of<T>(self), args)); }
            F f;
        };
        info_.add_method(name, Invoker(std::make_unique<Raw>(std::move(f))));
        return *this;
    }

    // An attribute the tests read (`obj.state`), optionally also written.
    template <class G>
    ClassBuilder& property(const std::string& name, G getter) {
        info_.add_getter(name, bind_method<T>(info_.qualified(name), {}, std::move(getter)));
        return *this;
    }
    template <class G, class S>
    ClassBuilder& property(const std::string& name, G getter, S setter) {
        property(name, std::move(getter));
        using Params = typename detail::Signature<S>::Params;
        using V = std::remove_cv_t<std::remove_reference_t<std::tuple_element_t<1, Params>>>;
        info_.setters[name] = [setter = std::move(setter)](Object* self, const Value& value) mutable {
            setter(detail::self_of<T>(self), from_value<V>(value));
        };
        return *this;
    }

private:
    template <class F, class... P>
    static Invoker make_init(const std::string& name, std::initializer_list<const char*> names, F make,
                             const ClassInfo* cls, std::type_identity<std::tuple<P...>>) {
        return bind_function(name, names, [make = std::move(make), cls](P... args) mutable -> Value {
            auto object = std::make_shared<Instance<T>>(std::in_place, [&]() -> T {
                return make(std::forward<P>(args)...);
            });
            object->cls = cls;
            return Value::object(std::move(object));
        });
    }

    Module& module_;
    ClassInfo& info_;
};

// What crosses for an exception: the builtin type, the solution's own class name (or empty), the builtin
// bases nearest first, the message; or the reference of a test exception that propagated unchanged.
struct Raised {
    std::string type;
    std::string own_class;
    std::vector<std::string> bases;
    std::string message;
    std::int64_t ref = 0;
};

using Translator = std::function<bool(const std::exception_ptr&, Raised&)>;


// The builtin ancestors of a builtin exception type, itself first ("KeyError" -> KeyError, LookupError, Exception).
std::vector<std::string> builtin_bases(const std::string& type);

class Module {
public:
    template <class T>
    ClassBuilder<T> cls(const std::string& name) {
        return ClassBuilder<T>(*this, add_class(name, std::type_index(typeid(T))));
    }

    template <class F>
    Module& function(const std::string& name, std::initializer_list<const char*> names, F f) {
        add_function(name, bind_function(name, names, std::move(f)));
        return *this;
    }
    template <class F>
    Module& function(const std::string& name, F f) { return function(name, {}, std::move(f)); }

    // An exception class of the exercise (`class CircuitOpenError(Exception)`): the tests import it by name, and
    // a thrown E crosses as it. `bases` are its builtin bases, nearest first. Register subclasses first.
    template <class E>
    Module& exception(const std::string& name, std::vector<std::string> bases = {"Exception"}) {
        ClassInfo& info = add_class(name, std::nullopt);
        info.exception_bases = bases;
        translators_.push_back([name, bases](const std::exception_ptr& error, Raised& out) {
            try {
                std::rethrow_exception(error);
            } catch (const E& e) {
                out.type = bases.empty() ? "Exception" : bases.front();
                out.own_class = name;
                out.bases = bases;
                if constexpr (std::is_base_of_v<std::exception, E>) out.message = e.what();
                return true;
            } catch (...) {
                return false;
            }
        });
        return *this;
    }

    // A C++ exception type that crosses as the builtin `type` (for example std::out_of_range as LookupError).
    template <class E>
    Module& translate(const std::string& type) {
        translators_.push_back([type](const std::exception_ptr& error, Raised& out) {
            try {
                std::rethrow_exception(error);
            } catch (const E& e) {
                out.type = type;
                out.bases = builtin_bases(type);
                if constexpr (std::is_base_of_v<std::exception, E>) out.message = e.what();
                return true;
            } catch (...) {
                return false;
            }
        });
        return *this;
    }

    // --- for the runtime
    const ClassInfo* find_class(std::string_view name) const;
    const Invoker* find_function(std::string_view name) const;
    const ClassInfo* find_type(std::type_index type) const;
    const std::vector<Translator>& translators() const { return translators_; }

private:
    ClassInfo& add_class(const std::string& name, std::optional<std::type_index> type);
    void add_function(const std::string& name, Invoker invoker);

    std::map<std::string, std::unique_ptr<ClassInfo>, std::less<>> classes_;
    std::map<std::string, Invoker, std::less<>> functions_;
    std::unordered_map<std::type_index, const ClassInfo*> types_;
    std::vector<Translator> translators_;
};

// --- small helpers for adapters -------------------------------------------------------------------------------------

// `n` as a size for a parameter the contract requires to be at least `minimum`: below it raises ValueError
// (a negative capacity must not wrap around in std::size_t).
inline std::size_t at_least(std::int64_t n, std::int64_t minimum, const char* what) {
    if (n < minimum)
        throw ValueError(std::string(what) + " must be at least " + std::to_string(minimum) + ", got " +
                         std::to_string(n));
    return static_cast<std::size_t>(n);
}

// A non-negative count for a parameter whose zero the candidate's code must judge itself (zero passes through;
// a negative number, which std::size_t cannot hold, raises ValueError as the contract's check would).
inline std::size_t non_negative(std::int64_t n, const char* what) { return at_least(n, 0, what); }

}  // namespace drillkit

// The adapter's registration table: DRILLKIT_MODULE(m) { m.cls<...>("Name")...; }
#define DRILLKIT_MODULE(m) void drillkit_module(::drillkit::Module& m)
void drillkit_module(::drillkit::Module& m);
