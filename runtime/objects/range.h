// range.h — Python `range`: a lazy arithmetic progression of ints
// (arbitrary size), with len, indexing, slicing (giving a range), `in`,
// index(), count(), equality and hashing as CPython 3.12, and the
// range_iterator / longrange_iterator types.
#pragma once

#include "core/object.h"

namespace molt {

extern Type range_type;
extern Type range_iterator_type;
extern Type longrange_iterator_type;

/// start, stop, step and the length, all exact ints (owned).
struct RangeObject {
  Object ob;
  Value start;
  Value stop;
  Value step;
  Value length;
};

inline RangeObject* as_range(Value v) {
  return reinterpret_cast<RangeObject*>(as_object(v));
}
inline bool is_range(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &range_type;
}

/// range(start, stop, step) from exact ints (borrowed); step != 0.
Value range_new(Value start, Value stop, Value step);
/// reversed(r).
Value range_reversed(Value r);

}  // namespace molt
