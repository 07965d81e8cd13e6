// suggestions.h — CPython 3.12's "Did you mean" hints for NameError.
#pragma once

#include "core/object.h"
#include "core/output.h"
#include "molt/abi.h"

namespace molt {

/// The closest name to `wrong` among the frame's local variable names, then
/// the module's bound globals, then the builtins (the first of these groups
/// with a match wins), using CPython's weighted Levenshtein distance. Null if
/// nothing is close enough.
const char* suggest_name(const char* wrong, const MoltCodeInfo* code);

/// True if `name` is a standard-library module name (sys.stdlib_module_names).
bool is_stdlib_module_name(const char* name);

/// Appends CPython's hint for a NameError about `name` raised in `code`:
/// ". Did you mean: 'x'?" and/or "Did you forget to import 'x'?".
void write_name_error_hint(OutStream& out, const char* name, const MoltCodeInfo* code);

}  // namespace molt
