// dict.cc — the `dict` table (lookup, insertion, deletion, resizing with
// CPython 3.12's sizes and probe sequence) and the type's protocols: repr,
// ==, len, `in`, d[k], d[k] = v, del d[k], | and |=.
#include "objects/dict.h"

#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "objects/container_util.h"
#include "objects/dict_impl.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

// --- the table -------------------------------------------------------------------------

namespace {

struct EmptyKeysBlock {
  DictKeys head;
  int8_t index[8];
};
EmptyKeysBlock g_empty_keys_block = {{0, 0, 0, 0}, {-1, -1, -1, -1, -1, -1, -1, -1}};

DictKeys* new_keys(uint8_t log2_size) {
  uint8_t width_log = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
  int64_t size = int64_t{1} << log2_size;
  int64_t usable = usable_fraction(size);
  size_t index_bytes = size_t{1} << (log2_size + width_log);
  size_t bytes = sizeof(DictKeys) + index_bytes + static_cast<size_t>(usable) * sizeof(DictEntry);
  DictKeys* k = static_cast<DictKeys*>(malloc(bytes));
  if (k == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  k->log2_size = log2_size;
  k->log2_index_bytes = static_cast<uint8_t>(log2_size + width_log);
  k->usable = usable;
  k->nentries = 0;
  memset(keys_indices(k), 0xff, index_bytes);  // every slot kIxEmpty
  return k;
}

void free_keys(DictKeys* k) {
  if (k != g_empty_dict_keys) free(k);
}

/// The first empty or deleted index slot on key's probe sequence.
size_t find_empty_slot(DictKeys* k, int64_t hash) {
  size_t mask = static_cast<size_t>(keys_size(k)) - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  while (get_index(k, i) >= 0) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

/// The first kIxEmpty slot on key's probe sequence (for rebuilding an
/// index table that has no deleted slots).
size_t find_free_slot(DictKeys* k, int64_t hash) {
  size_t mask = static_cast<size_t>(keys_size(k)) - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  while (get_index(k, i) != kIxEmpty) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

}  // namespace

DictKeys* const g_empty_dict_keys = &g_empty_keys_block.head;

uint8_t dict_log2_keysize(int64_t minsize) {
  uint64_t m = (static_cast<uint64_t>(minsize) | 8u) - 1;
  m |= 7u;
  uint8_t bits = 0;
  while (m != 0) {
    ++bits;
    m >>= 1;
  }
  return bits;
}

int64_t dict_lookup(DictObject* d, Value key, int64_t hash, size_t* slot) {
restart:
  DictKeys* k = d->keys;
  size_t mask = static_cast<size_t>(keys_size(k)) - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  DictEntry* entries = keys_entries(k);
  for (;;) {
    int64_t ix = get_index(k, i);
    if (ix >= 0) {
      DictEntry* e = &entries[ix];
      Value start = e->key;
      if (start == key) {
        *slot = i;
        return ix;
      }
      if (e->hash == hash) {
        if (molt_is_small_int(start) && molt_is_small_int(key)) {
          // distinct small ints are never equal
        } else if (is_str_exact(start) && is_str_exact(key)) {
          if (str_equal(start, key)) {
            *slot = i;
            return ix;
          }
        } else {
          incref(start);
          int eq = rich_compare_bool(start, key, CompareOp::Eq);
          decref(start);
          if (eq < 0) return kIxError;
          if (d->keys != k || e->key != start) goto restart;  // the comparison changed the dict
          if (eq > 0) {
            *slot = i;
            return ix;
          }
        }
      }
    } else if (ix == kIxEmpty) {
      return kIxEmpty;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

size_t dict_slot_of_entry(DictKeys* k, int64_t hash, int64_t ix) {
  size_t mask = static_cast<size_t>(keys_size(k)) - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  for (;;) {
    int64_t at = get_index(k, i);
    if (at == ix) return i;
    MOLT_CHECK(at != kIxEmpty);
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int dict_resize(DictObject* d, uint8_t log2_size) {
  DictKeys* old = d->keys;
  int64_t used = d->used;
  DictKeys* k = new_keys(log2_size);
  if (k == nullptr) return -1;
  DictEntry* src = keys_entries(old);
  DictEntry* dst = keys_entries(k);
  if (old->nentries == used) {
    if (used > 0) memcpy(dst, src, static_cast<size_t>(used) * sizeof(DictEntry));
  } else {
    DictEntry* out = dst;
    for (int64_t i = 0; i < old->nentries; ++i) {
      if (src[i].key != MOLT_UNBOUND) *out++ = src[i];
    }
  }
  for (int64_t i = 0; i < used; ++i) set_index(k, find_free_slot(k, dst[i].hash), i);
  k->usable -= used;
  k->nentries = used;
  d->keys = k;
  free_keys(old);
  return 0;
}

int dict_insert_new(DictObject* d, Value key, int64_t hash, Value value) {
  if (d->keys->usable <= 0) {
    // CPython's GROWTH_RATE: room for three times the live items.
    if (dict_resize(d, dict_log2_keysize(d->used * 3)) < 0) return -1;
  }
  DictKeys* k = d->keys;
  size_t slot = find_empty_slot(k, hash);
  DictEntry* e = &keys_entries(k)[k->nentries];
  e->hash = hash;
  e->key = new_ref(key);
  e->value = new_ref(value);
  set_index(k, slot, k->nentries);
  ++k->nentries;
  --k->usable;
  ++d->used;
  return 0;
}

int dict_insert(DictObject* d, Value key, int64_t hash, Value value) {
  // Keep the key alive: comparing it with stored keys can run any code.
  Ref keep_key = Ref::borrow(key), keep_value = Ref::borrow(value);
  size_t slot = 0;
  int64_t ix = dict_lookup(d, key, hash, &slot);
  if (ix == kIxError) return -1;
  if (ix >= 0) {
    // An existing key keeps its original key object; only the value changes.
    DictEntry* e = &keys_entries(d->keys)[ix];
    Value old = e->value;
    e->value = new_ref(value);
    decref(old);
    return 0;
  }
  return dict_insert_new(d, key, hash, value);
}

void dict_unlink(DictObject* d, size_t slot, int64_t ix, Value* key, Value* value) {
  DictKeys* k = d->keys;
  DictEntry* e = &keys_entries(k)[ix];
  set_index(k, slot, kIxDummy);
  *key = e->key;
  *value = e->value;
  e->key = MOLT_UNBOUND;
  e->value = MOLT_UNBOUND;
  --d->used;
}

// --- the C++ API ---------------------------------------------------------------------------

bool is_dict(Value v) {
  return molt_is_ptr(v) && is_subtype(as_object(v)->type, &dict_type);
}

Value dict_new() {
  Object* o = alloc_object(&dict_type, sizeof(DictObject));
  if (o == nullptr) return MOLT_ERROR;
  DictObject* d = reinterpret_cast<DictObject*>(o);
  d->used = 0;
  d->keys = g_empty_dict_keys;
  return from_object(o);
}

Value dict_new_presized(int64_t n) {
  Value d = dict_new();
  if (molt_is_error(d) || n <= 5) return d;
  if (dict_resize(as_dict(d), dict_estimate_log2_keysize(n)) < 0) {
    decref(d);
    return MOLT_ERROR;
  }
  return d;
}

Value dict_get_borrowed_known_hash(Value d, Value key, int64_t hash) {
  size_t slot = 0;
  int64_t ix = dict_lookup(as_dict(d), key, hash, &slot);
  if (ix == kIxError) return MOLT_ERROR;
  if (ix < 0) return MOLT_UNBOUND;
  return keys_entries(as_dict(d)->keys)[ix].value;
}

Value dict_get_borrowed(Value d, Value key) {
  int64_t hash = hash_value(key);
  if (hash == -1) return MOLT_ERROR;
  return dict_get_borrowed_known_hash(d, key, hash);
}

Value dict_getitem(Value d, Value key) {
  Value v = dict_get_borrowed(d, key);
  if (v == MOLT_UNBOUND) return raise_key_error(key);
  if (molt_is_error(v)) return v;
  return new_ref(v);
}

int dict_setitem_known_hash(Value d, Value key, int64_t hash, Value value) {
  return dict_insert(as_dict(d), key, hash, value);
}

int dict_setitem(Value d, Value key, Value value) {
  int64_t hash = hash_value(key);
  if (hash == -1) return -1;
  return dict_insert(as_dict(d), key, hash, value);
}

int dict_discard_known_hash(Value d, Value key, int64_t hash) {
  DictObject* dict = as_dict(d);
  size_t slot = 0;
  int64_t ix = dict_lookup(dict, key, hash, &slot);
  if (ix == kIxError) return -1;
  if (ix < 0) return 0;
  Value old_key, old_value;
  dict_unlink(dict, slot, ix, &old_key, &old_value);
  decref(old_key);
  decref(old_value);
  return 1;
}

int dict_delitem(Value d, Value key) {
  int64_t hash = hash_value(key);
  if (hash == -1) return -1;
  int r = dict_discard_known_hash(d, key, hash);
  if (r == 0) {
    raise_key_error(key);
    return -1;
  }
  return r < 0 ? -1 : 0;
}

int dict_contains_known_hash(Value d, Value key, int64_t hash) {
  size_t slot = 0;
  int64_t ix = dict_lookup(as_dict(d), key, hash, &slot);
  if (ix == kIxError) return -1;
  return ix >= 0;
}

int dict_contains(Value d, Value key) {
  int64_t hash = hash_value(key);
  if (hash == -1) return -1;
  return dict_contains_known_hash(d, key, hash);
}

Value dict_setdefault_borrowed(Value d, Value key, Value value) {
  DictObject* dict = as_dict(d);
  int64_t hash = hash_value(key);
  if (hash == -1) return MOLT_ERROR;
  Ref keep_key = Ref::borrow(key);
  size_t slot = 0;
  int64_t ix = dict_lookup(dict, key, hash, &slot);
  if (ix == kIxError) return MOLT_ERROR;
  if (ix >= 0) return keys_entries(dict->keys)[ix].value;
  if (dict_insert_new(dict, key, hash, value) < 0) return MOLT_ERROR;
  return value;
}

Value dict_pop(Value d, Value key, Value deflt) {
  DictObject* dict = as_dict(d);
  if (dict->used == 0) {
    if (deflt != MOLT_UNBOUND) return new_ref(deflt);
    return raise_key_error(key);
  }
  int64_t hash = hash_value(key);
  if (hash == -1) return MOLT_ERROR;
  size_t slot = 0;
  int64_t ix = dict_lookup(dict, key, hash, &slot);
  if (ix == kIxError) return MOLT_ERROR;
  if (ix < 0) {
    if (deflt != MOLT_UNBOUND) return new_ref(deflt);
    return raise_key_error(key);
  }
  Value old_key, old_value;
  dict_unlink(dict, slot, ix, &old_key, &old_value);
  decref(old_key);
  return old_value;
}

void dict_clear(Value d) {
  DictObject* dict = as_dict(d);
  DictKeys* k = dict->keys;
  if (k == g_empty_dict_keys) return;
  // Detach first: releasing the items can run code that uses the dict.
  dict->keys = g_empty_dict_keys;
  dict->used = 0;
  DictEntry* e = keys_entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (e[i].key != MOLT_UNBOUND) {
      decref(e[i].key);
      decref(e[i].value);
    }
  }
  free_keys(k);
}

bool dict_next(Value d, int64_t* pos, Value* key, Value* value, int64_t* hash) {
  DictKeys* k = as_dict(d)->keys;
  DictEntry* e = keys_entries(k);
  int64_t i = *pos;
  while (i < k->nentries && e[i].key == MOLT_UNBOUND) ++i;
  if (i >= k->nentries) return false;
  *pos = i + 1;
  if (key != nullptr) *key = e[i].key;
  if (value != nullptr) *value = e[i].value;
  if (hash != nullptr) *hash = e[i].hash;
  return true;
}

Value dict_copy(Value d) {
  DictObject* src = as_dict(d);
  if (src->used == 0) return dict_new();
  DictKeys* k = src->keys;
  if (src->used >= (k->nentries * 2) / 3) {
    // Dense enough: clone the table as is (CPython's fast copy), keeping
    // the same size and any deleted entries.
    int64_t size = keys_size(k);
    size_t bytes = sizeof(DictKeys) + (size_t{1} << k->log2_index_bytes) +
                   static_cast<size_t>(usable_fraction(size)) * sizeof(DictEntry);
    DictKeys* c = static_cast<DictKeys*>(malloc(bytes));
    if (c == nullptr) return raise_no_memory();
    memcpy(c, k, bytes);
    DictEntry* e = keys_entries(c);
    for (int64_t i = 0; i < c->nentries; ++i) {
      if (e[i].key != MOLT_UNBOUND) {
        incref(e[i].key);
        incref(e[i].value);
      }
    }
    Value r = dict_new();
    if (molt_is_error(r)) {
      for (int64_t i = 0; i < c->nentries; ++i) {
        if (e[i].key != MOLT_UNBOUND) {
          decref(e[i].key);
          decref(e[i].value);
        }
      }
      free(c);
      return r;
    }
    as_dict(r)->keys = c;
    as_dict(r)->used = src->used;
    return r;
  }
  Value r = dict_new();
  if (molt_is_error(r)) return r;
  if (dict_merge(r, d, 1) < 0) {
    decref(r);
    return MOLT_ERROR;
  }
  return r;
}

// --- the type ----------------------------------------------------------------------------

namespace {

void dict_dealloc(Object* o) {
  DictObject* d = reinterpret_cast<DictObject*>(o);
  DictKeys* k = d->keys;
  DictEntry* e = keys_entries(k);
  for (int64_t i = 0; i < k->nentries; ++i) {
    if (e[i].key != MOLT_UNBOUND) {
      decref(e[i].key);
      decref(e[i].value);
    }
  }
  free_keys(k);
  free_object(o);
}

Value dict_repr(Value v) {
  int guard = repr_enter(v);
  if (guard < 0) return MOLT_ERROR;
  if (guard > 0) return str_from_ascii("{...}", 5);
  if (dict_size(v) == 0) {
    repr_leave(v);
    return str_from_ascii("{}", 2);
  }
  StrBuilder b;
  bool ok = b.append_char('{');
  int64_t pos = 0;
  Value key, value;
  bool first = true;
  // The reprs may change the dict; dict_next re-reads the table each step.
  while (ok && dict_next(v, &pos, &key, &value, nullptr)) {
    Ref keep_key = Ref::borrow(key), keep_value = Ref::borrow(value);
    if (!first) ok = b.append(", ", 2);
    first = false;
    ok = ok && append_repr(b, key) && b.append(": ", 2) && append_repr(b, value);
  }
  ok = ok && b.append_char('}');
  repr_leave(v);
  return ok ? b.finish() : MOLT_ERROR;
}

/// CPython's dict_equal: same size and every key of a maps to an equal
/// value in b. 1, 0, -1.
int dict_equal(Value a, Value b) {
  DictObject* x = as_dict(a);
  if (x->used != as_dict(b)->used) return 0;
  for (int64_t i = 0; i < x->keys->nentries; ++i) {
    DictEntry* e = &keys_entries(x->keys)[i];
    if (e->key == MOLT_UNBOUND) continue;
    Ref key = Ref::borrow(e->key);
    Ref aval = Ref::borrow(e->value);
    Value bval = dict_get_borrowed_known_hash(b, key.get(), e->hash);
    if (molt_is_error(bval)) return -1;
    if (bval == MOLT_UNBOUND) return 0;
    Ref keep_b = Ref::borrow(bval);
    int eq = items_equal(aval.get(), bval);
    if (eq <= 0) return eq;
  }
  return 1;
}

Value dict_richcompare(Value a, Value b, CompareOp op) {
  if (!is_dict(a) || !is_dict(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return not_implemented();
  int eq = dict_equal(a, b);
  if (eq < 0) return MOLT_ERROR;
  return molt_from_bool((eq != 0) == (op == CompareOp::Eq));
}

int64_t dict_len(Value v) {
  return as_dict(v)->used;
}

int dict_ass_subscript(Value d, Value key, Value value) {
  if (value == MOLT_UNBOUND) return dict_delitem(d, key);
  return dict_setitem(d, key, value);
}

Value dict_or(Value a, Value b) {
  if (!is_dict(a) || !is_dict(b)) return not_implemented();
  Value r = dict_copy(a);
  if (molt_is_error(r)) return r;
  if (dict_update_arg(r, b) < 0) {
    decref(r);
    return MOLT_ERROR;
  }
  return r;
}

Value dict_ior(Value a, Value b) {
  if (dict_update_arg(a, b) < 0) return MOLT_ERROR;
  return new_ref(a);
}

const NumberMethods kDictNumber = {
    .or_ = dict_or,
    .inplace_or_ = dict_ior,
};

const SequenceMethods kDictSequence = {
    .contains = dict_contains,
};

const MappingMethods kDictMapping = {
    .length = dict_len,
    .subscript = dict_getitem,
    .ass_subscript = dict_ass_subscript,
};

}  // namespace

namespace {

// Cycle collector hooks (core/gc.h).
void dict_gc_traverse(Object* o, VisitFn visit, void* arg) {
  Value d = from_object(o);
  int64_t pos = 0, hash = 0;
  Value key, value;
  while (dict_next(d, &pos, &key, &value, &hash)) {
    visit(key, arg);
    visit(value, arg);
  }
}

void dict_gc_clear(Object* o) {
  dict_clear(from_object(o));
}

}  // namespace

Type dict_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "dict",
    .base = &object_type,
    .flags = kTypeAcceptsSubclasses | kTypeIsGc,
    .basic_size = sizeof(DictObject),
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = dict_richcompare,
    .as_number = &kDictNumber,
    .as_sequence = &kDictSequence,
    .as_mapping = &kDictMapping,
    .call = nullptr,
    .iter = dict_iter,
    .iternext = nullptr,
    .construct = dict_construct,
    .methods = kDictMethods,
    .traverse = dict_gc_traverse,
    .clear = dict_gc_clear,
};

}  // namespace molt
