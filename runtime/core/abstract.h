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

// --- containers: index, sequence and mapping protocol ------------------------------

/// operator.index(v) (PyNumber_Index): the exact int that `v` denotes (an
/// int, a bool as 0/1, or the result of an index slot); TypeError "'str'
/// object cannot be interpreted as an integer" otherwise.
Value number_index(Value v);
/// True if `v` can be used as an index (int, bool, or a type with an index
/// slot): CPython's _PyIndex_Check.
bool has_index(Value v);
/// PyNumber_AsSsize_t: v's index as int64 in *out. When it does not fit,
/// raises `overflow` (IndexError or OverflowError: "cannot fit 'int' into an
/// index-sized integer"), or clamps to [INT64_MIN, INT64_MAX] when
/// `overflow` is null. Returns false with an exception set on error.
bool number_as_ssize(Value v, Type* overflow, int64_t* out);
/// len(v) (PyObject_Size): the sequence length slot, then the mapping one;
/// -1 with TypeError "object of type 'int' has no len()".
int64_t object_length(Value v);
/// o[key] (PyObject_GetItem): mapping subscript, else sequence item with an
/// index key (negative indexes adjusted by len); CPython's TypeErrors.
Value object_getitem(Value o, Value key);
/// o[key] = value (PyObject_SetItem). 0, or -1 with an exception set.
int object_setitem(Value o, Value key, Value value);
/// del o[key] (PyObject_DelItem). 0, or -1 with an exception set.
int object_delitem(Value o, Value key);
/// `item in container` (PySequence_Contains): the contains slot, else a
/// search by iteration comparing `element == item`. 1, 0, or -1 on error
/// (TypeError "argument of type 'int' is not iterable").
int object_contains(Value container, Value item);
/// `a op= b` with CPython's complete in-place protocol (PyNumber_InPlace*):
/// the left operand's in-place slot, then the binary protocol, then the
/// sequence in-place concat/repeat slots; "op=" in TypeErrors. Supersedes
/// inplace_op once the lead points molt_inplace_* here.
Value inplace_binary_op(BinOp op, Value a, Value b);

}  // namespace molt
