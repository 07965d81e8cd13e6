// text_diff.h — unified diffs of two texts, for `molt diff` reports.
#pragma once

#include <string>

namespace molt::driver {

/// A unified diff (3 lines of context) from `a` to `b`, labelled with the
/// given names. Empty if the texts are equal.
std::string unified_diff(const std::string& a, const std::string& b, const std::string& a_name,
                         const std::string& b_name);

}  // namespace molt::driver
