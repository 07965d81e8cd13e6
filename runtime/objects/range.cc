// range.cc — the `range` type and its iterators. Fields are arbitrary
// ints; the iterators use int64 arithmetic whenever CPython's range_iter
// would use C longs (range_iterator), and ints otherwise
// (longrange_iterator).
#include "objects/range.h"

#include <string.h>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

Value small(int64_t i) {
  return molt_from_small_int(i);
}

/// The number of items of range(start, stop, step) as an int.
Value compute_length(Value start, Value stop, Value step) {
  if (molt_is_small_int(start) && molt_is_small_int(stop) && molt_is_small_int(step)) {
    int64_t lo = molt_as_small_int(start), hi = molt_as_small_int(stop), st = molt_as_small_int(step);
    if (st < 0) {
      int64_t t = lo;
      lo = hi;
      hi = t;
      st = -st;
    }
    return lo >= hi ? small(0) : int_from_i64((hi - lo - 1) / st + 1);
  }
  Value lo = start, hi = stop;
  Ref neg_step;
  if (int_sign(step) < 0) {
    lo = stop;
    hi = start;
    neg_step = Ref(int_neg(step));
    if (neg_step.is_error()) return MOLT_ERROR;
    step = neg_step.get();
  }
  if (int_compare(lo, hi) >= 0) return small(0);
  Ref diff(int_sub(hi, lo));
  if (diff.is_error()) return MOLT_ERROR;
  Ref diff1(int_sub(diff.get(), small(1)));
  if (diff1.is_error()) return MOLT_ERROR;
  Ref q(int_floordiv(diff1.get(), step));
  if (q.is_error()) return MOLT_ERROR;
  return int_add(q.get(), small(1));
}

/// start + i * step.
Value compute_item(RangeObject* r, Value i) {
  if (molt_is_small_int(r->start) && molt_is_small_int(r->step) && molt_is_small_int(i)) {
    int64_t p, sum;
    if (!__builtin_mul_overflow(molt_as_small_int(i), molt_as_small_int(r->step), &p) &&
        !__builtin_add_overflow(p, molt_as_small_int(r->start), &sum)) {
      return int_from_i64(sum);
    }
  }
  Ref prod(int_mul(i, r->step));
  if (prod.is_error()) return MOLT_ERROR;
  return int_add(r->start, prod.get());
}

}  // namespace

Value range_new(Value start, Value stop, Value step) {
  Value length = compute_length(start, stop, step);
  if (molt_is_error(length)) return length;
  Object* o = alloc_object(&range_type, sizeof(RangeObject));
  if (o == nullptr) {
    decref(length);
    return MOLT_ERROR;
  }
  RangeObject* r = reinterpret_cast<RangeObject*>(o);
  r->start = new_ref(start);
  r->stop = new_ref(stop);
  r->step = new_ref(step);
  r->length = length;
  return from_object(o);
}

namespace {

void range_dealloc(Object* o) {
  RangeObject* r = reinterpret_cast<RangeObject*>(o);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  free_object(o);
}

Value range_repr(Value v) {
  RangeObject* r = as_range(v);
  StrBuilder b;
  bool ok = b.append("range(", 6) && append_repr(b, r->start) && b.append(", ", 2) && append_repr(b, r->stop);
  if (ok && !(molt_is_small_int(r->step) && molt_as_small_int(r->step) == 1)) {
    ok = b.append(", ", 2) && append_repr(b, r->step);
  }
  ok = ok && b.append_char(')');
  return ok ? b.finish() : MOLT_ERROR;
}

int64_t range_len(Value v) {
  int64_t n = 0;
  if (!int_to_i64(as_range(v)->length, &n)) {
    raise(ErrorId::IntTooLargeForSsize);
    return -1;
  }
  return n;
}

int range_truth(Value v) {
  return int_sign(as_range(v)->length) != 0;
}

/// CPython's range_contains_long: start <= x < stop (or the reverse for a
/// negative step) and (x - start) % step == 0.
int contains_int(RangeObject* r, Value x) {
  x = int_from_bool_or_int(x);
  bool ok;
  if (int_sign(r->step) > 0) {
    ok = int_compare(r->start, x) <= 0 && int_compare(x, r->stop) < 0;
  } else {
    ok = int_compare(x, r->start) <= 0 && int_compare(r->stop, x) < 0;
  }
  if (!ok) return 0;
  Ref diff(int_sub(x, r->start));
  if (diff.is_error()) return -1;
  Ref rem(int_mod(diff.get(), r->step));
  if (rem.is_error()) return -1;
  return int_sign(rem.get()) == 0;
}

bool is_exact_int_or_bool(Value v) {
  return is_int_exact(v) || molt_is_bool(v);
}

/// Search by iteration (PySequence's generic count/index/contains).
int64_t iter_search(Value seq, Value x, bool count, int64_t* index) {
  Ref it(object_iter(seq));
  if (it.is_error()) return -1;
  int64_t n = 0;
  for (int64_t i = 0;; ++i) {
    Ref item(iter_next(it.get()));
    if (item.get() == MOLT_UNBOUND) break;
    if (item.is_error()) return -1;
    int eq = items_equal(item.get(), x);
    if (eq < 0) return -1;
    if (eq > 0) {
      if (!count) {
        *index = i;
        return 1;
      }
      ++n;
    }
  }
  return n;
}

int range_contains(Value v, Value x) {
  if (is_exact_int_or_bool(x)) return contains_int(as_range(v), x);
  int64_t index = 0;
  int64_t r = iter_search(v, x, false, &index);
  return r < 0 ? -1 : r > 0;
}

Value range_item_at(Value v, Value index) {
  RangeObject* r = as_range(v);
  Ref i = Ref::borrow(index);
  if (int_sign(index) < 0) {
    i = Ref(int_add(index, r->length));
    if (i.is_error()) return MOLT_ERROR;
  }
  if (int_sign(i.get()) < 0 || int_compare(i.get(), r->length) >= 0) {
    return raise(ErrorId::SeqIndexOutOfRange, "range object");
  }
  return compute_item(r, i.get());
}

Value range_item(Value v, int64_t i) {
  Ref index(int_from_i64(i));
  if (index.is_error()) return MOLT_ERROR;
  return range_item_at(v, index.get());
}

Value range_subscript(Value v, Value key) {
  RangeObject* r = as_range(v);
  if (has_index(key)) {
    Ref i(number_index(key));
    if (i.is_error()) return MOLT_ERROR;
    return range_item_at(v, i.get());
  }
  if (is_slice(key)) {
    Ref indices(slice_indices(key, r->length));
    if (indices.is_error()) return MOLT_ERROR;
    Value sub_start = tuple_item_borrowed(indices.get(), 0);
    Value sub_stop = tuple_item_borrowed(indices.get(), 1);
    Value sub_step = tuple_item_borrowed(indices.get(), 2);
    Ref start(compute_item(r, sub_start));
    if (start.is_error()) return MOLT_ERROR;
    Ref stop(compute_item(r, sub_stop));
    if (stop.is_error()) return MOLT_ERROR;
    Ref step(int_mul(r->step, sub_step));
    if (step.is_error()) return MOLT_ERROR;
    return range_new(start.get(), stop.get(), step.get());
  }
  return raise(ErrorId::IndicesMustBeIntegers, "range", type_name(key));
}

/// ==: same length, and (when non-empty) same start, and (when longer than
/// one) same step.
Value range_richcompare(Value a, Value b, CompareOp op) {
  if (!is_range(a) || !is_range(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return not_implemented();
  bool eq;
  if (a == b) {
    eq = true;
  } else {
    RangeObject* x = as_range(a);
    RangeObject* y = as_range(b);
    if (int_compare(x->length, y->length) != 0) {
      eq = false;
    } else if (int_sign(x->length) == 0) {
      eq = true;
    } else if (int_compare(x->start, y->start) != 0) {
      eq = false;
    } else if (molt_is_small_int(x->length) && molt_as_small_int(x->length) == 1) {
      eq = true;
    } else {
      eq = int_compare(x->step, y->step) == 0;
    }
  }
  return molt_from_bool(eq == (op == CompareOp::Eq));
}

/// hash((len, start, step)) with None for the fields equality ignores.
int64_t range_hash(Value v) {
  RangeObject* r = as_range(v);
  Ref t(tuple_new(3));
  if (t.is_error()) return -1;
  tuple_set_steal(t.get(), 0, new_ref(r->length));
  if (int_sign(r->length) != 0) {
    tuple_set_steal(t.get(), 1, new_ref(r->start));
    if (!(molt_is_small_int(r->length) && molt_as_small_int(r->length) == 1)) {
      tuple_set_steal(t.get(), 2, new_ref(r->step));
    }
  }
  return object_hash(t.get());
}

Value range_iter(Value v);

/// range(stop) / range(start, stop[, step]).
Value range_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("range", kwnames) || !check_positional("range", nargs, 1, 3)) return MOLT_ERROR;
  if (nargs == 1) {
    Ref stop(number_index(args[0]));
    if (stop.is_error()) return MOLT_ERROR;
    return range_new(small(0), stop.get(), small(1));
  }
  Ref start(number_index(args[0]));
  if (start.is_error()) return MOLT_ERROR;
  Ref stop(number_index(args[1]));
  if (stop.is_error()) return MOLT_ERROR;
  Ref step(nargs == 3 ? number_index(args[2]) : small(1));
  if (step.is_error()) return MOLT_ERROR;
  if (int_sign(step.get()) == 0) return raise(ErrorId::RangeStepZero);
  return range_new(start.get(), stop.get(), step.get());
}

Value range_getattr(Value self, Value name) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return MOLT_ERROR;
  RangeObject* r = as_range(self);
  if (n == 5 && memcmp(text, "start", 5) == 0) return new_ref(r->start);
  if (n == 4 && memcmp(text, "stop", 4) == 0) return new_ref(r->stop);
  if (n == 4 && memcmp(text, "step", 4) == 0) return new_ref(r->step);
  return generic_getattr(self, name);
}

Value m_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("range.count", nargs, kwnames)) return MOLT_ERROR;
  if (is_exact_int_or_bool(args[0])) {
    int r = contains_int(as_range(self), args[0]);
    return r < 0 ? MOLT_ERROR : small(r);
  }
  int64_t index = 0;
  int64_t n = iter_search(self, args[0], true, &index);
  return n < 0 ? MOLT_ERROR : int_from_i64(n);
}

Value m_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("range.index", nargs, kwnames)) return MOLT_ERROR;
  Value x = args[0];
  RangeObject* r = as_range(self);
  if (!is_exact_int_or_bool(x)) {
    int64_t index = 0;
    int64_t found = iter_search(self, x, false, &index);
    if (found < 0) return MOLT_ERROR;
    if (found == 0) return raise(ErrorId::NotInSequence);
    return int_from_i64(index);
  }
  int c = contains_int(r, x);
  if (c < 0) return MOLT_ERROR;
  if (c == 0) {
    Ref text(object_repr(x));
    if (text.is_error()) return MOLT_ERROR;
    size_t n = 0;
    const char* s = str_utf8(text.get(), &n);
    if (s == nullptr) return MOLT_ERROR;
    return raise(ErrorId::ValueNotInRange, s);
  }
  Ref diff(int_sub(int_from_bool_or_int(x), r->start));
  if (diff.is_error()) return MOLT_ERROR;
  return int_floordiv(diff.get(), r->step);
}

Value m_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("range.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return range_reversed(self);
}

Value m_contains(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("range.__contains__", nargs, kwnames)) return MOLT_ERROR;
  int r = range_contains(self, args[0]);
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

Value m_getitem(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("range.__getitem__", nargs, kwnames)) return MOLT_ERROR;
  return range_subscript(self, args[0]);
}

Value m_len(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("range.__len__", nargs, kwnames)) return MOLT_ERROR;
  int64_t n = range_len(self);
  return n < 0 ? MOLT_ERROR : int_from_i64(n);
}

const NumberMethods kRangeNumber = {.truth = range_truth};

const SequenceMethods kRangeSequence = {
    .length = range_len,
    .item = range_item,
    .contains = range_contains,
};

const MappingMethods kRangeMapping = {
    .length = range_len,
    .subscript = range_subscript,
    .ass_subscript = nullptr,
};

const MethodDef kRangeMethods[] = {
    {"count", m_count, kMethodPlain},
    {"index", m_index, kMethodPlain},
    {"__reversed__", m_reversed, kMethodPlain},
    {"__contains__", m_contains, kMethodPlain},
    {"__getitem__", m_getitem, kMethodPlain},
    {"__len__", m_len, kMethodPlain},
    {nullptr, nullptr, 0},
};

// --- iterators ----------------------------------------------------------------------------

struct RangeIterObject {
  Object ob;
  int64_t start;  ///< the next value
  int64_t step;
  int64_t len;  ///< values left
};

Value range_iter_next(Value v) {
  RangeIterObject* it = reinterpret_cast<RangeIterObject*>(as_object(v));
  if (it->len <= 0) return MOLT_UNBOUND;
  int64_t result = it->start;
  // Wrapping is harmless: it only happens after the last value.
  it->start = static_cast<int64_t>(static_cast<uint64_t>(result) + static_cast<uint64_t>(it->step));
  --it->len;
  return int_from_i64(result);
}

Value range_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("range_iterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  return int_from_i64(reinterpret_cast<RangeIterObject*>(as_object(self))->len);
}

const MethodDef kRangeIterMethods[] = {
    {"__length_hint__", range_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

struct LongRangeIterObject {
  Object ob;
  Value start;
  Value step;
  Value len;
};

void longrange_iter_dealloc(Object* o) {
  LongRangeIterObject* it = reinterpret_cast<LongRangeIterObject*>(o);
  decref(it->start);
  decref(it->step);
  decref(it->len);
  free_object(o);
}

Value longrange_iter_next(Value v) {
  LongRangeIterObject* it = reinterpret_cast<LongRangeIterObject*>(as_object(v));
  if (int_sign(it->len) <= 0) return MOLT_UNBOUND;
  Value next = int_add(it->start, it->step);
  if (molt_is_error(next)) return next;
  Value len = int_sub(it->len, small(1));
  if (molt_is_error(len)) {
    decref(next);
    return len;
  }
  Value result = it->start;
  it->start = next;
  decref(it->len);
  it->len = len;
  return result;
}

Value longrange_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("longrange_iterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  return new_ref(reinterpret_cast<LongRangeIterObject*>(as_object(self))->len);
}

const MethodDef kLongRangeIterMethods[] = {
    {"__length_hint__", longrange_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value fast_range_iter(int64_t start, int64_t step, int64_t len) {
  Object* o = alloc_object(&range_iterator_type, sizeof(RangeIterObject));
  if (o == nullptr) return MOLT_ERROR;
  RangeIterObject* it = reinterpret_cast<RangeIterObject*>(o);
  it->start = start;
  it->step = step;
  it->len = len;
  return from_object(o);
}

/// A longrange_iterator; steals nothing (all borrowed).
Value long_range_iter(Value start, Value step, Value len) {
  Object* o = alloc_object(&longrange_iterator_type, sizeof(LongRangeIterObject));
  if (o == nullptr) return MOLT_ERROR;
  LongRangeIterObject* it = reinterpret_cast<LongRangeIterObject*>(o);
  it->start = new_ref(start);
  it->step = new_ref(step);
  it->len = new_ref(len);
  return from_object(o);
}

/// CPython's get_len_of_range for C longs (as unsigned).
uint64_t len_of_range(int64_t lo, int64_t hi, int64_t step) {
  if (step > 0 && lo < hi) {
    return 1 + (static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) - 1) / static_cast<uint64_t>(step);
  }
  if (step < 0 && lo > hi) {
    return 1 +
           (static_cast<uint64_t>(lo) - 1 - static_cast<uint64_t>(hi)) / (0 - static_cast<uint64_t>(step));
  }
  return 0;
}

Value range_iter(Value v) {
  RangeObject* r = as_range(v);
  int64_t start, stop, step;
  if (int_to_i64(r->start, &start) && int_to_i64(r->stop, &stop) && int_to_i64(r->step, &step)) {
    uint64_t len = len_of_range(start, stop, step);
    bool ok = len <= static_cast<uint64_t>(INT64_MAX);
    if (ok && len > 0) ok = step > 0 ? stop <= INT64_MAX - (step - 1) : stop >= INT64_MIN + (-1 - step);
    if (ok) return fast_range_iter(start, step, static_cast<int64_t>(len));
  }
  return long_range_iter(r->start, r->step, r->length);
}

}  // namespace

Value range_reversed(Value v) {
  RangeObject* r = as_range(v);
  int64_t start, stop, step;
  if (int_to_i64(r->start, &start) && int_to_i64(r->stop, &stop) && int_to_i64(r->step, &step) &&
      step != INT64_MIN) {
    bool ok = step > 0 ? static_cast<uint64_t>(start) - static_cast<uint64_t>(INT64_MIN) >=
                             static_cast<uint64_t>(step)
                       : static_cast<uint64_t>(INT64_MAX) - static_cast<uint64_t>(start) >=
                             0 - static_cast<uint64_t>(step);
    uint64_t len = len_of_range(start, stop, step);
    if (ok && len <= static_cast<uint64_t>(INT64_MAX)) {
      int64_t new_stop = start - step;
      int64_t new_start =
          static_cast<int64_t>(static_cast<uint64_t>(new_stop) + len * static_cast<uint64_t>(step));
      return fast_range_iter(new_start, -step, static_cast<int64_t>(len));
    }
  }
  // start + (len - 1) * step, counting down by step.
  Ref last_index(int_sub(r->length, small(1)));
  if (last_index.is_error()) return MOLT_ERROR;
  Ref last(compute_item(r, last_index.get()));
  if (last.is_error()) return MOLT_ERROR;
  Ref neg_step(int_neg(r->step));
  if (neg_step.is_error()) return MOLT_ERROR;
  return long_range_iter(last.get(), neg_step.get(), r->length);
}

Type range_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "range",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(RangeObject),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .str = nullptr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .as_number = &kRangeNumber,
    .as_sequence = &kRangeSequence,
    .as_mapping = &kRangeMapping,
    .call = nullptr,
    .iter = range_iter,
    .iternext = nullptr,
    .construct = range_construct,
    .methods = kRangeMethods,
    .getattr = range_getattr,
};

Type range_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "range_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(RangeIterObject),
    .dealloc = nullptr,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = range_iter_next,
    .construct = nullptr,
    .methods = kRangeIterMethods,
};

Type longrange_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "longrange_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(LongRangeIterObject),
    .dealloc = longrange_iter_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = longrange_iter_next,
    .construct = nullptr,
    .methods = kLongRangeIterMethods,
};

}  // namespace molt
