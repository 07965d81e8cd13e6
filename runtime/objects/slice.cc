// slice.cc — the `slice` type: construction, repr, comparison, hashing,
// the start/stop/step attributes, indices(), and the index arithmetic of
// sequence slicing.
#include "objects/slice.h"

#include <string.h>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

Value slice_new(Value start, Value stop, Value step) {
  Object* o = alloc_object(&slice_type, sizeof(SliceObject));
  if (o == nullptr) return MOLT_ERROR;
  SliceObject* s = reinterpret_cast<SliceObject*>(o);
  s->start = new_ref(start);
  s->stop = new_ref(stop);
  s->step = new_ref(step);
  return from_object(o);
}

namespace {

/// _PyEval_SliceIndex: a slice bound to int64, clamping huge values.
bool slice_index(Value v, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
    return true;
  }
  if (!has_index(v)) {
    raise(ErrorId::SliceIndexType);
    return false;
  }
  return number_as_ssize(v, nullptr, out);
}

}  // namespace

bool slice_index_not_none(Value v, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
    return true;
  }
  if (!has_index(v)) {
    raise(ErrorId::SliceIndexTypeNotNone);
    return false;
  }
  return number_as_ssize(v, nullptr, out);
}

bool slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  SliceObject* s = as_slice(slice);
  if (s->step == MOLT_NONE) {
    *step = 1;
  } else {
    if (!slice_index(s->step, step)) return false;
    if (*step == 0) {
      raise(ErrorId::SliceStepZero);
      return false;
    }
    // Keeps `-step` representable for callers that reverse a slice.
    if (*step < -INT64_MAX) *step = -INT64_MAX;
  }
  if (s->start == MOLT_NONE) {
    *start = *step < 0 ? INT64_MAX : 0;
  } else if (!slice_index(s->start, start)) {
    return false;
  }
  if (s->stop == MOLT_NONE) {
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  } else if (!slice_index(s->stop, stop)) {
    return false;
  }
  return true;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

namespace {

/// A slice field as an exact int for indices(): TypeError for non-indexes.
Value long_slice_index(Value v) {
  if (!has_index(v)) return raise(ErrorId::SliceIndexType);
  return number_index(v);
}

/// Clamps a start/stop bound of indices() into [lower, upper] after adding
/// `length` to negative values. Steals `bound`.
Value clamp_bound(Value bound, Value length, Value lower, Value upper) {
  Ref b(bound);
  if (int_sign(b.get()) < 0) {
    b = Ref(int_add(b.get(), length));
    if (b.is_error()) return MOLT_ERROR;
    if (int_compare(b.get(), lower) < 0) return new_ref(lower);
  } else if (int_compare(b.get(), upper) > 0) {
    return new_ref(upper);
  }
  return b.release();
}

}  // namespace

Value slice_indices(Value slice, Value length_arg) {
  SliceObject* s = as_slice(slice);
  Ref length(number_index(length_arg));
  if (length.is_error()) return MOLT_ERROR;
  if (int_sign(length.get()) < 0) return raise(ErrorId::SliceLengthNegative);
  Ref step(s->step == MOLT_NONE ? molt_from_small_int(1) : long_slice_index(s->step));
  if (step.is_error()) return MOLT_ERROR;
  int step_sign = int_sign(step.get());
  if (step_sign == 0) return raise(ErrorId::SliceStepZero);
  Ref lower(step_sign < 0 ? molt_from_small_int(-1) : molt_from_small_int(0));
  Ref upper(step_sign < 0 ? int_add(length.get(), lower.get()) : new_ref(length.get()));
  if (upper.is_error()) return MOLT_ERROR;
  Ref start;
  if (s->start == MOLT_NONE) {
    start = Ref::borrow(step_sign < 0 ? upper.get() : lower.get());
  } else {
    Value v = long_slice_index(s->start);
    if (molt_is_error(v)) return v;
    start = Ref(clamp_bound(v, length.get(), lower.get(), upper.get()));
    if (start.is_error()) return MOLT_ERROR;
  }
  Ref stop;
  if (s->stop == MOLT_NONE) {
    stop = Ref::borrow(step_sign < 0 ? lower.get() : upper.get());
  } else {
    Value v = long_slice_index(s->stop);
    if (molt_is_error(v)) return v;
    stop = Ref(clamp_bound(v, length.get(), lower.get(), upper.get()));
    if (stop.is_error()) return MOLT_ERROR;
  }
  Value t = tuple_new(3);
  if (molt_is_error(t)) return t;
  tuple_set_steal(t, 0, start.release());
  tuple_set_steal(t, 1, stop.release());
  tuple_set_steal(t, 2, step.release());
  return t;
}

namespace {

void slice_dealloc(Object* o) {
  SliceObject* s = reinterpret_cast<SliceObject*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  free_object(o);
}

Value slice_repr(Value v) {
  SliceObject* s = as_slice(v);
  StrBuilder b;
  if (!b.append("slice(", 6) || !append_repr(b, s->start) || !b.append(", ", 2) || !append_repr(b, s->stop) ||
      !b.append(", ", 2) || !append_repr(b, s->step) || !b.append_char(')')) {
    return MOLT_ERROR;
  }
  return b.finish();
}

/// The fields as a 3-tuple, for comparisons.
Value slice_as_tuple(Value v) {
  SliceObject* s = as_slice(v);
  Value t = tuple_new(3);
  if (molt_is_error(t)) return t;
  tuple_set_steal(t, 0, new_ref(s->start));
  tuple_set_steal(t, 1, new_ref(s->stop));
  tuple_set_steal(t, 2, new_ref(s->step));
  return t;
}

Value slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(a) || !is_slice(b)) return not_implemented();
  if (a == b) return molt_from_bool(op == CompareOp::Eq || op == CompareOp::Le || op == CompareOp::Ge);
  Ref ta(slice_as_tuple(a));
  if (ta.is_error()) return MOLT_ERROR;
  Ref tb(slice_as_tuple(b));
  if (tb.is_error()) return MOLT_ERROR;
  return rich_compare(ta.get(), tb.get(), op);
}

/// CPython 3.12's slice hash: the tuple hash's xxHash lanes over (start,
/// stop, step) without the final length mix.
int64_t slice_hash(Value v) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  SliceObject* s = as_slice(v);
  const Value fields[3] = {s->start, s->stop, s->step};
  uint64_t acc = kPrime5;
  for (Value f : fields) {
    int64_t h = object_hash(f);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

/// The address of the named field, or null.
Value* slice_field(Value self, Value name) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return nullptr;
  SliceObject* s = as_slice(self);
  if (n == 5 && memcmp(text, "start", 5) == 0) return &s->start;
  if (n == 4 && memcmp(text, "stop", 4) == 0) return &s->stop;
  if (n == 4 && memcmp(text, "step", 4) == 0) return &s->step;
  return nullptr;
}

Value slice_getattr(Value self, Value name) {
  if (Value* f = slice_field(self, name)) return new_ref(*f);
  return generic_getattr(self, name);
}

int slice_setattr(Value self, Value name, Value value) {
  if (slice_field(self, name) != nullptr) {
    raise(ErrorId::ReadonlyAttribute);
    return -1;
  }
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return -1;
  raise(ErrorId::NoAttribute, "slice", text);
  return -1;
}

Value slice_method_indices(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("slice.indices", nargs, kwnames)) return MOLT_ERROR;
  return slice_indices(self, args[0]);
}

/// slice(stop) / slice(start, stop[, step]).
Value slice_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("slice", kwnames) || !check_positional("slice", nargs, 1, 3)) return MOLT_ERROR;
  if (nargs == 1) return slice_new(MOLT_NONE, args[0], MOLT_NONE);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : MOLT_NONE);
}

const MethodDef kSliceMethods[] = {
    {"indices", slice_method_indices, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace

Type slice_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "slice",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(SliceObject),
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .str = nullptr,
    .hash = slice_hash,
    .richcompare = slice_richcompare,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = slice_construct,
    .methods = kSliceMethods,
    .getattr = slice_getattr,
    .setattr = slice_setattr,
};

}  // namespace molt
