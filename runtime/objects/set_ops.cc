// set_ops.cc — set algebra (union, intersection, difference, symmetric
// difference, subset tests) with CPython 3.12's algorithms, which decide
// the resulting table layouts and so the iteration order of results; the
// operators, comparisons and the methods of set and frozenset.
#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/set_impl.h"

namespace molt {

namespace {

/// A new empty set of the base type of `so`'s type.
Value new_like(Value so, Value iterable = MOLT_UNBOUND) {
  return set_new_of_type(set_base_type(type_of(so)), iterable);
}

int contains_entry(Value s, Value key, int64_t hash) {
  return set_contains_known_hash(s, key, hash);
}

}  // namespace

Value set_intersection(Value so, Value other) {
  if (so == other) return set_copy_of_base(so);
  Ref result(new_like(so));
  if (result.is_error()) return MOLT_ERROR;
  if (is_anyset(other)) {
    // Iterate over the smaller set, probing the larger.
    if (set_size(other) > set_size(so)) {
      Value t = so;
      so = other;
      other = t;
    }
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(other, &pos, &key, &hash)) {
      Ref keep = Ref::borrow(key);
      int rv = contains_entry(so, key, hash);
      if (rv < 0) return MOLT_ERROR;
      if (rv && set_add_known_hash(result.get(), key, hash) < 0) return MOLT_ERROR;
    }
    return result.release();
  }
  Ref it(object_iter(other));
  if (it.is_error()) return MOLT_ERROR;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) break;
    if (key.is_error()) return MOLT_ERROR;
    int64_t hash = hash_value(key.get());
    if (hash == -1) return MOLT_ERROR;
    int rv = contains_entry(so, key.get(), hash);
    if (rv < 0) return MOLT_ERROR;
    if (rv) {
      if (set_add_known_hash(result.get(), key.get(), hash) < 0) return MOLT_ERROR;
      if (set_size(result.get()) >= set_size(so)) break;
    }
  }
  return result.release();
}

int set_difference_update(Value s, Value other) {
  SetObject* so = as_set(s);
  if (s == other) {
    set_clear(s);
    return 0;
  }
  if (is_anyset(other)) {
    Ref keep;
    // When other is much larger, only the common keys matter.
    if ((set_size(other) >> 3) > so->used) {
      keep = Ref(set_intersection(s, other));
      if (keep.is_error()) return -1;
    } else {
      keep = Ref::borrow(other);
    }
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(keep.get(), &pos, &key, &hash)) {
      Ref k = Ref::borrow(key);
      if (set_discard_entry(so, key, hash) < 0) return -1;
    }
  } else {
    Ref it(object_iter(other));
    if (it.is_error()) return -1;
    for (;;) {
      Ref key(iter_next(it.get()));
      if (key.get() == MOLT_UNBOUND) break;
      if (key.is_error() || set_discard(s, key.get()) < 0) return -1;
    }
  }
  // Purge dummies when more than a quarter of the table holds them.
  if (static_cast<uint64_t>(so->fill - so->used) <= static_cast<uint64_t>(so->mask) / 4) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

Value set_difference(Value so, Value other) {
  int64_t other_size;
  if (is_anyset(other)) {
    other_size = set_size(other);
  } else if (is_dict_exact(other)) {
    other_size = dict_size(other);
  } else {
    other_size = -1;
  }
  // Copy-and-remove when other is not a set/dict or is much smaller.
  if (other_size < 0 || (set_size(so) >> 2) > other_size) {
    Ref result(set_copy_of_base(so));
    if (result.is_error() || set_difference_update(result.get(), other) < 0) return MOLT_ERROR;
    return result.release();
  }
  Ref result(new_like(so));
  if (result.is_error()) return MOLT_ERROR;
  bool dict = is_dict_exact(other);
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(so, &pos, &key, &hash)) {
    Ref keep = Ref::borrow(key);
    int rv = dict ? dict_contains_known_hash(other, key, hash) : contains_entry(other, key, hash);
    if (rv < 0) return MOLT_ERROR;
    if (!rv && set_add_known_hash(result.get(), key, hash) < 0) return MOLT_ERROR;
  }
  return result.release();
}

int set_symmetric_difference_update(Value s, Value other) {
  SetObject* so = as_set(s);
  if (s == other) {
    set_clear(s);
    return 0;
  }
  int64_t pos = 0;
  Value key;
  int64_t hash;
  if (is_dict_exact(other)) {
    while (dict_next(other, &pos, &key, nullptr, &hash)) {
      Ref keep = Ref::borrow(key);
      int rv = set_discard_entry(so, key, hash);
      if (rv < 0) return -1;
      if (rv == 0 && set_add_entry(so, key, hash) < 0) return -1;
    }
    return 0;
  }
  Ref otherset(is_anyset(other) ? new_ref(other) : new_like(s, other));
  if (otherset.is_error()) return -1;
  while (set_next(otherset.get(), &pos, &key, &hash)) {
    Ref keep = Ref::borrow(key);
    int rv = set_discard_entry(so, key, hash);
    if (rv < 0) return -1;
    if (rv == 0 && set_add_entry(so, key, hash) < 0) return -1;
  }
  return 0;
}

Value set_symmetric_difference(Value so, Value other) {
  // CPython 3.12 builds the result from `other` and updates it with `so`.
  Ref result(new_like(so, other));
  if (result.is_error() || set_symmetric_difference_update(result.get(), so) < 0) return MOLT_ERROR;
  return result.release();
}

Value set_issubset(Value so, Value other) {
  if (!is_anyset(other)) {
    Ref tmp(set_intersection(so, other));
    if (tmp.is_error()) return MOLT_ERROR;
    return molt_from_bool(set_size(tmp.get()) == set_size(so));
  }
  if (set_size(so) > set_size(other)) return MOLT_FALSE;
  int64_t pos = 0;
  Value key;
  int64_t hash;
  while (set_next(so, &pos, &key, &hash)) {
    Ref keep = Ref::borrow(key);
    int rv = contains_entry(other, key, hash);
    if (rv < 0) return MOLT_ERROR;
    if (!rv) return MOLT_FALSE;
  }
  return MOLT_TRUE;
}

Value set_issuperset(Value so, Value other) {
  if (is_anyset(other)) return set_issubset(other, so);
  Ref it(object_iter(other));
  if (it.is_error()) return MOLT_ERROR;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) return MOLT_TRUE;
    if (key.is_error()) return MOLT_ERROR;
    int rv = set_contains(so, key.get());
    if (rv < 0) return MOLT_ERROR;
    if (!rv) return MOLT_FALSE;
  }
}

Value set_richcompare(Value v, Value w, CompareOp op) {
  if (!is_anyset(w)) return not_implemented();
  switch (op) {
    case CompareOp::Eq:
      if (set_size(v) != set_size(w)) return MOLT_FALSE;
      if (as_set(v)->hash != -1 && as_set(w)->hash != -1 && as_set(v)->hash != as_set(w)->hash)
        return MOLT_FALSE;
      return set_issubset(v, w);
    case CompareOp::Ne: {
      Value r = set_richcompare(v, w, CompareOp::Eq);
      if (molt_is_error(r)) return r;
      return molt_from_bool(r == MOLT_FALSE);
    }
    case CompareOp::Le: return set_issubset(v, w);
    case CompareOp::Ge: return set_issuperset(v, w);
    case CompareOp::Lt:
      if (set_size(v) >= set_size(w)) return MOLT_FALSE;
      return set_issubset(v, w);
    case CompareOp::Gt:
      if (set_size(v) <= set_size(w)) return MOLT_FALSE;
      return set_issuperset(v, w);
  }
  return not_implemented();
}

// --- operators ------------------------------------------------------------------------

namespace {

Value set_or(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  Ref result(set_copy_of_base(a));
  if (result.is_error()) return MOLT_ERROR;
  if (a != b && set_update(result.get(), b) < 0) return MOLT_ERROR;
  return result.release();
}

Value set_and(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_intersection(a, b);
}

Value set_sub(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_difference(a, b);
}

Value set_xor(Value a, Value b) {
  if (!is_anyset(a) || !is_anyset(b)) return not_implemented();
  return set_symmetric_difference(a, b);
}

/// s &= other: the intersection's table replaces s's.
int intersection_update_with(Value s, Value result_stolen) {
  if (molt_is_error(result_stolen)) return -1;
  set_swap_bodies(as_set(s), as_set(result_stolen));
  decref(result_stolen);
  return 0;
}

Value set_ior(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (set_update(a, b) < 0) return MOLT_ERROR;
  return new_ref(a);
}

Value set_iand(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (intersection_update_with(a, set_intersection(a, b)) < 0) return MOLT_ERROR;
  return new_ref(a);
}

Value set_isub(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (set_difference_update(a, b) < 0) return MOLT_ERROR;
  return new_ref(a);
}

Value set_ixor(Value a, Value b) {
  if (!is_anyset(b)) return not_implemented();
  if (set_symmetric_difference_update(a, b) < 0) return MOLT_ERROR;
  return new_ref(a);
}

// --- methods ----------------------------------------------------------------------------

Value none_or_error(int status) {
  return status < 0 ? MOLT_ERROR : MOLT_NONE;
}

Value m_add(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("set.add", nargs, kwnames)) return MOLT_ERROR;
  return none_or_error(set_add(self, args[0]));
}

Value m_remove(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("set.remove", nargs, kwnames)) return MOLT_ERROR;
  int r = set_discard(self, args[0]);
  if (r < 0) return MOLT_ERROR;
  if (r == 0) return raise_key_error(args[0]);
  return MOLT_NONE;
}

Value m_discard(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("set.discard", nargs, kwnames)) return MOLT_ERROR;
  return none_or_error(set_discard(self, args[0]));
}

Value m_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("set.pop", nargs, kwnames)) return MOLT_ERROR;
  return set_pop(self);
}

Value m_clear(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("set.clear", nargs, kwnames)) return MOLT_ERROR;
  set_clear(self);
  return MOLT_NONE;
}

const char* qualified(Value self, const char* set_name, const char* frozenset_name) {
  return is_set(self) ? set_name : frozenset_name;
}

Value m_copy(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args(qualified(self, "set.copy", "frozenset.copy"), nargs, kwnames)) return MOLT_ERROR;
  return set_copy(self);
}

Value m_union(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords(qualified(self, "set.union", "frozenset.union"), kwnames)) return MOLT_ERROR;
  Ref result(set_copy_of_base(self));
  if (result.is_error()) return MOLT_ERROR;
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (set_update(result.get(), args[i]) < 0) return MOLT_ERROR;
  }
  return result.release();
}

Value m_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("set.update", kwnames)) return MOLT_ERROR;
  for (size_t i = 0; i < nargs; ++i) {
    if (set_update(self, args[i]) < 0) return MOLT_ERROR;
  }
  return MOLT_NONE;
}

Value intersection_multi(Value self, const Value* args, size_t nargs) {
  if (nargs == 0) return set_copy_of_base(self);
  Ref result = Ref::borrow(self);
  for (size_t i = 0; i < nargs; ++i) {
    Value next = set_intersection(result.get(), args[i]);
    if (molt_is_error(next)) return next;
    result = Ref(next);
  }
  return result.release();
}

Value m_intersection(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords(qualified(self, "set.intersection", "frozenset.intersection"), kwnames))
    return MOLT_ERROR;
  return intersection_multi(self, args, nargs);
}

Value m_intersection_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("set.intersection_update", kwnames)) return MOLT_ERROR;
  return none_or_error(intersection_update_with(self, intersection_multi(self, args, nargs)));
}

Value m_difference(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords(qualified(self, "set.difference", "frozenset.difference"), kwnames))
    return MOLT_ERROR;
  if (nargs == 0) return set_copy_of_base(self);
  Ref result(set_difference(self, args[0]));
  if (result.is_error()) return MOLT_ERROR;
  for (size_t i = 1; i < nargs; ++i) {
    if (set_difference_update(result.get(), args[i]) < 0) return MOLT_ERROR;
  }
  return result.release();
}

Value m_difference_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("set.difference_update", kwnames)) return MOLT_ERROR;
  for (size_t i = 0; i < nargs; ++i) {
    if (set_difference_update(self, args[i]) < 0) return MOLT_ERROR;
  }
  return MOLT_NONE;
}

Value m_symmetric_difference(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg(qualified(self, "set.symmetric_difference", "frozenset.symmetric_difference"), nargs,
                     kwnames)) {
    return MOLT_ERROR;
  }
  return set_symmetric_difference(self, args[0]);
}

Value m_symmetric_difference_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("set.symmetric_difference_update", nargs, kwnames)) return MOLT_ERROR;
  return none_or_error(set_symmetric_difference_update(self, args[0]));
}

Value m_isdisjoint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg(qualified(self, "set.isdisjoint", "frozenset.isdisjoint"), nargs, kwnames))
    return MOLT_ERROR;
  Value other = args[0];
  if (self == other) return molt_from_bool(set_size(self) == 0);
  if (is_anyset_exact(other)) {
    Value so = self;
    if (set_size(other) > set_size(so)) {
      Value t = so;
      so = other;
      other = t;
    }
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (set_next(other, &pos, &key, &hash)) {
      Ref keep = Ref::borrow(key);
      int rv = contains_entry(so, key, hash);
      if (rv < 0) return MOLT_ERROR;
      if (rv) return MOLT_FALSE;
    }
    return MOLT_TRUE;
  }
  Ref it(object_iter(other));
  if (it.is_error()) return MOLT_ERROR;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) return MOLT_TRUE;
    if (key.is_error()) return MOLT_ERROR;
    int64_t hash = hash_value(key.get());
    if (hash == -1) return MOLT_ERROR;
    int rv = contains_entry(self, key.get(), hash);
    if (rv < 0) return MOLT_ERROR;
    if (rv) return MOLT_FALSE;
  }
}

Value m_issubset(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg(qualified(self, "set.issubset", "frozenset.issubset"), nargs, kwnames))
    return MOLT_ERROR;
  return set_issubset(self, args[0]);
}

Value m_issuperset(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg(qualified(self, "set.issuperset", "frozenset.issuperset"), nargs, kwnames))
    return MOLT_ERROR;
  return set_issuperset(self, args[0]);
}

Value m_contains(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg(qualified(self, "set.__contains__", "frozenset.__contains__"), nargs, kwnames)) {
    return MOLT_ERROR;
  }
  int r = set_contains(self, args[0]);
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

Value m_len(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args(qualified(self, "set.__len__", "frozenset.__len__"), nargs, kwnames)) return MOLT_ERROR;
  return int_from_i64(set_size(self));
}

}  // namespace

const NumberMethods kSetNumber = {
    .subtract = set_sub,
    .or_ = set_or,
    .xor_ = set_xor,
    .and_ = set_and,
    .inplace_subtract = set_isub,
    .inplace_or_ = set_ior,
    .inplace_xor_ = set_ixor,
    .inplace_and_ = set_iand,
};

const NumberMethods kFrozenSetNumber = {
    .subtract = set_sub,
    .or_ = set_or,
    .xor_ = set_xor,
    .and_ = set_and,
};

const MethodDef kSetMethods[] = {
    {"add", m_add, kMethodPlain},
    {"clear", m_clear, kMethodPlain},
    {"copy", m_copy, kMethodPlain},
    {"discard", m_discard, kMethodPlain},
    {"difference", m_difference, kMethodPlain},
    {"difference_update", m_difference_update, kMethodPlain},
    {"intersection", m_intersection, kMethodPlain},
    {"intersection_update", m_intersection_update, kMethodPlain},
    {"isdisjoint", m_isdisjoint, kMethodPlain},
    {"issubset", m_issubset, kMethodPlain},
    {"issuperset", m_issuperset, kMethodPlain},
    {"pop", m_pop, kMethodPlain},
    {"remove", m_remove, kMethodPlain},
    {"symmetric_difference", m_symmetric_difference, kMethodPlain},
    {"symmetric_difference_update", m_symmetric_difference_update, kMethodPlain},
    {"union", m_union, kMethodPlain},
    {"update", m_update, kMethodPlain},
    {"__contains__", m_contains, kMethodPlain},
    {"__len__", m_len, kMethodPlain},
    {nullptr, nullptr, 0},
};

const MethodDef kFrozenSetMethods[] = {
    {"copy", m_copy, kMethodPlain},
    {"difference", m_difference, kMethodPlain},
    {"intersection", m_intersection, kMethodPlain},
    {"isdisjoint", m_isdisjoint, kMethodPlain},
    {"issubset", m_issubset, kMethodPlain},
    {"issuperset", m_issuperset, kMethodPlain},
    {"symmetric_difference", m_symmetric_difference, kMethodPlain},
    {"union", m_union, kMethodPlain},
    {"__contains__", m_contains, kMethodPlain},
    {"__len__", m_len, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace molt
