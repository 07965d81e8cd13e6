// builtins.h — the C++ halves of Python's builtin functions.
#pragma once

#include "core/object.h"
#include "objects/function.h"

namespace molt {

/// print(*objects, sep=' ', end='\n', file=None, flush=False).
Value builtin_print(const Value* args, size_t nargs, Value kwnames);

/// The builtin function objects, for uses of a builtin as a value.
extern BuiltinFunctionObject g_builtin_print;

}  // namespace molt
