// exceptions.h — BaseException and the builtin exception hierarchy.
//
// Every builtin exception type of CPython 3.12 is a statically allocated
// Type named `molt::exc::<Name>` (see exceptions.def). Instances share one
// layout, ExceptionObject; subclass-specific attributes (StopIteration.value,
// OSError.errno, ...) will extend it as those types gain their fields.
#pragma once

#include "core/object.h"

namespace molt {

namespace exc {
#define MOLT_EXC(name, base) extern Type name;
#include "exc/exceptions.def"
#undef MOLT_EXC
}  // namespace exc

/// Layout of every exception instance.
struct ExceptionObject {
  Object ob;
  Value args;        ///< tuple
  Value traceback;   ///< a traceback object or None (`__traceback__`)
  Value cause;       ///< `__cause__`, an exception or None
  Value context;     ///< `__context__`, an exception or None
  Value notes;       ///< `__notes__` list, or MOLT_UNBOUND when absent
  bool suppress_context;
};

/// Creates an instance of exception type `type` with `args` (a tuple,
/// stolen). Returns an owned exception or MOLT_ERROR.
Value exception_new(Type* type, Value stolen_args);
/// True if `v` is an exception instance.
bool is_exception(Value v);
inline ExceptionObject* as_exception(Value v) { return reinterpret_cast<ExceptionObject*>(as_object(v)); }

/// str(exc): '' for no args, str(args[0]) for one, str(args) otherwise.
Value exception_str(Value self);
/// repr(exc): `Name(args...)` as CPython prints it.
Value exception_repr(Value self);

}  // namespace molt
