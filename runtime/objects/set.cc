// set.cc — the `set`/`frozenset` hash table (CPython 3.12's probing,
// insertion, deletion, resizing and merging), the two types with their
// repr, hash, length, membership and construction, and set_iterator.
#include "objects/set.h"

#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set_impl.h"
#include "objects/str.h"

namespace molt {

namespace {

void fill_empty(SetEntry* table, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    table[i].key = MOLT_UNBOUND;
    table[i].hash = 0;
  }
}

/// Inserts into a table known to hold neither key nor dummies.
void set_insert_clean(SetEntry* table, size_t mask, Value key, int64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key == MOLT_UNBOUND) {
      entry->key = key;
      entry->hash = hash;
      return;
    }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (entry->key == MOLT_UNBOUND) {
          entry->key = key;
          entry->hash = hash;
          return;
        }
      }
    }
    perturb >>= kSetPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/// Equality of a stored key and a probe key with the fast paths that
/// cannot run Python code: 1 equal, 0 different, 2 needs a rich comparison.
inline int fast_key_eq(Value stored, Value key) {
  if (stored == key) return 1;
  if (molt_is_small_int(stored) && molt_is_small_int(key)) return 0;
  if (is_str_exact(stored) && is_str_exact(key)) return str_equal(stored, key) ? 1 : 0;
  return 2;
}

}  // namespace

SetEntry* set_lookkey(SetObject* so, Value key, int64_t hash) {
restart:
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  for (;;) {
    SetEntry* entry = &so->table[i];
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      if (entry->key == MOLT_UNBOUND) return entry;
      if (entry->hash == hash) {
        Value start = entry->key;
        int eq = fast_key_eq(start, key);
        if (eq == 1) return entry;
        if (eq == 2) {
          SetEntry* table = so->table;
          incref(start);
          int cmp = rich_compare_bool(start, key, CompareOp::Eq);
          decref(start);
          if (cmp < 0) return nullptr;
          if (table != so->table || entry->key != start) goto restart;
          if (cmp > 0) return entry;
          mask = static_cast<size_t>(so->mask);
        }
      }
      ++entry;
      if (probes-- == 0) break;
    }
    perturb >>= kSetPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

int set_add_entry(SetObject* so, Value key, int64_t hash) {
  // Hold the key: comparisons can run code that drops other references.
  incref(key);
restart:
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  SetEntry* freeslot = nullptr;
  SetEntry* entry = nullptr;
  for (;;) {
    entry = &so->table[i];
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (;;) {
      if (entry->key == MOLT_UNBOUND) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Value start = entry->key;
        int eq = fast_key_eq(start, key);
        if (eq == 1) goto found_active;
        if (eq == 2) {
          SetEntry* table = so->table;
          incref(start);
          int cmp = rich_compare_bool(start, key, CompareOp::Eq);
          decref(start);
          if (cmp > 0) goto found_active;
          if (cmp < 0) {
            decref(key);
            return -1;
          }
          if (table != so->table || entry->key != start) goto restart;
          mask = static_cast<size_t>(so->mask);
        }
      } else if (entry->hash == -1) {
        // A deleted slot: reuse the last one seen on the probe path.
        freeslot = entry;
      }
      ++entry;
      if (probes-- == 0) break;
    }
    perturb >>= kSetPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != nullptr) {
    ++so->used;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  ++so->fill;
  ++so->used;
  entry->key = key;
  entry->hash = hash;
  if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
  return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
  decref(key);
  return 0;
}

int set_discard_entry(SetObject* so, Value key, int64_t hash) {
  SetEntry* entry = set_lookkey(so, key, hash);
  if (entry == nullptr) return -1;
  if (entry->key == MOLT_UNBOUND) return 0;
  Value old = entry->key;
  entry->key = kSetDummy;
  entry->hash = -1;
  --so->used;
  decref(old);
  return 1;
}

int set_table_resize(SetObject* so, int64_t minused) {
  size_t newsize = kSetMinSize;
  while (newsize <= static_cast<size_t>(minused)) newsize <<= 1;
  SetEntry* oldtable = so->table;
  size_t oldmask = static_cast<size_t>(so->mask);
  bool old_malloced = oldtable != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  SetEntry* newtable;
  if (newsize == kSetMinSize) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;  // no dummies to purge
      memcpy(small_copy, oldtable, sizeof small_copy);
      oldtable = small_copy;
    }
  } else {
    newtable = static_cast<SetEntry*>(malloc(newsize * sizeof(SetEntry)));
    if (newtable == nullptr) {
      raise_no_memory();
      return -1;
    }
  }
  fill_empty(newtable, newsize);
  so->mask = static_cast<int64_t>(newsize - 1);
  so->table = newtable;
  size_t newmask = newsize - 1;
  so->fill = so->used;
  for (size_t i = 0; i <= oldmask; ++i) {
    if (set_entry_live(oldtable[i])) set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
  }
  if (old_malloced) free(oldtable);
  return 0;
}

int set_merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  // One resize up front rather than several while inserting.
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (set_table_resize(so, (so->used + other->used) * 2) < 0) return -1;
  }
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  // Same size, empty target and no dummies in the source: copy slot by slot.
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i, ++so_entry, ++other_entry) {
      if (other_entry->key != MOLT_UNBOUND) {
        so_entry->key = new_ref(other_entry->key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    so->used = other->used;
    return 0;
  }
  // Empty target: no duplicates are possible, insert without comparing.
  if (so->fill == 0) {
    so->fill = other->used;
    so->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i) {
      if (set_entry_live(other->table[i])) {
        set_insert_clean(so->table, static_cast<size_t>(so->mask), new_ref(other->table[i].key),
                         other->table[i].hash);
      }
    }
    return 0;
  }
  for (int64_t i = 0; i <= other->mask; ++i) {
    SetEntry e = other->table[i];
    if (set_entry_live(e) && set_add_entry(so, e.key, e.hash) < 0) return -1;
  }
  return 0;
}

void set_swap_bodies(SetObject* a, SetObject* b) {
  int64_t t = a->fill;
  a->fill = b->fill;
  b->fill = t;
  t = a->used;
  a->used = b->used;
  b->used = t;
  t = a->mask;
  a->mask = b->mask;
  b->mask = t;
  SetEntry* u = a->table == a->smalltable ? b->smalltable : a->table;
  a->table = b->table == b->smalltable ? a->smalltable : b->table;
  b->table = u;
  if (a->table == a->smalltable || b->table == b->smalltable) {
    SetEntry tab[kSetMinSize];
    memcpy(tab, a->smalltable, sizeof tab);
    memcpy(a->smalltable, b->smalltable, sizeof tab);
    memcpy(b->smalltable, tab, sizeof tab);
  }
  if (is_frozenset(from_object(&a->ob)) && is_frozenset(from_object(&b->ob))) {
    t = a->hash;
    a->hash = b->hash;
    b->hash = t;
  } else {
    a->hash = -1;
    b->hash = -1;
  }
}

Type* set_base_type(Type* t) {
  if (t == &set_type || t == &frozenset_type) return t;
  return is_subtype(t, &set_type) ? &set_type : &frozenset_type;
}

// --- the C++ API -------------------------------------------------------------------------

bool is_anyset(Value v) {
  if (!molt_is_ptr(v)) return false;
  Type* t = as_object(v)->type;
  return t == &set_type || t == &frozenset_type || is_subtype(t, &set_type) || is_subtype(t, &frozenset_type);
}
bool is_set(Value v) {
  return molt_is_ptr(v) && is_subtype(as_object(v)->type, &set_type);
}
bool is_frozenset(Value v) {
  return molt_is_ptr(v) && is_subtype(as_object(v)->type, &frozenset_type);
}

Value set_new_of_type(Type* type, Value iterable) {
  Object* o = alloc_object(type, sizeof(SetObject));
  if (o == nullptr) return MOLT_ERROR;
  SetObject* so = reinterpret_cast<SetObject*>(o);
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  so->finger = 0;
  fill_empty(so->smalltable, kSetMinSize);
  Value s = from_object(o);
  if (iterable != MOLT_UNBOUND && set_update(s, iterable) < 0) {
    decref(s);
    return MOLT_ERROR;
  }
  return s;
}

Value set_new(Value iterable) {
  return set_new_of_type(&set_type, iterable);
}
Value frozenset_new(Value iterable) {
  return set_new_of_type(&frozenset_type, iterable);
}

int set_add_known_hash(Value s, Value key, int64_t hash) {
  return set_add_entry(as_set(s), key, hash);
}

int set_add(Value s, Value key) {
  int64_t hash = hash_value(key);
  if (hash == -1) return -1;
  return set_add_entry(as_set(s), key, hash);
}

int set_contains_known_hash(Value s, Value key, int64_t hash) {
  SetEntry* e = set_lookkey(as_set(s), key, hash);
  if (e == nullptr) return -1;
  return e->key != MOLT_UNBOUND;
}

namespace {

/// Runs `op` on key, retrying with frozenset(key) when key is an
/// unhashable set (CPython's rule for `in`, remove and discard).
template <class Op>
int with_set_key(Value key, Op op) {
  int64_t hash = hash_value(key);
  if (hash != -1) return op(key, hash);
  if (!is_set(key) || !error_matches(&exc::TypeError)) return -1;
  clear_error();
  Ref frozen(frozenset_new(key));
  if (frozen.is_error()) return -1;
  hash = object_hash(frozen.get());
  if (hash == -1) return -1;
  return op(frozen.get(), hash);
}

}  // namespace

int set_contains(Value s, Value key) {
  return with_set_key(key, [s](Value k, int64_t h) { return set_contains_known_hash(s, k, h); });
}

int set_discard(Value s, Value key) {
  return with_set_key(key, [s](Value k, int64_t h) { return set_discard_entry(as_set(s), k, h); });
}

int set_update(Value s, Value iterable) {
  SetObject* so = as_set(s);
  if (is_anyset(iterable)) return set_merge(so, as_set(iterable));
  if (is_dict_exact(iterable)) {
    int64_t n = dict_size(iterable);
    if ((so->fill + n) * 5 >= so->mask * 3) {
      if (set_table_resize(so, (so->used + n) * 2) < 0) return -1;
    }
    int64_t pos = 0;
    Value key;
    int64_t hash;
    while (dict_next(iterable, &pos, &key, nullptr, &hash)) {
      if (set_add_entry(so, key, hash) < 0) return -1;
    }
    return 0;
  }
  Ref it(object_iter(iterable));
  if (it.is_error()) return -1;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) return 0;
    if (key.is_error() || set_add(s, key.get()) < 0) return -1;
  }
}

bool set_next(Value s, int64_t* pos, Value* key, int64_t* hash) {
  SetObject* so = as_set(s);
  int64_t i = *pos;
  while (i <= so->mask && !set_entry_live(so->table[i])) ++i;
  if (i > so->mask) return false;
  *pos = i + 1;
  if (key != nullptr) *key = so->table[i].key;
  if (hash != nullptr) *hash = so->table[i].hash;
  return true;
}

Value set_pop(Value s) {
  SetObject* so = as_set(s);
  if (so->used == 0) return raise(ErrorId::PopEmptySet);
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (!set_entry_live(*entry)) {
    ++entry;
    if (entry > limit) entry = so->table;
  }
  Value key = entry->key;
  entry->key = kSetDummy;
  entry->hash = -1;
  --so->used;
  so->finger = entry - so->table + 1;  // the next search starts after it
  return key;
}

void set_clear(Value s) {
  SetObject* so = as_set(s);
  SetEntry* table = so->table;
  int64_t used = so->used;
  bool malloced = table != so->smalltable;
  SetEntry small_copy[kSetMinSize];
  if (!malloced) {
    if (so->fill == 0) return;
    memcpy(small_copy, table, sizeof small_copy);
    table = small_copy;
  }
  // Empty the set before releasing keys: a release can run code using it.
  fill_empty(so->smalltable, kSetMinSize);
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  for (SetEntry* e = table; used > 0; ++e) {
    if (set_entry_live(*e)) {
      --used;
      decref(e->key);
    }
  }
  if (malloced) free(table);
}

Value set_copy_of_base(Value s) {
  return set_new_of_type(set_base_type(type_of(s)), s);
}

Value set_copy(Value s) {
  if (molt_is_ptr(s) && as_object(s)->type == &frozenset_type) return new_ref(s);
  return set_new_of_type(set_base_type(type_of(s)), s);
}

// --- the types ---------------------------------------------------------------------------------

namespace {

void set_dealloc(Object* o) {
  SetObject* so = reinterpret_cast<SetObject*>(o);
  for (int64_t i = 0, left = so->used; left > 0; ++i) {
    if (set_entry_live(so->table[i])) {
      --left;
      decref(so->table[i].key);
    }
  }
  if (so->table != so->smalltable) free(so->table);
  free_object(o);
}

Value set_repr(Value v) {
  const char* name = type_name(v);
  bool exact = as_object(v)->type == &set_type;
  int guard = repr_enter(v);
  if (guard < 0) return MOLT_ERROR;
  if (guard > 0) return str_from_format("%s(...)", name);
  StrBuilder b;
  bool ok = true;
  if (set_size(v) == 0) {
    ok = b.append_cstr(name) && b.append("()", 2);
  } else {
    // repr(list(s)) with the brackets replaced, as CPython builds it.
    Ref keys(list_from_iterable(v));
    ok = !keys.is_error();
    if (ok && !exact) ok = b.append_cstr(name) && b.append_char('(');
    ok = ok && b.append_char('{');
    Ref r(ok ? object_repr(keys.get()) : MOLT_ERROR);
    ok = ok && !r.is_error();
    if (ok) {
      size_t n = 0;
      const char* text = str_utf8(r.get(), &n);
      ok = text != nullptr && b.append(text + 1, n - 2);
    }
    ok = ok && b.append_char('}');
    if (ok && !exact) ok = b.append_char(')');
  }
  repr_leave(v);
  return ok ? b.finish() : MOLT_ERROR;
}

inline uint64_t shuffle_bits(uint64_t h) {
  return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
}

/// CPython's frozenset hash: an order-independent xor of shuffled entry
/// hashes, mixed with the size and dispersed.
int64_t frozenset_hash(Value v) {
  SetObject* so = as_set(v);
  if (so->hash != -1) return so->hash;
  uint64_t hash = 0;
  for (int64_t i = 0; i <= so->mask; ++i) {
    if (set_entry_live(so->table[i])) hash ^= shuffle_bits(static_cast<uint64_t>(so->table[i].hash));
  }
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ull;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ull;
  so->hash = static_cast<int64_t>(hash);
  return so->hash;
}

int64_t set_len(Value v) {
  return as_set(v)->used;
}

int set_contains_slot(Value s, Value key) {
  return set_contains(s, key);
}

Value set_iter(Value v);

/// set() / set(iterable).
Value set_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("set", kwnames) || !check_positional("set", nargs, 0, 1)) return MOLT_ERROR;
  return set_new_of_type(type, nargs == 1 ? args[0] : MOLT_UNBOUND);
}

/// frozenset() / frozenset(iterable); an exact frozenset argument is returned itself.
Value frozenset_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("frozenset", kwnames) || !check_positional("frozenset", nargs, 0, 1))
    return MOLT_ERROR;
  if (type == &frozenset_type && nargs == 1 && molt_is_ptr(args[0]) &&
      as_object(args[0])->type == &frozenset_type) {
    return new_ref(args[0]);
  }
  return set_new_of_type(type, nargs == 1 ? args[0] : MOLT_UNBOUND);
}

const SequenceMethods kSetSequence = {
    .length = set_len,
    .contains = set_contains_slot,
};

// --- set_iterator ----------------------------------------------------------------------------

struct SetIterObject {
  Object ob;
  Value set;  ///< MOLT_NONE once exhausted
  int64_t used;
  int64_t pos;
  int64_t len;
};

void set_iter_dealloc(Object* o) {
  decref(reinterpret_cast<SetIterObject*>(o)->set);
  free_object(o);
}

Value set_iter_next(Value v) {
  SetIterObject* it = reinterpret_cast<SetIterObject*>(as_object(v));
  if (it->set == MOLT_NONE) return MOLT_UNBOUND;
  SetObject* so = as_set(it->set);
  if (it->used != so->used) {
    it->used = -1;
    return raise(ErrorId::SetChangedSize);
  }
  int64_t i = it->pos;
  while (i <= so->mask && !set_entry_live(so->table[i])) ++i;
  it->pos = i + 1;
  if (i > so->mask) {
    Value s = it->set;
    it->set = MOLT_NONE;
    decref(s);
    return MOLT_UNBOUND;
  }
  --it->len;
  return new_ref(so->table[i].key);
}

Value set_iter_length_hint(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("set_iterator.__length_hint__", nargs, kwnames)) return MOLT_ERROR;
  SetIterObject* it = reinterpret_cast<SetIterObject*>(as_object(self));
  return int_from_i64(it->set != MOLT_NONE && it->used == set_size(it->set) ? it->len : 0);
}

const MethodDef kSetIterMethods[] = {
    {"__length_hint__", set_iter_length_hint, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value set_iter(Value v) {
  Object* o = alloc_object(&set_iterator_type, sizeof(SetIterObject));
  if (o == nullptr) return MOLT_ERROR;
  SetIterObject* it = reinterpret_cast<SetIterObject*>(o);
  it->set = new_ref(v);
  it->used = set_size(v);
  it->pos = 0;
  it->len = set_size(v);
  return from_object(o);
}

}  // namespace

namespace {

// Cycle collector hooks (core/gc.h).
void set_gc_traverse(Object* o, VisitFn visit, void* arg) {
  Value s = from_object(o);
  int64_t pos = 0, hash = 0;
  Value key;
  while (set_next(s, &pos, &key, &hash)) visit(key, arg);
}

void set_gc_clear(Object* o) {
  set_clear(from_object(o));
}

}  // namespace

Type set_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "set",
    .base = &object_type,
    .flags = kTypeAcceptsSubclasses | kTypeIsGc,
    .basic_size = sizeof(SetObject),
    .dealloc = set_dealloc,
    .repr = set_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = set_richcompare,
    .as_number = &kSetNumber,
    .as_sequence = &kSetSequence,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = set_iter,
    .iternext = nullptr,
    .construct = set_construct,
    .methods = kSetMethods,
    .traverse = set_gc_traverse,
    .clear = set_gc_clear,
};

namespace {

// Cycle collector hooks (core/gc.h).
void frozenset_gc_traverse(Object* o, VisitFn visit, void* arg) {
  Value s = from_object(o);
  int64_t pos = 0, hash = 0;
  Value key;
  while (set_next(s, &pos, &key, &hash)) visit(key, arg);
}

void frozenset_gc_clear(Object* o) {
  set_clear(from_object(o));
}

}  // namespace

Type frozenset_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "frozenset",
    .base = &object_type,
    .flags = kTypeAcceptsSubclasses | kTypeIsGc,
    .basic_size = sizeof(SetObject),
    .dealloc = set_dealloc,
    .repr = set_repr,
    .str = nullptr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .as_number = &kFrozenSetNumber,
    .as_sequence = &kSetSequence,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = set_iter,
    .iternext = nullptr,
    .construct = frozenset_construct,
    .methods = kFrozenSetMethods,
    .traverse = frozenset_gc_traverse,
    .clear = frozenset_gc_clear,
};

Type set_iterator_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "set_iterator",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(SetIterObject),
    .dealloc = set_iter_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = iter_self,
    .iternext = set_iter_next,
    .construct = nullptr,
    .methods = kSetIterMethods,
};

}  // namespace molt
