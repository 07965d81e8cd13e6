// slice.h — Python `slice` objects and the index arithmetic every sequence
// uses for `s[a:b:c]` (CPython's PySlice_Unpack and PySlice_AdjustIndices).
#pragma once

#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type slice_type;

/// slice(start, stop, step): three arbitrary values (usually ints or None).
struct SliceObject {
  Object ob;
  Value start;
  Value stop;
  Value step;
};

inline SliceObject* as_slice(Value v) {
  return reinterpret_cast<SliceObject*>(as_object(v));
}
/// True for slice objects (slice cannot be subclassed).
inline bool is_slice(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &slice_type;
}

/// A new slice holding (new references to) the borrowed start/stop/step.
Value slice_new(Value start, Value stop, Value step);

/// PySlice_Unpack: converts the slice's fields to int64 with None defaults
/// (step 1; start 0 or INT64_MAX; stop INT64_MAX or INT64_MIN), clamping
/// huge ints. Raises TypeError "slice indices must be integers or None or
/// have an __index__ method" and ValueError "slice step cannot be zero".
bool slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step);

/// PySlice_AdjustIndices: clips start/stop to a sequence of `length` items
/// and returns the number of items the slice selects.
int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step);

/// _PyEval_SliceIndexNotNone: a start/stop argument of index()/count()
/// style methods as int64, clamping huge ints; TypeError "slice indices
/// must be integers or have an __index__ method" for non-indexes.
bool slice_index_not_none(Value v, int64_t* out);

/// slice.indices(length) with arbitrary-size ints: the (start, stop, step)
/// tuple.
Value slice_indices(Value slice, Value length);

}  // namespace molt
