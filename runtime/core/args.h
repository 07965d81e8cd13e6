// args.h — helpers for builtins that take vectorcall arguments
// (`args[0..nargs)` positional, then one value per name in `kwnames`).
#pragma once

#include <stddef.h>

#include "core/object.h"

namespace molt {

/// Number of keyword arguments (0 when kwnames is None).
size_t keyword_count(Value kwnames);
/// The i-th keyword name as UTF-8 (borrowed from the str), or null.
const char* keyword_name(Value kwnames, size_t i);
/// True if the i-th keyword name equals `want`.
bool keyword_is(Value kwnames, size_t i, const char* want);

}  // namespace molt
