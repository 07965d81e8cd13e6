// verifier.h — structural checks of the SSA IR, run after lowering and
// between passes with --verify-each (always in debug builds).
#pragma once

#include <string>

#include "ssa/ir.h"

namespace molt::ssa {

/// Checks `fn`; returns an empty string if it is well-formed, otherwise a
/// description of the first problem found.
std::string verify_function(Function& fn);
/// Checks every function of `module`.
std::string verify_module(Module& module);

}  // namespace molt::ssa
