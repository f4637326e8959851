// k8s-quantity: the Python contract's parse_quantity, returning a decimal.Decimal, on top of the C++ API in
// API.md, which returns the exact value as a decimal literal (checked here before it crosses as a Decimal).
#include "solution.hpp"

namespace dk = drillkit;

DRILLKIT_MODULE(m) {
    m.function("parse_quantity", {"text"}, [](const std::string& text) { return dk::Decimal{std::string(parse_quantity(text))}; });
}
