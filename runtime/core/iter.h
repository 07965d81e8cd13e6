// iter.h — the iteration protocol (CPython's PyObject_GetIter, PyIter_Next)
// and the builtins iter() and next().
//
// Iterators are objects whose type has an `iternext` slot. The slot returns
// the next item (owned), MOLT_UNBOUND at exhaustion with no exception set
// (cheaper than raising StopIteration), or MOLT_ERROR with an exception set.
#pragma once

#include <stddef.h>

#include "core/object.h"

namespace molt {

struct BuiltinFunctionObject;

/// iter(v) (PyObject_GetIter): the type's iter slot, whose result must be
/// an iterator (else TypeError "iter() returned non-iterator of type
/// 'int'"); for types with only a sequence item slot, an iterator calling
/// it with 0, 1, 2, ... until IndexError; otherwise TypeError "'int' object
/// is not iterable". Returns an owned iterator or MOLT_ERROR.
Value object_iter(Value v);

/// Out-of-line part of iter_next: non-iterators (TypeError "'int' object
/// is not an iterator") and errors (a StopIteration from the iterator is
/// cleared and counts as exhaustion).
Value iter_next_slow(Value it, Value result);

/// next(it): the next item (owned), MOLT_UNBOUND when the iterator is
/// exhausted (no exception set), or MOLT_ERROR with an exception set.
inline Value iter_next(Value it) {
  if (molt_is_ptr(it)) {
    UnaryFunc next = as_object(it)->type->iternext;
    if (next != nullptr) {
      Value r = next(it);
      if (!molt_is_error(r)) return r;
      return iter_next_slow(it, r);
    }
  }
  return iter_next_slow(it, MOLT_UNBOUND);
}

/// True if v is an iterator (its type has an iternext slot).
bool is_iterator(Value v);

/// The `iter` slot of iterator types: returns the iterator itself.
Value iter_self(Value it);

/// builtin iter(object) / iter(callable, sentinel).
Value builtin_iter(const Value* args, size_t nargs, Value kwnames);
/// builtin next(iterator[, default]): StopIteration when exhausted and no
/// default is given (a StopIteration raised by the iterator propagates).
Value builtin_next(const Value* args, size_t nargs, Value kwnames);

/// The immortal builtin function objects for `iter` and `next`.
extern BuiltinFunctionObject g_builtin_iter;
extern BuiltinFunctionObject g_builtin_next;

}  // namespace molt
