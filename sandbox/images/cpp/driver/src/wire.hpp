// The runtime's JSON and wire codec (internal to the runtime; adapters never see it).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "drillkit/driver.hpp"

namespace drillkit::wire {

// Something the test process sent that is not a well-formed message: the driver ends the process.
struct ProtocolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

constexpr int MAX_DEPTH = 64;
constexpr std::size_t MESSAGE_CAP = 2000;
constexpr std::size_t INTS_MIN = 64;

// JSON text to a raw value: arrays become lists, objects dicts with str keys (in order), numbers int, big int
// or float. Tagged values are decoded afterwards (Driver::decode).
Value parse_json(std::string_view text);

// JSON writing.
void write_string(std::string_view s, std::string& out);  // a JSON string; invalid UTF-8 becomes U+FFFD
void write_float(double f, std::string& out);             // a finite float as a JSON number

std::string base64_encode(std::string_view data);
std::string base64_decode(std::string_view text);  // throws ProtocolError

// A field of a raw message (a dict with str keys), or nullptr.
const Value* field(const Value& message, std::string_view name);

std::string cut(std::string text, std::size_t cap = MESSAGE_CAP);

}  // namespace drillkit::wire
