// abstract.h — Python's abstract object protocol (CPython's abstract.c and
// object.c): operations on any value, dispatching through type slots.
//
// All functions return owned references (or MOLT_ERROR / -1 with an
// exception set) and borrow their arguments.
#pragma once

#include "core/object.h"

namespace molt {

/// repr(v).
Value object_repr(Value v);
/// str(v).
Value object_str(Value v);
/// bool(v): 1, 0, or -1 on error.
int object_truth(Value v);
/// hash(v), -1 on error.
int64_t object_hash(Value v);

/// Python's binary operator protocol for `op` (a MOLT_BINOP name), with
/// reflected operands, subclass priority and CPython's TypeError message.
enum class BinOp : uint8_t {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) Name,
#include "core/binops.def"
#undef MOLT_BINOP
  Pow,
};
Value binary_op(BinOp op, Value a, Value b);
/// `a op= b`: CPython's in-place protocol (in-place slot, then the binary
/// one; sequence concat/repeat for += and *=), with "op=" in TypeErrors.
Value inplace_op(BinOp op, Value a, Value b);
/// a ** b, or pow(a, b, mod) when mod is not None.
Value power(Value a, Value b, Value mod);
Value unary_negative(Value v);
Value unary_positive(Value v);
Value unary_invert(Value v);
/// Rich comparison returning a value (usually a bool).
Value rich_compare(Value a, Value b, CompareOp op);
/// Rich comparison reduced to a truth value: 1, 0, -1 on error.
int rich_compare_bool(Value a, Value b, CompareOp op);

/// The `type.__name__` shown in error messages.
const char* type_name(Value v);

}  // namespace molt
