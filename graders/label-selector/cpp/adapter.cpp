// label-selector: the Python contract's matches on top of the C++ API in API.md.
#include "solution.hpp"

using Labels = std::map<std::string, std::string>;

DRILLKIT_MODULE(m) {
    m.function("matches", {"selector", "labels"},
               [](const std::string& selector, const Labels& labels) { return static_cast<bool>(matches(selector, labels)); });
}
