// The C++ driver: runs in the solution process, serves the test process over the wire protocol
// (sandbox/protocol.md) with the candidate's code, compiled together with the exercise's adapter.
//
// Everything here is on the untrusted side of the boundary: the candidate's code shares this process and can
// change any of it. The test process believes nothing this driver says beyond the values it returns.
//
// Fresh program state per test: after start-up the driver forks a child for every test session (`reset`); the
// child answers that test's calls and exits at `end`, so each test sees the program as it was right after start.
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <iostream>
#include <malloc.h>
#include <new>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wire.hpp"

// --- memory accounting (the `memory` option of a batch) ---------------------------------------------------------
// Every allocation through operator new is counted, so a batch can report how much its calls still hold.

namespace {
std::atomic<std::int64_t> g_live_bytes{0};
}

void* operator new(std::size_t size) {
    void* p;
    while ((p = std::malloc(size != 0 ? size : 1)) == nullptr) {
        std::new_handler handler = std::get_new_handler();
        if (handler == nullptr) throw std::bad_alloc();
        handler();
    }
    g_live_bytes.fetch_add(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
    return p;
}

void operator delete(void* p) noexcept {
    if (p == nullptr) return;
    g_live_bytes.fetch_sub(static_cast<std::int64_t>(malloc_usable_size(p)), std::memory_order_relaxed);
    std::free(p);
}

void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace drillkit {

namespace {

using wire::field;
using wire::ProtocolError;

constexpr int SESSION_ENDED = 86;  // a session child's exit code after `end`; any other means it died

struct Closed : ProtocolError {
    using ProtocolError::ProtocolError;
};

Module g_module;

void flush_output() {
    try {
        std::cout.flush();
        std::cerr.flush();
        std::clog.flush();
    } catch (...) {  // a candidate that broke its streams only loses its own output
    }
    std::fflush(nullptr);
}

std::string demangle(const char* name) {
    int status = 0;
    char* out = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string result = status == 0 && out != nullptr ? out : name;
    std::free(out);
    return result;
}

ClassInfo g_stored_class{"StoredValue", "drillkit.StoredValue", {}, {}, {}, {}, {}};
ClassInfo g_prepared_class{"PreparedCalls", "drillkit.PreparedCalls", {}, {}, {}, {}, {}};

// A batch's calls in columns, kept between `prepare` and `batch`.
class Prepared final : public Object {
public:
    std::vector<std::string> names;
    std::vector<std::int64_t> which;  // empty: every call uses names[0]
    std::vector<std::int64_t> arity;  // per call; empty when `uniform` applies
    std::int64_t uniform = -1;        // one method, always this many arguments
    std::int64_t count = 0;
    Value::Items args;
};

// --- the channel ------------------------------------------------------------------------------------------------

class Channel {
public:
    explicit Channel(int fd) : fd_(fd) {}

    void send(const std::string& line) {
        std::string data = line;
        data += '\n';
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw Closed("the channel is closed");
            }
            sent += static_cast<std::size_t>(n);
        }
    }

    // The next message's line. The two sides take turns, so nothing after it is ever buffered here: a fork
    // after reading a message leaves no bytes of the next one behind in either process.
    std::string recv() {
        while (true) {
            const std::size_t end = buffer_.find('\n', searched_);
            if (end != std::string::npos) {
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, end + 1);
                searched_ = 0;
                return line;
            }
            searched_ = buffer_.size();
            const std::size_t chunk = std::max<std::size_t>(1 << 16, std::min<std::size_t>(buffer_.size(), 1 << 25));
            const std::size_t old = buffer_.size();
            buffer_.resize(old + chunk);
            const ssize_t n = ::read(fd_, buffer_.data() + old, chunk);
            if (n < 0) {
                buffer_.resize(old);
                if (errno == EINTR) continue;
                throw Closed("the channel is closed");
            }
            buffer_.resize(old + static_cast<std::size_t>(n));
            if (n == 0) throw Closed("the other side closed the channel");
        }
    }

private:
    int fd_;
    std::string buffer_;
    std::size_t searched_ = 0;
};

std::string json_string(std::string_view s) {
    std::string out;
    wire::write_string(s, out);
    return out;
}

// --- the driver -------------------------------------------------------------------------------------------------

class Driver {
public:
    explicit Driver(int fd) : channel_(fd) {}

    Channel& channel() { return channel_; }

    // --- values

    Value decode(Value&& raw, int depth = 0) {
        switch (raw.kind()) {
            case Kind::None:
            case Kind::Bool:
            case Kind::Int:
            case Kind::BigInt:
            case Kind::Str:
            case Kind::Float: return std::move(raw);
            case Kind::List: break;
            default: throw ProtocolError("a value that is neither plain JSON nor a tagged array");
        }
        if (depth > wire::MAX_DEPTH) throw ProtocolError("a value nested deeper than 64 levels");
        Value::Items& items = raw.items();
        if (items.empty() || !items[0].is_str()) throw ProtocolError("a value that is neither plain JSON nor a tagged array");
        const std::string tag = items[0].as_str();
        if (items.size() < 2) throw ProtocolError("a '" + tag + "' value without its content");
        Value& body = items[1];
        if (tag == "list" || tag == "tuple" || tag == "set" || tag == "frozenset") {
            if (body.kind() != Kind::List) throw ProtocolError("a '" + tag + "' whose items are not an array");
            Value::Items out = std::move(body.items());
            for (Value& item : out) {
                if (item.kind() == Kind::List || item.kind() == Kind::Dict) item = decode(std::move(item), depth + 1);
            }
            if (tag == "list") return Value::list(std::move(out));
            if (tag == "tuple") return Value::tuple(std::move(out));
            if (tag == "set") return Value::set(std::move(out));
            return Value::frozenset(std::move(out));
        }
        if (tag == "ints") {
            if (!body.is_str()) throw ProtocolError("an 'ints' value that is not a base64 string");
            const std::string raw_bytes = wire::base64_decode(body.as_str());
            if (raw_bytes.size() % 8 != 0) throw ProtocolError("an 'ints' value whose length is not a multiple of 8 bytes");
            Value::Items out;
            out.reserve(raw_bytes.size() / 8);
            for (std::size_t i = 0; i < raw_bytes.size(); i += 8) {
                std::uint64_t u = 0;
                for (int k = 7; k >= 0; --k) u = (u << 8) | static_cast<unsigned char>(raw_bytes[i + k]);
                out.emplace_back(static_cast<std::int64_t>(u));
            }
            return Value::list(std::move(out));
        }
        if (tag == "rows") {
            if (!body.is_int() || body.as_int() < 1 || body.as_int() > 64 || items.size() != 3 ||
                items[2].kind() != Kind::List || items[2].items().size() % body.as_int() != 0)
                throw ProtocolError("a malformed 'rows' value");
            const auto width = static_cast<std::size_t>(body.as_int());
            Value::Items& flat = items[2].items();
            Value::Items out;
            out.reserve(flat.size() / width);
            for (std::size_t i = 0; i < flat.size(); i += width) {
                Value::Items row;
                row.reserve(width);
                for (std::size_t k = 0; k < width; ++k) {
                    Value& item = flat[i + k];
                    const Kind kind = item.kind();
                    if (kind != Kind::None && kind != Kind::Bool && kind != Kind::Int && kind != Kind::BigInt && kind != Kind::Str)
                        throw ProtocolError("a 'rows' value with items that are not plain");
                    row.push_back(std::move(item));
                }
                out.push_back(Value::tuple(std::move(row)));
            }
            return Value::list(std::move(out));
        }
        if (tag == "dict") {
            if (body.kind() != Kind::List) throw ProtocolError("a 'dict' whose items are not an array");
            Value::Items flat;
            flat.reserve(2 * body.items().size());
            for (Value& pair : body.items()) {
                if (pair.kind() != Kind::List || pair.items().size() != 2)
                    throw ProtocolError("a 'dict' item that is not a [key, value] pair");
                flat.push_back(decode(std::move(pair.items()[0]), depth + 1));
                flat.push_back(decode(std::move(pair.items()[1]), depth + 1));
            }
            return Value::dict(std::move(flat));
        }
        if (tag == "float") {
            if (body.kind() == Kind::Int || body.kind() == Kind::Float || body.kind() == Kind::BigInt) return Value(body.as_float());
            if (body.is_str()) {
                const std::string& s = body.as_str();
                if (s == "nan") return Value(std::nan(""));
                if (s == "inf") return Value(HUGE_VAL);
                if (s == "-inf") return Value(-HUGE_VAL);
            }
            throw ProtocolError("a 'float' that is not a number");
        }
        if (tag == "decimal") {
            if (!body.is_str() || body.as_str().size() > 4096) throw ProtocolError("a 'decimal' that is not a short string");
            return Value::decimal(body.as_str());
        }
        if (tag == "bytes") {
            if (!body.is_str()) throw ProtocolError("a 'bytes' that is not a base64 string");
            return Value::bytes(wire::base64_decode(body.as_str()));
        }
        if (tag == "ref") {
            if (!body.is_int()) throw ProtocolError("a malformed 'ref'");
            return Value::ref(body.as_int());
        }
        if (tag == "obj") {
            if (!body.is_int()) throw ProtocolError("a malformed object handle");
            auto found = objects_.find(body.as_int());
            if (found == objects_.end()) throw ProtocolError("no object " + std::to_string(body.as_int()) + " in this solution process");
            return Value::object(found->second);
        }
        throw ProtocolError("an unknown value tag '" + tag.substr(0, 40) + "'");
    }

    void encode(const Value& v, std::string& out, int depth = 0) {
        if (depth > wire::MAX_DEPTH + 1) throw ValueError("a result nested deeper than 64 levels");
        switch (v.kind()) {
            case Kind::None: out += "null"; return;
            case Kind::Bool: out += v.as_bool() ? "true" : "false"; return;
            case Kind::Int: {
                char buf[24];
                auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.as_int());
                out.append(buf, end);
                return;
            }
            case Kind::BigInt: out += v.text(); return;
            case Kind::Float: {
                const double f = v.as_float();
                out += "[\"float\",";
                if (std::isnan(f)) out += "\"nan\"";
                else if (std::isinf(f)) out += f > 0 ? "\"inf\"" : "\"-inf\"";
                else wire::write_float(f, out);
                out += ']';
                return;
            }
            case Kind::Str: wire::write_string(v.as_str(), out); return;
            case Kind::Bytes: out += "[\"bytes\",\"" + wire::base64_encode(v.text()) + "\"]"; return;
            case Kind::Decimal: out += "[\"decimal\","; wire::write_string(v.text(), out); out += ']'; return;
            case Kind::List:
                if (encode_packed(v.items(), out)) return;
                [[fallthrough]];
            case Kind::Tuple:
            case Kind::Set:
            case Kind::FrozenSet: {
                out += '[';
                wire::write_string(kind_name(v.kind()), out);
                out += ",[";
                bool first = true;
                for (const Value& item : v.items()) {
                    if (!first) out += ',';
                    first = false;
                    encode(item, out, depth + 1);
                }
                out += "]]";
                return;
            }
            case Kind::Dict: {
                out += "[\"dict\",[";
                const auto& flat = v.items();
                for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
                    if (i) out += ',';
                    out += '[';
                    encode(flat[i], out, depth + 1);
                    out += ',';
                    encode(flat[i + 1], out, depth + 1);
                    out += ']';
                }
                out += "]]";
                return;
            }
            case Kind::Ref: out += "[\"ref\"," + std::to_string(v.ref_id()) + "]"; return;
            case Kind::Obj: encode_object(v.object(), out); return;
        }
    }

    // A long list of ints as "ints", a list of equal-length tuples of plain values as "rows".
    bool encode_packed(const Value::Items& items, std::string& out) {
        if (items.empty()) return false;
        if (items.size() >= wire::INTS_MIN && items[0].kind() == Kind::Int) {
            std::string bytes;
            bytes.resize(items.size() * 8);
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (items[i].kind() != Kind::Int) return false;
                auto u = static_cast<std::uint64_t>(items[i].as_int());
                for (int k = 0; k < 8; ++k) bytes[i * 8 + k] = static_cast<char>((u >> (8 * k)) & 0xFF);
            }
            out += "[\"ints\",\"" + wire::base64_encode(bytes) + "\"]";
            return true;
        }
        if (items[0].kind() != Kind::Tuple) return false;
        const std::size_t width = items[0].items().size();
        if (width == 0 || width > 64) return false;
        for (const Value& row : items) {
            if (row.kind() != Kind::Tuple || row.items().size() != width) return false;
            for (const Value& item : row.items()) {
                const Kind k = item.kind();
                if (k != Kind::None && k != Kind::Bool && k != Kind::Int && k != Kind::BigInt && k != Kind::Str) return false;
            }
        }
        out += "[\"rows\"," + std::to_string(width) + ",[";
        bool first = true;
        for (const Value& row : items) {
            for (const Value& item : row.items()) {
                if (!first) out += ',';
                first = false;
                encode(item, out, 1);
            }
        }
        out += "]]";
        return true;
    }

    std::int64_t handle_for(const std::shared_ptr<Object>& object) {
        auto found = ids_.find(object.get());
        if (found != ids_.end()) return found->second;
        const std::int64_t handle = next_handle_++;
        ids_[object.get()] = handle;
        objects_[handle] = object;
        return handle;
    }

    void encode_object(const std::shared_ptr<Object>& object, std::string& out) {
        const std::int64_t handle = handle_for(object);
        const ClassInfo* cls = object->cls != nullptr ? object->cls : &g_stored_class;
        out += "[\"obj\"," + std::to_string(handle) + ",";
        wire::write_string(cls->key, out);
        if (described_.insert(cls->key).second) {
            out += ',';
            out += raw_description(*cls);
        }
        out += ']';
    }

    static std::string raw_description(const ClassInfo& cls) {
        std::string out = "{\"name\":" + json_string(cls.name) + ",\"key\":" + json_string(cls.key) + ",\"methods\":[";
        bool first = true;
        for (const auto& [name, _] : cls.methods) {
            if (!first) out += ',';
            first = false;
            out += json_string(name);
        }
        out += "],\"exception\":";
        if (cls.exception_bases.empty()) {
            out += "null";
        } else {
            out += '[';
            for (std::size_t i = 0; i < cls.exception_bases.size(); ++i) {
                if (i) out += ',';
                out += json_string(cls.exception_bases[i]);
            }
            out += ']';
        }
        return out + "}";
    }

    static Value description(const ClassInfo& cls) {
        Value::Items methods;
        for (const auto& [name, _] : cls.methods) methods.emplace_back(name);
        Value exception;
        if (!cls.exception_bases.empty()) {
            Value::Items bases;
            for (const auto& base : cls.exception_bases) bases.emplace_back(base);
            exception = Value::list(std::move(bases));
        }
        return Value::dict({Value("kind"), Value("class"), Value("name"), Value(cls.name), Value("key"), Value(cls.key),
                            Value("methods"), Value::list(std::move(methods)), Value("exception"), std::move(exception)});
    }

    // --- exceptions

    static Raised translate(const std::exception_ptr& error) {
        Raised out;
        try {  // a test's own exception that came back unchanged: the tests get their object back
            std::rethrow_exception(error);
        } catch (const TestException& e) {
            out.ref = e.ref();
            out.type = e.type();
            return out;
        } catch (...) {
        }
        for (const Translator& translator : g_module.translators()) {
            if (translator(error, out)) {
                out.message = wire::cut(out.message);
                return out;
            }
        }
        const std::exception* base = nullptr;
        try {
            std::rethrow_exception(error);
        } catch (const PyError& e) {
            out.type = e.type();
            base = &e;
        } catch (const std::invalid_argument& e) {
            out.type = "ValueError";
            base = &e;
        } catch (const std::domain_error& e) {
            out.type = "ValueError";
            base = &e;
        } catch (const std::length_error& e) {
            out.type = "ValueError";
            base = &e;
        } catch (const std::out_of_range& e) {
            out.type = "KeyError";
            base = &e;
        } catch (const std::overflow_error& e) {
            out.type = "OverflowError";
            base = &e;
        } catch (const std::range_error& e) {
            out.type = "ArithmeticError";
            base = &e;
        } catch (const std::underflow_error& e) {
            out.type = "ArithmeticError";
            base = &e;
        } catch (const std::bad_alloc& e) {
            out.type = "MemoryError";
            base = &e;
        } catch (const std::exception& e) {
            out.type = "RuntimeError";
            base = &e;
        } catch (...) {
            const std::type_info* type = abi::__cxa_current_exception_type();
            out.type = "Exception";
            out.message = "a C++ exception of type " + (type != nullptr ? demangle(type->name()) : std::string("?")) +
                          " (not a std::exception)";
            out.bases = {"Exception"};
            return out;
        }
        out.bases = builtin_bases(out.type);
        try {
            out.message = wire::cut(base->what());
        } catch (...) {
            out.message = "<unprintable exception>";
        }
        const std::string name = demangle(typeid(*base).name());
        if (name.rfind("std::", 0) != 0 && name.rfind("__gnu_cxx::", 0) != 0 && name.rfind("drillkit::", 0) != 0)
            out.own_class = name.substr(0, 200);
        return out;
    }

    static std::string raise_json(const Raised& raised) {
        if (raised.ref != 0) return "{\"ref\":" + std::to_string(raised.ref) + "}";
        std::string out = "{\"type\":" + json_string(raised.type) + ",\"message\":" + json_string(raised.message) +
                          ",\"class\":" + (raised.own_class.empty() ? std::string("null") : json_string(raised.own_class)) +
                          ",\"bases\":[";
        for (std::size_t i = 0; i < raised.bases.size(); ++i) {
            if (i) out += ',';
            out += json_string(raised.bases[i]);
        }
        return out + "]}";
    }

    // --- callbacks into the tests

    Value call_test(std::int64_t ref, std::vector<Value> args, const Kwargs& kwargs) {
        const std::int64_t id = next_request_++;
        std::string message = "{\"id\":" + std::to_string(id) + ",\"op\":\"call\",\"target\":[\"ref\"," +
                              std::to_string(ref) + "],\"args\":[";
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) message += ',';
            encode(args[i], message);
        }
        message += "],\"kwargs\":{";
        for (std::size_t i = 0; i < kwargs.size(); ++i) {
            if (i) message += ',';
            wire::write_string(kwargs[i].first, message);
            message += ':';
            encode(kwargs[i].second, message);
        }
        message += "}}";
        flush_output();
        channel_.send(message);
        while (true) {
            Value incoming = wire::parse_json(channel_.recv());
            if (!incoming.is_dict()) throw ProtocolError("a message that is not a JSON object");
            const Value* re = field(incoming, "re");
            if (re != nullptr) {
                if (!(re->is_int() && re->as_int() == id)) throw ProtocolError("an answer to a question that was not asked");
                if (const Value* raised = field(incoming, "raise")) {
                    const Value* type = raised->is_dict() ? field(*raised, "type") : nullptr;
                    const Value* text = raised->is_dict() ? field(*raised, "message") : nullptr;
                    const Value* back = raised->is_dict() ? field(*raised, "ref") : nullptr;
                    const std::string type_name = type != nullptr && type->is_str() ? type->as_str() : "Exception";
                    const std::string message_text = text != nullptr && text->is_str() ? text->as_str() : "";
                    if (back != nullptr && back->is_int()) throw TestException(back->as_int(), type_name, message_text);
                    throw PyError(type_name, message_text);
                }
                Value* ok = const_cast<Value*>(field(incoming, "ok"));
                return ok == nullptr ? Value() : decode(std::move(*ok));
            }
            if (field(incoming, "op") != nullptr) {
                channel_.send(serve(incoming));
                continue;
            }
            throw ProtocolError("an answer to a question that was not asked");
        }
    }

    // --- requests

    std::string serve(Value& message) {
        const Value* id = field(message, "id");
        std::string head = "{\"re\":";
        if (id != nullptr && id->is_int()) head += std::to_string(id->as_int());
        else head += "null";
        std::string extra;
        std::string reply;
        batch_index_ = -1;
        try {
            const Value* op = field(message, "op");
            if (op == nullptr || !op->is_str()) throw ProtocolError("a request without an operation");
            std::string ok = dispatch(op->as_str(), message, extra);
            reply = head + ",\"ok\":" + ok + extra + "}";
        } catch (const ProtocolError&) {
            throw;
        } catch (...) {
            const Raised raised = translate(std::current_exception());
            reply = head + ",\"raise\":" + raise_json(raised);
            if (batch_index_ >= 0) reply += ",\"index\":" + std::to_string(batch_index_);
            if (!mutated_.empty()) reply += mutated_json();
            reply += "}";
        }
        mutated_.clear();
        flush_output();  // what the call printed reaches the output pipe before its answer
        return reply;
    }

    std::string dispatch(const std::string& op, Value& message, std::string& extra) {
        std::string out;
        if (op == "describe") {
            out = describe(message);
        } else if (op == "call" || op == "method") {
            Value result = call(op == "method", message);
            encode(result, out);
            if (!mutated_.empty()) extra += mutated_json();
        } else if (op == "getattr") {
            const auto [self, cls] = target_object(message);
            const std::string name = string_field(message, "name");
            auto getter = cls->getters.find(name);
            if (getter == cls->getters.end())
                throw AttributeError("'" + cls->name + "' object has no attribute '" + name + "'");
            Args args;
            encode(getter->second(self.get(), args), out);
        } else if (op == "setattr") {
            const auto [self, cls] = target_object(message);
            const std::string name = string_field(message, "name");
            Value* value = const_cast<Value*>(field(message, "value"));
            if (value == nullptr) throw ProtocolError("a setattr without a value");
            Value decoded = decode(std::move(*value));
            auto setter = cls->setters.find(name);
            if (setter == cls->setters.end())
                throw AttributeError("cannot set attribute '" + name + "' of '" + cls->name + "' objects");
            setter->second(self.get(), decoded);
            out = "null";
        } else if (op == "iter") {
            encode(iterate(message), out);
        } else if (op == "prepare") {
            auto prepared = columns(message);
            encode(Value::object(std::move(prepared)), out);
        } else if (op == "batch") {
            return batch(message, extra);
        } else if (op == "store") {
            Value* value = const_cast<Value*>(field(message, "value"));
            if (value == nullptr) throw ProtocolError("a store without a value");
            auto stored = std::make_shared<Stored>(decode(std::move(*value)));
            stored->cls = &g_stored_class;
            encode(Value::object(std::move(stored)), out);
        } else if (op == "fetch") {
            Value target = resolve_target(message);
            if (target.is_object()) {
                if (auto* stored = dynamic_cast<Stored*>(target.object().get())) {
                    encode(stored->value, out);
                    return out;
                }
            }
            encode(target, out);
        } else if (op == "end") {
            channel_.send(std::string("{\"re\":") + std::to_string(id_of(message)) + ",\"ok\":null}");
            flush_output();
            ::_exit(SESSION_ENDED);
        } else {
            throw ProtocolError("unknown operation '" + op.substr(0, 40) + "'");
        }
        return out;
    }

    static std::int64_t id_of(const Value& message) {
        const Value* id = field(message, "id");
        return id != nullptr && id->is_int() ? id->as_int() : 0;
    }

    static std::string string_field(const Value& message, std::string_view name) {
        const Value* v = field(message, name);
        if (v == nullptr || !v->is_str()) throw ProtocolError("a request without its '" + std::string(name) + "'");
        return v->as_str();
    }

    // The target: ["name", X] (a class or function of the module), ["module", 0], ["obj", handle].
    Value resolve_target(const Value& message) {
        const Value* target = field(message, "target");
        if (target == nullptr || target->kind() != Kind::List || target->items().size() < 2 || !target->items()[0].is_str())
            throw ProtocolError("a malformed target");
        const std::string& kind = target->items()[0].as_str();
        if (kind == "obj") {
            Value copy = *target;
            return decode(std::move(copy));
        }
        if (kind == "name" || kind == "module") return *target;
        throw ProtocolError("a malformed target");
    }

    std::pair<std::shared_ptr<Object>, const ClassInfo*> target_object(const Value& message) {
        Value target = resolve_target(message);
        if (!target.is_object()) throw TypeError("this operation needs an object of the solution");
        std::shared_ptr<Object> object = target.object();
        const ClassInfo* cls = object->cls != nullptr ? object->cls : &g_stored_class;
        return {std::move(object), cls};
    }

    std::string describe(const Value& message) {
        const Value target = resolve_target(message);
        std::string out;
        if (target.kind() == Kind::List && target.items()[0].as_str() == "name") {
            const Value& name = target.items()[1];
            if (!name.is_str()) throw ProtocolError("a malformed target");
            if (const ClassInfo* cls = g_module.find_class(name.as_str())) {
                encode(description(*cls), out);
                return out;
            }
            if (g_module.find_function(name.as_str()) != nullptr) {
                encode(Value::dict({Value("kind"), Value("function"), Value("name"), name}), out);
                return out;
            }
            throw AttributeError("module 'solution' has no attribute '" + name.as_str().substr(0, 100) + "'");
        }
        encode(Value::dict({Value("kind"), Value("value"), Value("value"), Value()}), out);
        return out;
    }

    struct CallArgs {
        Value::Items positional;
        Kwargs keywords;
    };

    CallArgs call_args(Value& message) {
        CallArgs out;
        if (Value* args = const_cast<Value*>(field(message, "args")); args != nullptr && !args->is_none()) {
            if (args->kind() != Kind::List) throw ProtocolError("arguments that are not an array");
            out.positional = std::move(args->items());
            for (Value& item : out.positional) item = decode(std::move(item));
        }
        if (Value* kwargs = const_cast<Value*>(field(message, "kwargs")); kwargs != nullptr && !kwargs->is_none()) {
            if (!kwargs->is_dict()) throw ProtocolError("keyword arguments that are not an object");
            auto& flat = kwargs->items();
            for (std::size_t i = 0; i + 1 < flat.size(); i += 2)
                out.keywords.emplace_back(flat[i].as_str(), decode(std::move(flat[i + 1])));
        }
        return out;
    }

    Value call(bool is_method, Value& message) {
        const Value target = resolve_target(message);
        CallArgs call_args = this->call_args(message);
        Args args{call_args.positional.data(), call_args.positional.size(), &call_args.keywords, &mutated_};
        if (target.is_object()) {
            const std::shared_ptr<Object>& object = target.object();
            const ClassInfo* cls = object->cls != nullptr ? object->cls : &g_stored_class;
            const std::string name = is_method ? string_field(message, "name") : "__call__";
            auto method = cls->methods.find(name);
            if (method == cls->methods.end()) {
                if (!is_method) throw TypeError("'" + cls->name + "' object is not callable");
                throw AttributeError("'" + cls->name + "' object has no attribute '" + name.substr(0, 100) + "'");
            }
            return method->second(object.get(), args);
        }
        if (target.items()[0].as_str() != "name" || !target.items()[1].is_str()) throw TypeError("the module is not callable");
        const std::string& name = target.items()[1].as_str();
        if (is_method) throw AttributeError("'" + name + "' has no methods the tests can call this way");
        if (const ClassInfo* cls = g_module.find_class(name)) {
            if (!cls->init) throw TypeError("cannot create '" + cls->name + "' instances");
            return cls->init(nullptr, args);
        }
        if (const Invoker* function = g_module.find_function(name)) return (*function)(nullptr, args);
        throw AttributeError("module 'solution' has no attribute '" + name.substr(0, 100) + "'");
    }

    std::string mutated_json() {
        std::string out = ",\"mutated\":[";
        for (std::size_t i = 0; i < mutated_.size(); ++i) {
            if (i) out += ',';
            out += '[';
            encode(mutated_[i].first, out);
            out += ',';
            encode(mutated_[i].second, out);
            out += ']';
        }
        return out + "]";
    }

    Value iterate(const Value& message) {
        Value target = resolve_target(message);
        if (!target.is_object()) throw TypeError("the module is not iterable");
        Object* object = target.object().get();
        if (auto* stored = dynamic_cast<Stored*>(object)) {
            if (stored->value.is_sequence()) return Value::list(stored->value.items());
            if (stored->value.is_dict()) {
                Value::Items keys;
                const auto& flat = stored->value.items();
                for (std::size_t i = 0; i < flat.size(); i += 2) keys.push_back(flat[i]);
                return Value::list(std::move(keys));
            }
            throw TypeError(std::string("'") + stored->value.type_name() + "' object is not iterable");
        }
        const ClassInfo* cls = object->cls;
        if (cls == nullptr || cls->methods.find("__iter__") == cls->methods.end())
            throw TypeError("'" + (cls != nullptr ? cls->name : std::string("object")) + "' object is not iterable");
        auto method = cls->methods.find("__iter__");
        Args args;
        Value items = method->second(object, args);
        if (items.is_sequence()) return Value::list(items.items());
        throw TypeError("__iter__ did not give a sequence");
    }

    // --- batches

    std::vector<std::int64_t> int_column(Value* data) {
        std::vector<std::int64_t> out;
        Value column = decode(std::move(*data));
        if (!column.is_sequence()) throw ProtocolError("a batch column that is not a list of integers");
        out.reserve(column.items().size());
        for (const Value& item : column.items()) {
            if (!item.is_int()) throw ProtocolError("a batch column that is not a list of integers");
            out.push_back(item.as_int());
        }
        return out;
    }

    std::shared_ptr<Prepared> columns(Value& message) {
        auto calls = std::make_shared<Prepared>();
        calls->cls = &g_prepared_class;
        const Value* names = field(message, "names");
        if (names == nullptr || names->kind() != Kind::List) throw ProtocolError("a batch without its method names");
        for (const Value& name : names->items()) {
            if (!name.is_str()) throw ProtocolError("a method name that is not a string");
            calls->names.push_back(name.as_str());
        }
        const Value* count = field(message, "count");
        Value* args = const_cast<Value*>(field(message, "args"));
        if (count == nullptr || !count->is_int() || count->as_int() < 0 || args == nullptr)
            throw ProtocolError("a batch without its arguments or its count");
        calls->count = count->as_int();
        Value decoded = decode(std::move(*args));
        if (decoded.kind() != Kind::List) throw ProtocolError("a batch without its arguments or its count");
        calls->args = std::move(decoded.items());
        if (Value* which = const_cast<Value*>(field(message, "which")); which != nullptr && !which->is_none()) {
            calls->which = int_column(which);
            for (const std::int64_t w : calls->which) {
                if (w < 0 || w >= static_cast<std::int64_t>(calls->names.size()))
                    throw ProtocolError("a batch call of a method it does not name");
            }
            if (static_cast<std::int64_t>(calls->which.size()) != calls->count) throw ProtocolError("a batch whose columns disagree");
        } else if (calls->names.size() > 1) {
            calls->which.assign(static_cast<std::size_t>(calls->count), 0);
        }
        const Value* arities = field(message, "arities");
        Value* arity = const_cast<Value*>(field(message, "arity"));
        std::int64_t total = 0;
        if (arity == nullptr || arity->is_none()) {
            if (arities == nullptr || arities->kind() != Kind::List || arities->items().size() != calls->names.size())
                throw ProtocolError("a batch without the argument count of each method");
            std::vector<std::int64_t> per_method;
            for (const Value& a : arities->items()) {
                if (!a.is_int() || a.as_int() < 0) throw ProtocolError("a batch without the argument count of each method");
                per_method.push_back(a.as_int());
            }
            if (calls->names.size() == 1) {
                calls->uniform = per_method[0];
                total = calls->uniform * calls->count;
            } else {
                calls->arity.reserve(calls->which.size());
                for (const std::int64_t w : calls->which) {
                    calls->arity.push_back(per_method[static_cast<std::size_t>(w)]);
                    total += calls->arity.back();
                }
            }
        } else {
            calls->arity = int_column(arity);
            if (static_cast<std::int64_t>(calls->arity.size()) != calls->count) throw ProtocolError("a batch whose columns disagree");
            for (const std::int64_t a : calls->arity) {
                if (a < 0) throw ProtocolError("a batch call with a negative argument count");
                total += a;
            }
        }
        if (total != static_cast<std::int64_t>(calls->args.size())) throw ProtocolError("a batch whose columns disagree");
        return calls;
    }

    std::string batch(Value& message, std::string& extra) {
        const Value target = resolve_target(message);
        Object* self = nullptr;
        const ClassInfo* cls = nullptr;
        if (target.is_object()) {
            self = target.object().get();
            cls = self->cls != nullptr ? self->cls : &g_stored_class;
        } else if (target.items()[0].as_str() != "module") {
            throw TypeError("a batch runs against a solution object or the solution module");
        }
        auto bind = [&](const std::string& name) -> const Invoker* {
            if (cls != nullptr) {
                auto found = cls->methods.find(name);
                if (found == cls->methods.end())
                    throw AttributeError("'" + cls->name + "' object has no attribute '" + name.substr(0, 100) + "'");
                return &found->second;
            }
            const Invoker* function = g_module.find_function(name);
            if (function == nullptr) throw AttributeError("module 'solution' has no attribute '" + name.substr(0, 100) + "'");
            return function;
        };
        const Value* discard = field(message, "discard");
        const Value* memory = field(message, "memory");
        const bool keep = !(discard != nullptr && discard->is_bool() && discard->as_bool());
        const bool measure = memory != nullptr && memory->is_bool() && memory->as_bool();
        Value::Items results;
        std::int64_t before = 0;
        if (const Value* range = field(message, "range")) {
            if (range->kind() != Kind::List || range->items().size() != 3) throw ProtocolError("a malformed range");
            const std::int64_t start = range->items()[0].as_int(), stop = range->items()[1].as_int(),
                               step = range->items()[2].as_int();
            if (step == 0) throw ValueError("range() arg 3 must not be zero");
            const Invoker* method = bind(string_field(message, "method"));
            if (measure) before = g_live_bytes.load();
            std::int64_t index = 0;
            Value arg;
            Args args{&arg, 1, nullptr, nullptr};
            for (std::int64_t n = start; step > 0 ? n < stop : n > stop; n += step, ++index) {
                arg = Value(n);
                try {
                    Value result = (*method)(self, args);
                    if (keep) results.push_back(std::move(result));
                } catch (...) {
                    batch_index_ = index;
                    throw;
                }
            }
        } else {
            std::shared_ptr<Prepared> owned;
            const Prepared* calls;
            if (const Value* prepared = field(message, "prepared")) {
                Value copy = *prepared;
                Value resolved = decode(std::move(copy));
                calls = resolved.is_object() ? dynamic_cast<const Prepared*>(resolved.object().get()) : nullptr;
                if (calls == nullptr) throw ProtocolError("a batch of something that is not a prepared batch");
                owned = std::static_pointer_cast<Prepared>(resolved.object());
            } else {
                owned = columns(message);
                calls = owned.get();
            }
            std::vector<const Invoker*> bound;
            for (const std::string& name : calls->names) bound.push_back(bind(name));
            if (measure) before = g_live_bytes.load();
            if (keep) results.reserve(static_cast<std::size_t>(calls->count));
            std::size_t position = 0;
            Args args;
            for (std::int64_t i = 0; i < calls->count; ++i) {
                const std::size_t w = calls->which.empty() ? 0 : static_cast<std::size_t>(calls->which[i]);
                const auto n = static_cast<std::size_t>(calls->uniform >= 0 ? calls->uniform : calls->arity[i]);
                args.positional = calls->args.data() + position;
                args.count = n;
                try {
                    Value result = (*bound[w])(self, args);
                    if (keep) results.push_back(std::move(result));
                } catch (...) {
                    batch_index_ = i;
                    throw;
                }
                position += n;
            }
        }
        if (measure) extra += ",\"memory\":{\"traced_bytes\":" + std::to_string(g_live_bytes.load() - before) + "}";
        if (!keep) return "null";
        std::string out;
        encode(Value::list(std::move(results)), out);
        return out;
    }

    // --- sessions

    [[noreturn]] void serve_forever() {
        while (true) {
            Value message = wire::parse_json(channel_.recv());
            if (!message.is_dict()) throw ProtocolError("a message that is not a JSON object");
            const Value* op = field(message, "op");
            if (op != nullptr && op->is_str() && op->as_str() == "reset") {
                fork_session(id_of(message));
                continue;
            }
            channel_.send(serve(message));
        }
    }

    void fork_session(std::int64_t id) {
        flush_output();
        const pid_t child = ::fork();
        if (child < 0) {  // no fork: this process serves the session (its state then persists)
            channel_.send("{\"re\":" + std::to_string(id) + ",\"ok\":" + std::to_string(::getpid()) + "}");
            return;
        }
        if (child == 0) {
            channel_.send("{\"re\":" + std::to_string(id) + ",\"ok\":" + std::to_string(::getpid()) + "}");
            return;  // the child serves this session in the same loop
        }
        // The child owns the channel until it exits; only then is the next message this process's to read.
        int status = 0;
        while (::waitpid(child, &status, 0) < 0) {
            if (errno != EINTR) return;
        }
        if (!(WIFEXITED(status) && WEXITSTATUS(status) == SESSION_ENDED)) {
            // It died mid-call (an exit, a crash, the out-of-memory killer): say so now rather than let the test
            // wait for its time limit.
            const std::string how = WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                                        : "exit code " + std::to_string(WEXITSTATUS(status));
            channel_.send("{\"op\":\"ended\",\"how\":" + json_string(how) + "}");
        }
    }

private:
    Channel channel_;
    std::unordered_map<std::int64_t, std::shared_ptr<Object>> objects_;
    std::unordered_map<const Object*, std::int64_t> ids_;
    std::int64_t next_handle_ = 1;
    std::int64_t next_request_ = 1;
    std::set<std::string> described_;
    std::vector<std::pair<Value, Value>> mutated_;
    std::int64_t batch_index_ = -1;
};

Driver* g_driver = nullptr;

}  // namespace

// --- what adapters call ---------------------------------------------------------------------------------------------

Value call_test(std::int64_t ref, std::vector<Value> args, Kwargs kwargs) {
    if (g_driver == nullptr) throw RuntimeError("no test process to call back");
    return g_driver->call_test(ref, std::move(args), kwargs);
}

const ClassInfo* class_of(std::type_index type) { return g_module.find_type(type); }

std::vector<std::string> builtin_bases(const std::string& type) {
    static const std::map<std::string, std::string> parent = {
        {"ValueError", "Exception"},         {"TypeError", "Exception"},        {"KeyError", "LookupError"},
        {"IndexError", "LookupError"},       {"LookupError", "Exception"},      {"RuntimeError", "Exception"},
        {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"}, {"OverflowError", "ArithmeticError"},
        {"ZeroDivisionError", "ArithmeticError"}, {"ArithmeticError", "Exception"}, {"MemoryError", "Exception"},
        {"AttributeError", "Exception"},     {"AssertionError", "Exception"},   {"TimeoutError", "OSError"},
        {"OSError", "Exception"},            {"UnicodeError", "ValueError"},    {"StopIteration", "Exception"},
    };
    std::vector<std::string> out{type};
    std::string current = type;
    while (current != "Exception") {
        auto found = parent.find(current);
        if (found == parent.end()) break;
        current = found->second;
        out.push_back(current);
    }
    if (out.back() != "Exception") out.push_back("Exception");
    return out;
}

namespace detail {

void match(const std::string& what, const std::vector<std::string>& names, const Args& args, const Value** out) {
    if (args.count > names.size())
        throw TypeError(what + "() takes " + std::to_string(names.size()) + " positional arguments but " +
                        std::to_string(args.count) + " were given");
    for (std::size_t i = 0; i < names.size(); ++i) out[i] = i < args.count ? &args.positional[i] : nullptr;
    if (args.keywords != nullptr) {
        for (const auto& [name, value] : *args.keywords) {
            std::size_t j = 0;
            while (j < names.size() && names[j] != name) ++j;
            if (j == names.size()) throw TypeError(what + "() got an unexpected keyword argument '" + name.substr(0, 100) + "'");
            if (out[j] != nullptr) throw TypeError(what + "() got multiple values for argument '" + name + "'");
            out[j] = &value;
        }
    }
}

void missing_argument() { throw TypeError("missing required argument"); }

void conversion_error(const PyError& error, const std::string& what, const std::string& name) {
    throw PyError(error.type(), what + "() argument '" + name + "': " + error.what());
}

void report_mutation(const Progress& progress, std::size_t index, const Value& original, Value now) {
    if (now == deref(original)) return;
    Value key = index < progress.args->count ? Value(static_cast<std::int64_t>(index)) : Value();
    if (key.is_none() && progress.args->keywords != nullptr) {
        for (const auto& [name, value] : *progress.args->keywords) {
            if (&value == &original) key = Value(name);
        }
    }
    if (!key.is_none()) progress.args->mutated->emplace_back(std::move(key), std::move(now));
}

std::vector<std::string> parameter_names(std::initializer_list<const char*> names, std::size_t arity) {
    std::vector<std::string> out;
    for (const char* name : names) {
        if (out.size() < arity) out.emplace_back(name);
    }
    while (out.size() < arity) out.push_back("arg" + std::to_string(out.size()));
    return out;
}

}  // namespace detail

const ClassInfo* Module::find_class(std::string_view name) const {
    auto found = classes_.find(name);
    return found == classes_.end() ? nullptr : found->second.get();
}

const Invoker* Module::find_function(std::string_view name) const {
    auto found = functions_.find(name);
    return found == functions_.end() ? nullptr : &found->second;
}

const ClassInfo* Module::find_type(std::type_index type) const {
    auto found = types_.find(type);
    return found == types_.end() ? nullptr : found->second;
}

ClassInfo& Module::add_class(const std::string& name, std::optional<std::type_index> type) {
    auto& slot = classes_[name];
    if (!slot) {
        slot = std::make_unique<ClassInfo>();
        slot->name = name;
        slot->key = "solution." + name;
    }
    if (type) types_[*type] = slot.get();
    return *slot;
}

void Module::add_function(const std::string& name, Invoker invoker) { functions_[name] = std::move(invoker); }

void ClassInfo::add_method(const std::string& method, Invoker invoker) { methods[method] = std::move(invoker); }

void ClassInfo::add_getter(const std::string& attribute, Invoker invoker) { getters[attribute] = std::move(invoker); }

std::string ClassInfo::qualified(const std::string& member) const { return name + "." + member; }

}  // namespace drillkit

int main() {
    using namespace drillkit;
    const char* fd_text = std::getenv("DRILLKIT_CHANNEL_FD");
    if (fd_text == nullptr) {
        std::fprintf(stderr, "drillkit: DRILLKIT_CHANNEL_FD is not set\n");
        return 2;
    }
    const int fd = std::atoi(fd_text);
    ::unsetenv("DRILLKIT_CHANNEL_FD");
    std::signal(SIGPIPE, SIG_IGN);
    Driver driver(fd);
    g_driver = &driver;
    std::string hello = "{\"op\":\"hello\",\"protocol\":1,\"driver\":\"cpp\",\"pid\":" + std::to_string(::getpid());
    try {
        drillkit_module(g_module);
        hello += ",\"loaded\":true}";
    } catch (...) {
        const Raised raised = Driver::translate(std::current_exception());
        hello += ",\"loaded\":false,\"error\":{\"type\":" + json_string(raised.type.empty() ? "Exception" : raised.type) +
                 ",\"message\":" + json_string(wire::cut(raised.type + ": " + raised.message + " (while loading)")) + "}}";
    }
    flush_output();
    try {
        driver.channel().send(hello);
        driver.serve_forever();
    } catch (const Closed&) {
        flush_output();
        ::_exit(0);
    } catch (const wire::ProtocolError& e) {
        std::fprintf(stderr, "drillkit: %s\n", e.what());
        flush_output();
        ::_exit(3);
    }
}
