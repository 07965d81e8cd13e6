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
  /// NameError.name / AttributeError.name: the missing name (a str), or
  /// None. Used for "Did you mean" suggestions.
  Value name;
};

/// Creates an instance of exception type `type` with `args` (a tuple,
/// stolen). Returns an owned exception or MOLT_ERROR.
Value exception_new(Type* type, Value stolen_args);
/// True if `v` is an exception instance.
bool is_exception(Value v);
inline ExceptionObject* as_exception(Value v) { return reinterpret_cast<ExceptionObject*>(as_object(v)); }

/// True if `v` is an exception class (a type deriving from BaseException).
bool is_exception_class(Value v);
/// The exception a `raise` operand denotes: an instance as is (new
/// reference), a class instantiated with no arguments; TypeError otherwise
/// (`message_id` chooses the message for raise vs. cause operands).
Value exception_from_operand(Value v, bool for_cause);
/// `except T:` matching: 1 if exc is an instance of T (a class or a tuple
/// of classes, nested tuples allowed), 0 if not, -1 with TypeError when T
/// holds something that is not an exception class.
int exception_matches(Value exc, Value type);

/// str(exc): '' for no args, str(args[0]) for one, str(args) otherwise.
Value exception_str(Value self);
/// repr(exc): `Name(args...)` as CPython prints it.
Value exception_repr(Value self);

}  // namespace molt
