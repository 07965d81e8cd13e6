// tuple.h — Python `tuple`: an immutable fixed-size array of values.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type tuple_type;

struct TupleObject {
  Object ob;
  int64_t size;
  int64_t hash_cache;  ///< unused yet; keeps items 16-byte aligned
  Value items[];
};

inline TupleObject* as_tuple(Value v) { return reinterpret_cast<TupleObject*>(as_object(v)); }
bool is_tuple(Value v);

/// A tuple of `n` items, all None (callers overwrite with tuple_set_steal).
Value tuple_new(int64_t n);
/// (a,) taking ownership of `a` (which may be MOLT_ERROR: then returns it).
Value tuple_pack1_steal(Value a);
/// (a, b) taking ownership of both.
Value tuple_pack2_steal(Value a, Value b);
inline int64_t tuple_size(Value t) { return as_tuple(t)->size; }
inline Value tuple_item_borrowed(Value t, int64_t i) { return as_tuple(t)->items[i]; }
/// Stores `v` (stolen) at index i of a tuple still under construction.
inline void tuple_set_steal(Value t, int64_t i, Value v) {
  Value old = as_tuple(t)->items[i];
  as_tuple(t)->items[i] = v;
  decref(old);
}

}  // namespace molt
