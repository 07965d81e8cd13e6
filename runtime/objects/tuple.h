// tuple.h — Python `tuple`: an immutable fixed-size array of values.
//
// Construction, CPython's hash, lexicographic comparison with the identity
// shortcut, concatenation/repetition, indexing and slicing, the index() and
// count() methods, and tuple_iterator.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type tuple_type;
extern Type tuple_iterator_type;

struct TupleObject {
  Object ob;
  int64_t size;
  int64_t hash_cache;  ///< unused yet; keeps items 16-byte aligned
  Value items[];
};

inline TupleObject* as_tuple(Value v) {
  return reinterpret_cast<TupleObject*>(as_object(v));
}
/// True for tuple and its subclasses.
bool is_tuple(Value v);
inline bool is_tuple_exact(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &tuple_type;
}

/// A tuple of `n` items, all None (callers overwrite with tuple_set_steal).
/// tuple_new(0) is the shared immortal empty tuple.
Value tuple_new(int64_t n);
/// (a,) taking ownership of `a` (which may be MOLT_ERROR: then returns it).
Value tuple_pack1_steal(Value a);
/// (a, b) taking ownership of both.
Value tuple_pack2_steal(Value a, Value b);
/// A tuple of the `n` borrowed values.
Value tuple_from_array(const Value* items, int64_t n);
/// tuple(iterable): the same object for an exact tuple, otherwise a new
/// tuple of the iterable's items.
Value tuple_from_iterable(Value iterable);
/// t[lo:hi] for 0 <= lo <= hi <= len(t).
Value tuple_get_slice(Value t, int64_t lo, int64_t hi);
inline int64_t tuple_size(Value t) {
  return as_tuple(t)->size;
}
inline Value tuple_item_borrowed(Value t, int64_t i) {
  return as_tuple(t)->items[i];
}
/// Stores `v` (stolen) at index i of a tuple still under construction.
inline void tuple_set_steal(Value t, int64_t i, Value v) {
  Value old = as_tuple(t)->items[i];
  as_tuple(t)->items[i] = v;
  decref(old);
}

/// Lexicographic comparison of two sequences of values (shared by tuple and
/// list): the first index where `a[i] == b[i]` is false decides, using `op`
/// on that pair; otherwise the lengths decide. CPython's tuple/list
/// richcompare without the list's length shortcut.
Value sequence_richcompare(const Value* a, int64_t na, const Value* b, int64_t nb, CompareOp op);

}  // namespace molt
