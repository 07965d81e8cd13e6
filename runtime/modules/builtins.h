// builtins.h — the C++ halves of Python's builtin functions (the ones not
// owned by a type's file: print, len, repr, abs, min/max, sum, round, ...).
//
// Every function has the vectorcall shape (args, nargs, kwnames) and the
// immortal function object used when the builtin is referenced as a value.
// runtime/include/molt/builtins.def lists them for the compiler.
#pragma once

#include "core/object.h"
#include "objects/function.h"

namespace molt {

#define MOLT_DECLARE_BUILTIN(name)                                   \
  Value builtin_##name(const Value* args, size_t nargs, Value kwnames); \
  extern BuiltinFunctionObject g_builtin_##name;
MOLT_DECLARE_BUILTIN(print)
MOLT_DECLARE_BUILTIN(len)
MOLT_DECLARE_BUILTIN(repr)
MOLT_DECLARE_BUILTIN(abs)
MOLT_DECLARE_BUILTIN(isinstance)
MOLT_DECLARE_BUILTIN(issubclass)
MOLT_DECLARE_BUILTIN(min)
MOLT_DECLARE_BUILTIN(max)
MOLT_DECLARE_BUILTIN(sum)
MOLT_DECLARE_BUILTIN(any)
MOLT_DECLARE_BUILTIN(all)
MOLT_DECLARE_BUILTIN(hash)
MOLT_DECLARE_BUILTIN(id)
MOLT_DECLARE_BUILTIN(callable)
MOLT_DECLARE_BUILTIN(divmod)
MOLT_DECLARE_BUILTIN(pow)
MOLT_DECLARE_BUILTIN(round)
MOLT_DECLARE_BUILTIN(hex)
MOLT_DECLARE_BUILTIN(oct)
MOLT_DECLARE_BUILTIN(bin)
/// Constructor calls of the common types (int(x) without going through the
/// type object).
Value builtin_bool(const Value* args, size_t nargs, Value kwnames);
Value builtin_float(const Value* args, size_t nargs, Value kwnames);
Value builtin_int(const Value* args, size_t nargs, Value kwnames);
Value builtin_str(const Value* args, size_t nargs, Value kwnames);
#undef MOLT_DECLARE_BUILTIN

}  // namespace molt
