// range-assignor: the Python contract's range_assign on top of the C++ API in API.md.
#include "solution.hpp"

DRILLKIT_MODULE(m) {
    m.function("range_assign", {"partitions", "consumers"},
               [](int partitions, const std::vector<std::string>& consumers) {
                   return std::map<std::string, std::vector<int>>(range_assign(partitions, consumers));
               });
}
