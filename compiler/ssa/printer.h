// printer.h — textual form of the SSA IR (`molt build --emit=ssa`).
#pragma once

#include <string>

#include "ssa/ir.h"

namespace molt::ssa {

/// Prints a whole module; functions in order, values numbered densely.
std::string print_module(Module& module);
/// Prints one function (renumbers it first).
std::string print_function(Function& fn);

}  // namespace molt::ssa
