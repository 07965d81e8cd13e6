// tuple.cc — the `tuple` type: construction, repr and CPython's hash.
#include "objects/tuple.h"

#include "core/abstract.h"
#include "core/errors.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

namespace {

void tuple_dealloc(Object* o) {
  TupleObject* t = reinterpret_cast<TupleObject*>(o);
  for (int64_t i = 0; i < t->size; ++i) decref(t->items[i]);
  free_object(o);
}

Value tuple_repr(Value v) {
  TupleObject* t = as_tuple(v);
  if (t->size == 0) return str_from_ascii("()", 2);
  StrBuilder b;
  if (!b.append_char('(')) return MOLT_ERROR;
  for (int64_t i = 0; i < t->size; ++i) {
    if (i > 0 && !b.append(", ", 2)) return MOLT_ERROR;
    Ref r(object_repr(t->items[i]));
    if (r.is_error() || !b.append_str(r.get())) return MOLT_ERROR;
  }
  if (t->size == 1 && !b.append_char(',')) return MOLT_ERROR;
  if (!b.append_char(')')) return MOLT_ERROR;
  return b.finish();
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

int64_t tuple_len(Value v) { return as_tuple(v)->size; }

const SequenceMethods kTupleSequence = {.length = tuple_len};

}  // namespace

Type tuple_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "tuple",
    .base = &object_type,
    .flags = kTypeIsTupleSubclass | kTypeAcceptsSubclasses,
    .basic_size = sizeof(TupleObject),
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .str = nullptr,
    .hash = tuple_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = &kTupleSequence,
};

bool is_tuple(Value v) { return molt_is_ptr(v) && (as_object(v)->type->flags & kTypeIsTupleSubclass) != 0; }

Value tuple_new(int64_t n) {
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

}  // namespace molt
