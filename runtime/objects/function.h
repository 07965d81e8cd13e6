// function.h — function objects: compiled `def`s and builtin functions.
//
// A compiled function object points at the static MoltFunctionInfo codegen
// emitted for its `def`; calling it goes through the generic entry, which
// binds arguments (molt_bind_args) and calls the direct entry. Known call
// targets skip the object entirely and call the direct entry.
#pragma once

#include "core/object.h"
#include "molt/abi.h"

namespace molt {

extern Type function_type;
extern Type builtin_function_type;

struct FunctionObject {
  Object ob;
  const MoltFunctionInfo* info;
};

/// A builtin function (print, len, ...): a name and a vectorcall-style
/// implementation. Statically allocated and immortal.
struct BuiltinFunctionObject {
  Object ob;
  const char* name;
  Value (*impl)(const Value* args, size_t nargs, Value kwnames);
};

Value function_new(const MoltFunctionInfo* info);

/// Binds positional and keyword arguments to the parameters of `info`
/// following CPython's rules and messages. `out` receives nparams borrowed
/// values. Returns 0, or -1 with TypeError set.
int bind_args(const MoltFunctionInfo* info, const Value* args, size_t nargs, Value kwnames, Value* out);

/// Calls any callable with vectorcall arguments.
Value call_object(Value callable, const Value* args, size_t nargs, Value kwnames);

}  // namespace molt
