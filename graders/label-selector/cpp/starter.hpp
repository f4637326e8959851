// label-selector: implement matches, Kubernetes label selectors against a set of labels.
//
// Comma-separated requirements, all of which must hold: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k. See
// the question for the full contract. Write everything in this header, in the global namespace.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

// A structurally malformed selector throws std::invalid_argument.
inline bool matches(std::string_view selector, const std::map<std::string, std::string>& labels) {
    (void)selector;
    (void)labels;
    throw std::logic_error("not implemented");
}
