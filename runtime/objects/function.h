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
  Value defaults;    ///< tuple of positional defaults, or None
  Value kwdefaults;  ///< dict of keyword-only defaults, or None
  Value closure;     ///< tuple of cells, or None
  Value dict;        ///< __dict__ (function attributes), 0 until first use
  Value name;        ///< __name__ override (str), 0 when it is info->name
  Value qualname;    ///< __qualname__ override (str), 0 when it is info->qualname
  Value doc;         ///< __doc__, 0 for None
};

/// A closure cell (CPython's `cell`): one variable shared between a
/// function and the functions nested in it.
extern Type cell_type;
struct CellObject {
  Object ob;
  Value contents;  ///< MOLT_UNBOUND when empty
};
Value cell_new(Value contents);

/// A builtin function (print, len, ...): a name and a vectorcall-style
/// implementation. Statically allocated and immortal.
struct BuiltinFunctionObject {
  Object ob;
  const char* name;
  Value (*impl)(const Value* args, size_t nargs, Value kwnames);
};

/// A function object for `info` with its defaults (tuple or None),
/// keyword-only defaults (dict or None) and closure (tuple or None), all
/// borrowed.
Value function_new(const MoltFunctionInfo* info, Value defaults = MOLT_NONE, Value kwdefaults = MOLT_NONE,
                   Value closure = MOLT_NONE);

/// Binds vectorcall arguments to the parameters of the function object
/// `function` with CPython 3.12's rules, defaults and TypeError messages.
/// `out` receives info->nparams NEW references (the *args tuple and the
/// **kwargs dict included). Returns 0, or -1 with TypeError set and nothing
/// left to release.
int bind_args(Value function, const Value* args, size_t nargs, Value kwnames, Value* out);

/// Calls any callable with vectorcall arguments.
Value call_object(Value callable, const Value* args, size_t nargs, Value kwnames);

}  // namespace molt
