// dict_views.cc — dict_keys, dict_values and dict_items (len, `in`,
// iteration, reversed, repr, and for keys/items the set-like comparisons
// and operators), and the six dict iterators with CPython's "changed size
// during iteration" checks.
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/dict_impl.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

// --- iterators --------------------------------------------------------------------------

enum class IterKind : uint8_t { Keys, Values, Items };

struct DictIterObject {
  Object ob;
  Value dict;    ///< MOLT_NONE once exhausted
  int64_t used;  ///< the dict's size when iteration started (-1: failed)
  int64_t pos;   ///< next entry position (reverse: current, counting down)
  int64_t len;   ///< items left to produce
  /// Item iterators: the last (key, value) tuple returned, reused when the
  /// caller has released it (as CPython does), else MOLT_NONE.
  Value result;
};

void dict_iter_dealloc(Object* o) {
  DictIterObject* it = reinterpret_cast<DictIterObject*>(o);
  decref(it->dict);
  decref(it->result);
  free_object(o);
}

Value iter_result(DictIterObject* it, IterKind kind, DictEntry* e) {
  switch (kind) {
    case IterKind::Keys: return new_ref(e->key);
    case IterKind::Values: return new_ref(e->value);
    case IterKind::Items: break;
  }
  Value key = new_ref(e->key), value = new_ref(e->value);
  Value cached = it->result;
  if (cached != MOLT_NONE && as_object(cached)->refcount == 1) {
    // Only this iterator holds the previous tuple: refill it.
    TupleObject* t = as_tuple(cached);
    Value old_key = t->items[0], old_value = t->items[1];
    t->items[0] = key;
    t->items[1] = value;
    t->hash_cache = -1;
    decref(old_key);
    decref(old_value);
    return new_ref(cached);
  }
  Value pair = tuple_pack2_steal(key, value);
  if (molt_is_error(pair)) return pair;
  decref(cached);
  it->result = new_ref(pair);
  return pair;
}

/// Ends the iteration (drops the dict) and returns `result`.
Value iter_finish(DictIterObject* it, Value result) {
  Value d = it->dict;
  it->dict = MOLT_NONE;
  decref(d);
  return result;
}

template <IterKind kKind>
Value dict_iter_next(Value v) {
  DictIterObject* it = reinterpret_cast<DictIterObject*>(as_object(v));
  if (it->dict == MOLT_NONE) return MOLT_UNBOUND;
  DictObject* d = as_dict(it->dict);
  if (it->used != d->used) {
    it->used = -1;  // stays failed
    return raise(ErrorId::DictChangedSize);
  }
  DictKeys* k = d->keys;
  DictEntry* e = keys_entries(k);
  int64_t i = it->pos;
  while (i < k->nentries && e[i].key == MOLT_UNBOUND) ++i;
  if (i >= k->nentries) return iter_finish(it, MOLT_UNBOUND);
  if (it->len == 0) {
    raise(ErrorId::DictKeysChanged);
    return iter_finish(it, MOLT_ERROR);
  }
  it->pos = i + 1;
  --it->len;
  return iter_result(it, kKind, &e[i]);
}

template <IterKind kKind>
Value dict_reviter_next(Value v) {
  DictIterObject* it = reinterpret_cast<DictIterObject*>(as_object(v));
  if (it->dict == MOLT_NONE) return MOLT_UNBOUND;
  DictObject* d = as_dict(it->dict);
  if (it->used != d->used) {
    it->used = -1;
    return raise(ErrorId::DictChangedSize);
  }
  DictKeys* k = d->keys;
  DictEntry* e = keys_entries(k);
  int64_t i = it->pos;
  if (i >= k->nentries) i = k->nentries - 1;  // the table was rebuilt smaller
  for (; i >= 0 && e[i].key == MOLT_UNBOUND; --i) {
  }
  if (i < 0) return iter_finish(it, MOLT_UNBOUND);
  it->pos = i - 1;
  --it->len;
  return iter_result(it, kKind, &e[i]);
}

Value dict_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  DictIterObject* it = reinterpret_cast<DictIterObject*>(as_object(self));
  int64_t n = it->dict != MOLT_NONE && it->used == as_dict(it->dict)->used ? it->len : 0;
  return int_from_i64(n);
}

const MethodDef kDictIterMethods[] = {
    {"__length_hint__", dict_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

constexpr Type make_dict_iter_type(const char* name, UnaryFunc next) {
  Type t = {
      .ob = {kImmortalRefcount, &type_type},
      .name = name,
      .base = &object_type,
      .flags = 0,
      .basic_size = sizeof(DictIterObject),
      .dealloc = dict_iter_dealloc,
      .repr = nullptr,
      .str = nullptr,
      .hash = nullptr,
      .richcompare = nullptr,
      .as_number = nullptr,
      .as_sequence = nullptr,
      .as_mapping = nullptr,
      .call = nullptr,
      .iter = iter_self,
      .iternext = next,
      .construct = nullptr,
      .methods = kDictIterMethods,
  };
  return t;
}

Value new_dict_iter(Type* type, Value dict, bool reverse) {
  Object* o = alloc_object(type, sizeof(DictIterObject));
  if (o == nullptr) return MOLT_ERROR;
  DictIterObject* it = reinterpret_cast<DictIterObject*>(o);
  DictObject* d = as_dict(dict);
  it->dict = new_ref(dict);
  it->used = d->used;
  it->len = d->used;
  it->pos = reverse ? d->keys->nentries - 1 : 0;
  it->result = MOLT_NONE;
  return from_object(o);
}

}  // namespace

constinit Type dict_keyiterator_type =
    make_dict_iter_type("dict_keyiterator", dict_iter_next<IterKind::Keys>);
constinit Type dict_valueiterator_type =
    make_dict_iter_type("dict_valueiterator", dict_iter_next<IterKind::Values>);
constinit Type dict_itemiterator_type =
    make_dict_iter_type("dict_itemiterator", dict_iter_next<IterKind::Items>);
constinit Type dict_reversekeyiterator_type =
    make_dict_iter_type("dict_reversekeyiterator", dict_reviter_next<IterKind::Keys>);
constinit Type dict_reversevalueiterator_type =
    make_dict_iter_type("dict_reversevalueiterator", dict_reviter_next<IterKind::Values>);
constinit Type dict_reverseitemiterator_type =
    make_dict_iter_type("dict_reverseitemiterator", dict_reviter_next<IterKind::Items>);

Value dict_iter(Value d) {
  return new_dict_iter(&dict_keyiterator_type, d, false);
}
Value dict_reversed(Value d) {
  return new_dict_iter(&dict_reversekeyiterator_type, d, true);
}

// --- views -----------------------------------------------------------------------------------

namespace {

struct DictViewObject {
  Object ob;
  Value dict;
};

inline Value view_dict(Value v) {
  return reinterpret_cast<DictViewObject*>(as_object(v))->dict;
}

bool is_set_like_view(Value v) {
  return molt_is_ptr(v) && (as_object(v)->type == &dict_keys_type || as_object(v)->type == &dict_items_type);
}
bool is_keys_view(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &dict_keys_type;
}
bool is_items_view(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &dict_items_type;
}

Value new_view(Type* type, Value dict) {
  Object* o = alloc_object(type, sizeof(DictViewObject));
  if (o == nullptr) return MOLT_ERROR;
  reinterpret_cast<DictViewObject*>(o)->dict = new_ref(dict);
  return from_object(o);
}

void view_dealloc(Object* o) {
  decref(reinterpret_cast<DictViewObject*>(o)->dict);
  free_object(o);
}

int64_t view_len(Value v) {
  return dict_size(view_dict(v));
}

Value view_repr(Value v) {
  int guard = repr_enter(v);
  if (guard < 0) return MOLT_ERROR;
  if (guard > 0) return str_from_ascii("...", 3);
  Value result = MOLT_ERROR;
  Value seq = list_from_iterable(v);
  if (!molt_is_error(seq)) {
    StrBuilder b;
    if (b.append_cstr(type_name(v)) && b.append_char('(') && append_repr(b, seq) && b.append_char(')')) {
      result = b.finish();
    }
    decref(seq);
  }
  repr_leave(v);
  return result;
}

int keys_contains(Value v, Value key) {
  return dict_contains(view_dict(v), key);
}

int items_contains(Value v, Value item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Value found = dict_get_borrowed(view_dict(v), tuple_item_borrowed(item, 0));
  if (molt_is_error(found)) return -1;
  if (found == MOLT_UNBOUND) return 0;
  Ref keep = Ref::borrow(found);
  return items_equal(found, tuple_item_borrowed(item, 1));
}

Value keys_iter(Value v) {
  return new_dict_iter(&dict_keyiterator_type, view_dict(v), false);
}
Value values_iter(Value v) {
  return new_dict_iter(&dict_valueiterator_type, view_dict(v), false);
}
Value items_iter(Value v) {
  return new_dict_iter(&dict_itemiterator_type, view_dict(v), false);
}

/// Every item of `self` is in `other` (CPython's all_contained_in). 1/0/-1.
int all_contained_in(Value self, Value other) {
  Ref it(object_iter(self));
  if (it.is_error()) return -1;
  for (;;) {
    Ref x(iter_next(it.get()));
    if (x.get() == MOLT_UNBOUND) return 1;
    if (x.is_error()) return -1;
    int r = object_contains(other, x.get());
    if (r <= 0) return r;
  }
}

Value view_richcompare(Value self, Value other, CompareOp op) {
  if (!is_anyset(other) && !is_set_like_view(other)) return not_implemented();
  int64_t len_self = object_length(self);
  if (len_self < 0) return MOLT_ERROR;
  int64_t len_other = object_length(other);
  if (len_other < 0) return MOLT_ERROR;
  int ok = 0;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (len_self == len_other) ok = all_contained_in(self, other);
      if (op == CompareOp::Ne && ok >= 0) ok = !ok;
      break;
    case CompareOp::Lt:
      if (len_self < len_other) ok = all_contained_in(self, other);
      break;
    case CompareOp::Le:
      if (len_self <= len_other) ok = all_contained_in(self, other);
      break;
    case CompareOp::Gt:
      if (len_self > len_other) ok = all_contained_in(other, self);
      break;
    case CompareOp::Ge:
      if (len_self >= len_other) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return MOLT_ERROR;
  return molt_from_bool(ok != 0);
}

/// A new set from a view operand (a keys view reads its dict directly).
Value view_to_set(Value v) {
  if (is_keys_view(v) && is_dict_exact(view_dict(v))) return set_new(view_dict(v));
  return set_new(v);
}

Value view_sub(Value a, Value b) {
  Ref result(view_to_set(a));
  if (result.is_error() || set_difference_update(result.get(), b) < 0) return MOLT_ERROR;
  return result.release();
}

Value view_or(Value a, Value b) {
  Ref result(view_to_set(a));
  if (result.is_error() || set_update(result.get(), b) < 0) return MOLT_ERROR;
  return result.release();
}

/// CPython's _PyDictView_Intersect.
Value view_and(Value self, Value other) {
  if (!is_set_like_view(self)) {
    Value t = self;
    self = other;
    other = t;
  }
  int64_t len_self = view_len(self);
  if (molt_is_ptr(other) && as_object(other)->type == &set_type && len_self <= set_size(other)) {
    return set_intersection(other, self);
  }
  if (is_set_like_view(other) && view_len(other) > len_self) {
    Value t = self;
    self = other;
    other = t;
  }
  Ref result(set_new(MOLT_UNBOUND));
  if (result.is_error()) return MOLT_ERROR;
  Ref it(object_iter(other));
  if (it.is_error()) return MOLT_ERROR;
  bool keys = is_keys_view(self);
  for (;;) {
    Ref x(iter_next(it.get()));
    if (x.get() == MOLT_UNBOUND) break;
    if (x.is_error()) return MOLT_ERROR;
    int r = keys ? keys_contains(self, x.get()) : items_contains(self, x.get());
    if (r < 0) return MOLT_ERROR;
    if (r > 0 && set_add(result.get(), x.get()) < 0) return MOLT_ERROR;
  }
  return result.release();
}

/// items ^ items: pairs in exactly one of the two dicts (CPython's
/// dictitems_xor).
Value items_xor(Value a, Value b) {
  Value d1 = view_dict(a), d2 = view_dict(b);
  Ref temp(dict_copy(d1));
  if (temp.is_error()) return MOLT_ERROR;
  Ref result(set_new(MOLT_UNBOUND));
  if (result.is_error()) return MOLT_ERROR;
  int64_t pos = 0;
  Value key, val2;
  int64_t hash;
  while (dict_next(d2, &pos, &key, &val2, &hash)) {
    Ref k = Ref::borrow(key), v2 = Ref::borrow(val2);
    Value val1 = dict_get_borrowed_known_hash(temp.get(), key, hash);
    if (molt_is_error(val1)) return MOLT_ERROR;
    int to_delete = 0;
    if (val1 != MOLT_UNBOUND) {
      Ref v1 = Ref::borrow(val1);
      to_delete = items_equal(val1, val2);
      if (to_delete < 0) return MOLT_ERROR;
    }
    if (to_delete) {
      if (dict_discard_known_hash(temp.get(), key, hash) < 0) return MOLT_ERROR;
    } else {
      Ref pair(tuple_pack2_steal(new_ref(key), new_ref(val2)));
      if (pair.is_error() || set_add(result.get(), pair.get()) < 0) return MOLT_ERROR;
    }
  }
  Ref remaining(dict_items_view(temp.get()));
  if (remaining.is_error() || set_update(result.get(), remaining.get()) < 0) return MOLT_ERROR;
  return result.release();
}

Value view_xor(Value a, Value b) {
  if (is_items_view(a) && is_items_view(b)) return items_xor(a, b);
  Ref result(view_to_set(a));
  if (result.is_error() || set_symmetric_difference_update(result.get(), b) < 0) return MOLT_ERROR;
  return result.release();
}

Value view_isdisjoint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("isdisjoint", nargs, kwnames)) return MOLT_ERROR;
  Value other = args[0];
  if (self == other) return molt_from_bool(view_len(self) == 0);
  if (is_anyset(other) || is_set_like_view(other)) {
    int64_t len_self = view_len(self);
    int64_t len_other = object_length(other);
    if (len_other < 0) return MOLT_ERROR;
    if (len_other > len_self) {
      Value t = self;
      self = other;
      other = t;
    }
  }
  Ref it(object_iter(other));
  if (it.is_error()) return MOLT_ERROR;
  for (;;) {
    Ref x(iter_next(it.get()));
    if (x.get() == MOLT_UNBOUND) return MOLT_TRUE;
    if (x.is_error()) return MOLT_ERROR;
    int r = object_contains(self, x.get());
    if (r < 0) return MOLT_ERROR;
    if (r > 0) return MOLT_FALSE;
  }
}

Value keys_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict_keys.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return new_dict_iter(&dict_reversekeyiterator_type, view_dict(self), true);
}
Value values_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict_values.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return new_dict_iter(&dict_reversevalueiterator_type, view_dict(self), true);
}
Value items_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict_items.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return new_dict_iter(&dict_reverseitemiterator_type, view_dict(self), true);
}

/// dict_values has object's identity hash.
int64_t identity_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

const NumberMethods kViewNumber = {
    .subtract = view_sub,
    .or_ = view_or,
    .xor_ = view_xor,
    .and_ = view_and,
};

const SequenceMethods kKeysSequence = {.length = view_len, .contains = keys_contains};
const SequenceMethods kItemsSequence = {.length = view_len, .contains = items_contains};
const SequenceMethods kValuesSequence = {.length = view_len};

const MethodDef kKeysMethods[] = {
    {"isdisjoint", view_isdisjoint, kMethodPlain},
    {"__reversed__", keys_reversed, kMethodPlain},
    {nullptr, nullptr, 0},
};
const MethodDef kItemsMethods[] = {
    {"isdisjoint", view_isdisjoint, kMethodPlain},
    {"__reversed__", items_reversed, kMethodPlain},
    {nullptr, nullptr, 0},
};
const MethodDef kValuesMethods[] = {
    {"__reversed__", values_reversed, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace

Type dict_keys_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "dict_keys",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(DictViewObject),
    .dealloc = view_dealloc,
    .repr = view_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = view_richcompare,
    .as_number = &kViewNumber,
    .as_sequence = &kKeysSequence,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = keys_iter,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = kKeysMethods,
};

Type dict_items_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "dict_items",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(DictViewObject),
    .dealloc = view_dealloc,
    .repr = view_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = view_richcompare,
    .as_number = &kViewNumber,
    .as_sequence = &kItemsSequence,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = items_iter,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = kItemsMethods,
};

Type dict_values_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "dict_values",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(DictViewObject),
    .dealloc = view_dealloc,
    .repr = view_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = &kValuesSequence,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = values_iter,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = kValuesMethods,
};

Value dict_keys_view(Value d) {
  return new_view(&dict_keys_type, d);
}
Value dict_values_view(Value d) {
  return new_view(&dict_values_type, d);
}
Value dict_items_view(Value d) {
  return new_view(&dict_items_type, d);
}

}  // namespace molt
