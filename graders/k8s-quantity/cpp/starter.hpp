// k8s-quantity: implement parse_quantity, which reads a Kubernetes resource quantity exactly.
//
// An optional sign, a decimal number, then at most one suffix: Ki Mi Gi Ti Pi Ei (powers of 1024), n u m k M G T
// P E (powers of ten), or an exponent e<int> / E<int>. See the question for the full contract. Write everything
// in this header, in the global namespace.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

// The exact value as a decimal literal ("0.1", "1073741824", "15E-1", ...); malformed text throws
// std::invalid_argument.
inline std::string parse_quantity(std::string_view text) {
    (void)text;
    throw std::logic_error("not implemented");
}
