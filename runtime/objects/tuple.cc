// tuple.cc — the `tuple` type: construction, repr, CPython's hash,
// comparison, the sequence and mapping protocols, methods, tuple_iterator.
#include "objects/tuple.h"

#include <stdlib.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/slice.h"
#include "objects/str.h"

namespace molt {

namespace {

/// The empty tuple: one immortal object, as in CPython.
TupleObject g_empty_tuple = {{kImmortalRefcount, &tuple_type}, 0, -1};

void tuple_dealloc(Object* o) {
  TupleObject* t = reinterpret_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) decref(t->items[i]);
  free_object(o);
}

Value tuple_repr(Value v) {
  TupleObject* t = as_tuple(v);
  if (t->size == 0) return str_from_ascii("()", 2);
  int guard = repr_enter(v);
  if (guard < 0) return MOLT_ERROR;
  if (guard > 0) return str_from_ascii("(...)", 5);
  StrBuilder b;
  bool ok = b.append_char('(');
  for (int64_t i = 0; ok && i < t->size; ++i) {
    if (i > 0) ok = b.append(", ", 2);
    ok = ok && append_repr(b, t->items[i]);
  }
  if (ok && t->size == 1) ok = b.append_char(',');
  ok = ok && b.append_char(')');
  repr_leave(v);
  return ok ? b.finish() : MOLT_ERROR;
}

// CPython 3.8+ tuple hash: xxHash-style accumulation of the items' hashes.
int64_t tuple_hash(Value v) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  TupleObject* t = as_tuple(v);
  uint64_t acc = kPrime5;
  for (int64_t i = 0; i < t->size; ++i) {
    int64_t h = object_hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

Value tuple_richcompare(Value a, Value b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return not_implemented();
  // Keep both alive: comparing items can run arbitrary code.
  Ref keep_a = Ref::borrow(a), keep_b = Ref::borrow(b);
  return sequence_richcompare(as_tuple(a)->items, tuple_size(a), as_tuple(b)->items, tuple_size(b), op);
}

int64_t tuple_len(Value v) {
  return as_tuple(v)->size;
}

int tuple_contains(Value v, Value x) {
  TupleObject* t = as_tuple(v);
  for (int64_t i = 0; i < t->size; ++i) {
    int eq = items_equal(t->items[i], x);
    if (eq != 0) return eq;
  }
  return 0;
}

Value tuple_item(Value v, int64_t i) {
  TupleObject* t = as_tuple(v);
  if (i < 0 || i >= t->size) return raise(ErrorId::SeqIndexOutOfRange, "tuple");
  return new_ref(t->items[i]);
}

Value tuple_concat(Value a, Value b) {
  if (!is_tuple(b)) return raise(ErrorId::ConcatOnly, "tuple", type_name(b), "tuple");
  int64_t na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && is_tuple_exact(a)) return new_ref(a);
  if (na == 0 && is_tuple_exact(b)) return new_ref(b);
  Value r = tuple_new(na + nb);
  if (molt_is_error(r)) return r;
  TupleObject* t = as_tuple(r);
  for (int64_t i = 0; i < na; ++i) t->items[i] = new_ref(as_tuple(a)->items[i]);
  for (int64_t i = 0; i < nb; ++i) t->items[na + i] = new_ref(as_tuple(b)->items[i]);
  return r;
}

Value tuple_repeat(Value v, int64_t n) {
  int64_t size = tuple_size(v);
  if (size == 0 || n <= 0) return tuple_new(0);
  if (n == 1 && is_tuple_exact(v)) return new_ref(v);
  if (size > INT64_MAX / 16 / n) return raise_no_memory();
  Value r = tuple_new(size * n);
  if (molt_is_error(r)) return r;
  Value* dst = as_tuple(r)->items;
  const Value* src = as_tuple(v)->items;
  for (int64_t k = 0; k < n; ++k) {
    for (int64_t i = 0; i < size; ++i) *dst++ = new_ref(src[i]);
  }
  return r;
}

Value tuple_subscript(Value v, Value key) {
  TupleObject* t = as_tuple(v);
  if (molt_is_small_int(key)) {
    int64_t i = molt_as_small_int(key);
    if (i < 0) i += t->size;
    if (i < 0 || i >= t->size) return raise(ErrorId::SeqIndexOutOfRange, "tuple");
    return new_ref(t->items[i]);
  }
  if (has_index(key)) {
    int64_t i = 0;
    if (!number_as_ssize(key, &exc::IndexError, &i)) return MOLT_ERROR;
    if (i < 0) i += t->size;
    return tuple_item(v, i);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (!slice_unpack(key, &start, &stop, &step)) return MOLT_ERROR;
    int64_t n = slice_adjust_indices(t->size, &start, &stop, step);
    if (n <= 0) return tuple_new(0);
    if (step == 1) return tuple_get_slice(v, start, stop);
    Value r = tuple_new(n);
    if (molt_is_error(r)) return r;
    for (int64_t i = 0, cur = start; i < n; ++i, cur += step) as_tuple(r)->items[i] = new_ref(t->items[cur]);
    return r;
  }
  return raise(ErrorId::IndicesMustBeIntegers, "tuple", type_name(key));
}

Value tuple_iter(Value v);

/// tuple.index(value, start=0, stop=sys.maxsize).
Value tuple_method_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("index", kwnames) || !check_positional("index", nargs, 1, 3)) return MOLT_ERROR;
  int64_t size = tuple_size(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs >= 2 && !slice_index_not_none(args[1], &start)) return MOLT_ERROR;
  if (nargs >= 3 && !slice_index_not_none(args[2], &stop)) return MOLT_ERROR;
  if (start < 0) {
    start += size;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += size;
  } else if (stop > size) {
    stop = size;
  }
  for (int64_t i = start; i < stop; ++i) {
    int eq = items_equal(as_tuple(self)->items[i], args[0]);
    if (eq < 0) return MOLT_ERROR;
    if (eq > 0) return int_from_i64(i);
  }
  return raise(ErrorId::TupleIndexMissing);
}

/// tuple.count(value).
Value tuple_method_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("tuple.count", nargs, kwnames)) return MOLT_ERROR;
  int64_t count = 0;
  for (int64_t i = 0; i < tuple_size(self); ++i) {
    int eq = items_equal(as_tuple(self)->items[i], args[0]);
    if (eq < 0) return MOLT_ERROR;
    count += eq;
  }
  return int_from_i64(count);
}

Value tuple_method_len(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("tuple.__len__", nargs, kwnames)) return MOLT_ERROR;
  return int_from_i64(tuple_size(self));
}

Value tuple_method_getitem(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("tuple.__getitem__", nargs, kwnames)) return MOLT_ERROR;
  return tuple_subscript(self, args[0]);
}

Value tuple_method_contains(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("tuple.__contains__", nargs, kwnames)) return MOLT_ERROR;
  int r = tuple_contains(self, args[0]);
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

/// tuple() / tuple(iterable).
Value tuple_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("tuple", kwnames) || !check_positional("tuple", nargs, 0, 1)) return MOLT_ERROR;
  if (nargs == 0) return tuple_new(0);
  return tuple_from_iterable(args[0]);
}

const SequenceMethods kTupleSequence = {
    .length = tuple_len,
    .concat = tuple_concat,
    .repeat = tuple_repeat,
    .item = tuple_item,
    .contains = tuple_contains,
};

const MappingMethods kTupleMapping = {
    .length = tuple_len,
    .subscript = tuple_subscript,
    .ass_subscript = nullptr,
};

const MethodDef kTupleMethods[] = {
    {"index", tuple_method_index, kMethodPlain},
    {"count", tuple_method_count, kMethodPlain},
    {"__len__", tuple_method_len, kMethodPlain},
    {"__getitem__", tuple_method_getitem, kMethodPlain},
    {"__contains__", tuple_method_contains, kMethodPlain},
    {nullptr, nullptr, 0},
};

// --- tuple_iterator ---------------------------------------------------------------------

struct TupleIterObject {
  Object ob;
  int64_t index;
  Value seq;  ///< the tuple, or MOLT_NONE once exhausted
};

void tuple_iter_dealloc(Object* o) {
  decref(reinterpret_cast<TupleIterObject*>(o)->seq);
  free_object(o);
}

Value tuple_iter_next(Value v) {
  TupleIterObject* it = reinterpret_cast<TupleIterObject*>(as_object(v));
  if (it->seq == MOLT_NONE) return MOLT_UNBOUND;
  if (it->index < tuple_size(it->seq)) return new_ref(as_tuple(it->seq)->items[it->index++]);
  Value seq = it->seq;
  it->seq = MOLT_NONE;
  decref(seq);
  return MOLT_UNBOUND;
}

Value tuple_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("tuple_iterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  TupleIterObject* it = reinterpret_cast<TupleIterObject*>(as_object(self));
  return int_from_i64(it->seq == MOLT_NONE ? 0 : tuple_size(it->seq) - it->index);
}

const MethodDef kTupleIterMethods[] = {
    {"__length_hint__", tuple_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value tuple_iter(Value v) {
  Object* o = alloc_object(&tuple_iterator_type, sizeof(TupleIterObject));
  if (o == nullptr) return MOLT_ERROR;
  TupleIterObject* it = reinterpret_cast<TupleIterObject*>(o);
  it->index = 0;
  it->seq = new_ref(v);
  return from_object(o);
}

}  // namespace

namespace {

void tuple_traverse(Object* o, VisitFn visit, void* arg) {
  TupleObject* t = reinterpret_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) visit(t->items[i], arg);
}

void tuple_clear(Object* o) {
  TupleObject* t = reinterpret_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    Value v = t->items[i];
    t->items[i] = MOLT_NONE;
    decref(v);
  }
}

}  // namespace

Type tuple_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "tuple",
    .base = &object_type,
    .flags = kTypeIsTupleSubclass | kTypeAcceptsSubclasses | kTypeIsGc,
    .basic_size = sizeof(TupleObject),
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .str = nullptr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .as_number = nullptr,
    .as_sequence = &kTupleSequence,
    .as_mapping = &kTupleMapping,
    .call = nullptr,
    .iter = tuple_iter,
    .iternext = nullptr,
    .construct = tuple_construct,
    .methods = kTupleMethods,
    .traverse = tuple_traverse,
    .clear = tuple_clear,
};

Type tuple_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "tuple_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(TupleIterObject),
    .dealloc = tuple_iter_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = tuple_iter_next,
    .construct = nullptr,
    .methods = kTupleIterMethods,
};

bool is_tuple(Value v) {
  return molt_is_ptr(v) && (as_object(v)->type->flags & kTypeIsTupleSubclass) != 0;
}

Value tuple_new(int64_t n) {
  if (n == 0) return from_object(&g_empty_tuple.ob);
  Object* o = alloc_object(&tuple_type, sizeof(TupleObject) + sizeof(Value) * static_cast<size_t>(n));
  if (o == nullptr) return MOLT_ERROR;
  TupleObject* t = reinterpret_cast<TupleObject*>(o);
  t->size = n;
  t->hash_cache = -1;
  for (int64_t i = 0; i < n; ++i) t->items[i] = MOLT_NONE;
  return from_object(o);
}

Value tuple_pack1_steal(Value a) {
  if (molt_is_error(a)) return a;
  Value t = tuple_new(1);
  if (molt_is_error(t)) {
    decref(a);
    return t;
  }
  as_tuple(t)->items[0] = a;
  return t;
}

Value tuple_pack2_steal(Value a, Value b) {
  if (molt_is_error(a) || molt_is_error(b)) {
    decref(molt_is_error(a) ? MOLT_NONE : a);
    decref(molt_is_error(b) ? MOLT_NONE : b);
    return MOLT_ERROR;
  }
  Value t = tuple_new(2);
  if (molt_is_error(t)) {
    decref(a);
    decref(b);
    return t;
  }
  as_tuple(t)->items[0] = a;
  as_tuple(t)->items[1] = b;
  return t;
}

Value tuple_from_array(const Value* items, int64_t n) {
  Value t = tuple_new(n);
  if (molt_is_error(t)) return t;
  for (int64_t i = 0; i < n; ++i) as_tuple(t)->items[i] = new_ref(items[i]);
  return t;
}

Value tuple_from_iterable(Value iterable) {
  if (is_tuple_exact(iterable)) return new_ref(iterable);
  if (is_list(iterable)) return tuple_from_array(as_list(iterable)->items, list_size(iterable));
  ValueBuffer items;
  if (!collect_iterable(iterable, items)) return MOLT_ERROR;
  Value t = tuple_new(items.size());
  if (molt_is_error(t)) return t;
  int64_t cap = 0;
  int64_t n = items.size();
  Value* data = items.take(&cap);
  for (int64_t i = 0; i < n; ++i) as_tuple(t)->items[i] = data[i];
  free(data);
  return t;
}

Value tuple_get_slice(Value t, int64_t lo, int64_t hi) {
  if (lo == 0 && hi == tuple_size(t) && is_tuple_exact(t)) return new_ref(t);
  return tuple_from_array(as_tuple(t)->items + lo, hi - lo);
}

Value sequence_richcompare(const Value* a, int64_t na, const Value* b, int64_t nb, CompareOp op) {
  int64_t i = 0;
  for (; i < na && i < nb; ++i) {
    int eq = items_equal(a[i], b[i]);
    if (eq < 0) return MOLT_ERROR;
    if (eq == 0) break;
  }
  if (i >= na || i >= nb) return compare_sizes(na, nb, op);
  if (op == CompareOp::Eq) return MOLT_FALSE;
  if (op == CompareOp::Ne) return MOLT_TRUE;
  return rich_compare(a[i], b[i], op);
}

}  // namespace molt
