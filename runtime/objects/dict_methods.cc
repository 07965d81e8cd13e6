// dict_methods.cc — the builtin methods of `dict` (get, setdefault, pop,
// popitem, keys, values, items, update, copy, clear, fromkeys, ...), the
// merge/update machinery (CPython's dict_merge, PyDict_MergeFromSeq2,
// dict_update_arg) and the dict() constructor.
#include <stdlib.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/dict.h"
#include "objects/dict_impl.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/none.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// The name "keys", created on first use and kept for the run. Held as a
/// raw pointer so leak checkers see it as reachable.
Object* g_keys_name = nullptr;

Value keys_name() {
  if (g_keys_name == nullptr) {
    Value s = str_from_ascii("keys", 4);
    if (molt_is_error(s)) return s;
    as_object(s)->refcount = kImmortalRefcount;
    g_keys_name = as_object(s);
  }
  return from_object(g_keys_name);
}

/// True if `v` has a `keys` attribute (so dict.update treats it as a
/// mapping); -1 on an error other than AttributeError.
int has_keys_attribute(Value v) {
  Value name = keys_name();
  if (molt_is_error(name)) return -1;
  Value attr = object_getattr(v, name);
  if (!molt_is_error(attr)) {
    decref(attr);
    return 1;
  }
  if (error_matches(&exc::AttributeError)) {
    clear_error();
    return 0;
  }
  return -1;
}

/// Merges another dict (b is a dict whose iteration is not overridden).
int merge_dict(DictObject* a, Value b, int override) {
  DictObject* other = as_dict(b);
  if (as_object(b) == &a->ob || other->used == 0) return 0;
  if (a->used == 0) {
    override = 1;
    DictKeys* ok = other->keys;
    // A clean, freshly built source table is cloned as is.
    if (other->used == ok->nentries &&
        (ok->log2_size == kDictLog2MinSize || usable_fraction(keys_size(ok) / 2) < other->used)) {
      Value copy = dict_copy(b);
      if (molt_is_error(copy)) return -1;
      DictObject* c = as_dict(copy);
      DictKeys* old = a->keys;
      a->keys = c->keys;
      a->used = c->used;
      c->keys = old;  // the empty table: releasing `copy` frees nothing else
      c->used = 0;
      decref(copy);
      return 0;
    }
  }
  // One resize up front rather than several while inserting.
  if (usable_fraction(keys_size(a->keys)) < other->used) {
    if (dict_resize(a, dict_estimate_log2_keysize(a->used + other->used)) < 0) return -1;
  }
  int64_t orig_size = other->keys->nentries;
  int64_t pos = 0;
  Value key, value;
  int64_t hash;
  while (dict_next(b, &pos, &key, &value, &hash)) {
    Ref k = Ref::borrow(key), v = Ref::borrow(value);
    if (override == 1) {
      if (dict_insert(a, key, hash, value) < 0) return -1;
    } else {
      int found = dict_contains_known_hash(from_object(&a->ob), key, hash);
      if (found < 0) return -1;
      if (found > 0) {
        if (override != 0) {
          raise_key_error(key);
          return -1;
        }
      } else if (dict_insert(a, key, hash, value) < 0) {
        return -1;
      }
    }
    if (orig_size != other->keys->nentries) {
      raise(ErrorId::DictMutatedDuringUpdate);
      return -1;
    }
  }
  return 0;
}

}  // namespace

int dict_merge(Value a, Value b, int override) {
  if (is_dict(b)) return merge_dict(as_dict(a), b, override);
  // A general mapping: b.keys() and b[key].
  Value name = keys_name();
  if (molt_is_error(name)) return -1;
  Ref keys(call_method(b, name, nullptr, 0, MOLT_NONE));
  if (keys.is_error()) return -1;
  Ref it(object_iter(keys.get()));
  if (it.is_error()) return -1;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) break;
    if (key.is_error()) return -1;
    if (override != 1) {
      int found = dict_contains(a, key.get());
      if (found < 0) return -1;
      if (found > 0) {
        if (override == 0) continue;
        raise_key_error(key.get());
        return -1;
      }
    }
    Ref value(object_getitem(b, key.get()));
    if (value.is_error() || dict_setitem(a, key.get(), value.get()) < 0) return -1;
  }
  return 0;
}

int dict_merge_from_seq2(Value d, Value seq, bool override) {
  Ref it(object_iter(seq));
  if (it.is_error()) return -1;
  for (int64_t i = 0;; ++i) {
    Ref item(iter_next(it.get()));
    if (item.get() == MOLT_UNBOUND) return 0;
    if (item.is_error()) return -1;
    ValueBuffer pair;
    if (!collect_iterable(item.get(), pair)) {
      if (error_matches(&exc::TypeError)) {
        clear_error();
        raise(ErrorId::DictUpdateNotSequence, static_cast<long long>(i));
      }
      return -1;
    }
    if (pair.size() != 2) {
      raise(ErrorId::DictUpdateLength, static_cast<long long>(i), static_cast<long long>(pair.size()));
      return -1;
    }
    if (override) {
      if (dict_setitem(d, pair[0], pair[1]) < 0) return -1;
    } else if (molt_is_error(dict_setdefault_borrowed(d, pair[0], pair[1]))) {
      return -1;
    }
  }
}

int dict_update_arg(Value d, Value arg) {
  if (is_dict_exact(arg)) return dict_merge(d, arg, 1);
  int has_keys = has_keys_attribute(arg);
  if (has_keys < 0) return -1;
  if (has_keys) return dict_merge(d, arg, 1);
  return dict_merge_from_seq2(d, arg, true);
}

Value dict_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("dict", nargs, 0, 1)) return MOLT_ERROR;
  Ref d(dict_new());
  if (d.is_error()) return MOLT_ERROR;
  if (nargs == 1 && dict_update_arg(d.get(), args[0]) < 0) return MOLT_ERROR;
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    if (dict_setitem(d.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(k)), args[nargs + k]) < 0) {
      return MOLT_ERROR;
    }
  }
  return d.release();
}

Value dict_keys_list(Value d) {
  Value l = list_new(dict_size(d));
  if (molt_is_error(l)) return l;
  int64_t pos = 0;
  Value key;
  while (dict_next(d, &pos, &key, nullptr, nullptr)) as_list(l)->items[as_list(l)->size++] = new_ref(key);
  return l;
}

Value dict_values_list(Value d) {
  Value l = list_new(dict_size(d));
  if (molt_is_error(l)) return l;
  int64_t pos = 0;
  Value value;
  while (dict_next(d, &pos, nullptr, &value, nullptr)) as_list(l)->items[as_list(l)->size++] = new_ref(value);
  return l;
}

Value dict_items_list(Value d) {
  Ref l(list_new(dict_size(d)));
  if (l.is_error()) return MOLT_ERROR;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(d, &pos, &key, &value, nullptr)) {
    Value pair = tuple_pack2_steal(new_ref(key), new_ref(value));
    if (molt_is_error(pair)) return pair;
    as_list(l.get())->items[as_list(l.get())->size++] = pair;
  }
  return l.release();
}

namespace {

Value m_get(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("get", kwnames) || !check_positional("get", nargs, 1, 2)) return MOLT_ERROR;
  Value v = dict_get_borrowed(self, args[0]);
  if (molt_is_error(v)) return v;
  if (v == MOLT_UNBOUND) return new_ref(nargs == 2 ? args[1] : MOLT_NONE);
  return new_ref(v);
}

Value m_setdefault(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("setdefault", kwnames) || !check_positional("setdefault", nargs, 1, 2))
    return MOLT_ERROR;
  Value v = dict_setdefault_borrowed(self, args[0], nargs == 2 ? args[1] : MOLT_NONE);
  return molt_is_error(v) ? v : new_ref(v);
}

Value m_pop(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("pop", kwnames) || !check_positional("pop", nargs, 1, 2)) return MOLT_ERROR;
  return dict_pop(self, args[0], nargs == 2 ? args[1] : MOLT_UNBOUND);
}

Value m_popitem(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.popitem", nargs, kwnames)) return MOLT_ERROR;
  DictObject* d = as_dict(self);
  if (d->used == 0) return raise(ErrorId::PopitemEmptyDict);
  DictKeys* k = d->keys;
  DictEntry* e = keys_entries(k);
  int64_t i = k->nentries - 1;
  while (i >= 0 && e[i].key == MOLT_UNBOUND) --i;
  size_t slot = dict_slot_of_entry(k, e[i].hash, i);
  Value key, value;
  dict_unlink(d, slot, i, &key, &value);
  // The deleted slot stays a dummy, so no entry becomes usable again.
  k->nentries = i;
  return tuple_pack2_steal(key, value);
}

Value m_keys(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.keys", nargs, kwnames)) return MOLT_ERROR;
  return dict_keys_view(self);
}

Value m_values(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.values", nargs, kwnames)) return MOLT_ERROR;
  return dict_values_view(self);
}

Value m_items(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.items", nargs, kwnames)) return MOLT_ERROR;
  return dict_items_view(self);
}

Value m_update(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("update", nargs, 0, 1)) return MOLT_ERROR;
  if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return MOLT_ERROR;
  size_t nkw = keyword_count(kwnames);
  if (nkw > 0) {
    // CPython collects the keywords into a dict and merges it.
    Ref kw(dict_new_presized(static_cast<int64_t>(nkw)));
    if (kw.is_error()) return MOLT_ERROR;
    for (size_t k = 0; k < nkw; ++k) {
      if (dict_setitem(kw.get(), tuple_item_borrowed(kwnames, static_cast<int64_t>(k)), args[nargs + k]) <
          0) {
        return MOLT_ERROR;
      }
    }
    if (dict_merge(self, kw.get(), 1) < 0) return MOLT_ERROR;
  }
  return MOLT_NONE;
}

Value m_clear(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.clear", nargs, kwnames)) return MOLT_ERROR;
  dict_clear(self);
  return MOLT_NONE;
}

Value m_copy(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.copy", nargs, kwnames)) return MOLT_ERROR;
  return dict_copy(self);
}

/// dict.fromkeys(iterable, value=None), a classmethod: `self` is the class.
Value m_fromkeys(Value cls, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("fromkeys", kwnames) || !check_positional("fromkeys", nargs, 1, 2))
    return MOLT_ERROR;
  // Called on an instance (d.fromkeys), the method still receives the class.
  if (type_of(cls) != &type_type) cls = from_object(&type_of(cls)->ob);
  Value iterable = args[0];
  Value value = nargs == 2 ? args[1] : MOLT_NONE;
  bool exact = as_object(cls) == &dict_type.ob;
  Ref d(exact ? dict_new() : call_object(cls, nullptr, 0, MOLT_NONE));
  if (d.is_error()) return MOLT_ERROR;
  if (is_dict_exact(d.get()) && dict_size(d.get()) == 0) {
    DictObject* dict = as_dict(d.get());
    if (is_dict_exact(iterable) || is_anyset_exact(iterable)) {
      bool from_dict = is_dict_exact(iterable);
      int64_t n = from_dict ? dict_size(iterable) : set_size(iterable);
      if (dict_resize(dict, dict_estimate_log2_keysize(n)) < 0) return MOLT_ERROR;
      int64_t pos = 0;
      Value key;
      int64_t hash;
      while (from_dict ? dict_next(iterable, &pos, &key, nullptr, &hash)
                       : set_next(iterable, &pos, &key, &hash)) {
        if (dict_insert(dict, key, hash, value) < 0) return MOLT_ERROR;
      }
      return d.release();
    }
  }
  Ref it(object_iter(iterable));
  if (it.is_error()) return MOLT_ERROR;
  for (;;) {
    Ref key(iter_next(it.get()));
    if (key.get() == MOLT_UNBOUND) break;
    if (key.is_error()) return MOLT_ERROR;
    int r = is_dict_exact(d.get()) ? dict_setitem(d.get(), key.get(), value)
                                   : object_setitem(d.get(), key.get(), value);
    if (r < 0) return MOLT_ERROR;
  }
  return d.release();
}

Value m_contains(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("dict.__contains__", nargs, kwnames)) return MOLT_ERROR;
  int r = dict_contains(self, args[0]);
  return r < 0 ? MOLT_ERROR : molt_from_bool(r);
}

Value m_getitem(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one_arg("dict.__getitem__", nargs, kwnames)) return MOLT_ERROR;
  return dict_getitem(self, args[0]);
}

Value m_len(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.__len__", nargs, kwnames)) return MOLT_ERROR;
  return int_from_i64(dict_size(self));
}

Value m_reversed(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_args("dict.__reversed__", nargs, kwnames)) return MOLT_ERROR;
  return dict_reversed(self);
}

}  // namespace

const MethodDef kDictMethods[] = {
    {"get", m_get, kMethodPlain},
    {"setdefault", m_setdefault, kMethodPlain},
    {"pop", m_pop, kMethodPlain},
    {"popitem", m_popitem, kMethodPlain},
    {"keys", m_keys, kMethodPlain},
    {"values", m_values, kMethodPlain},
    {"items", m_items, kMethodPlain},
    {"update", m_update, kMethodPlain},
    {"clear", m_clear, kMethodPlain},
    {"copy", m_copy, kMethodPlain},
    {"fromkeys", m_fromkeys, kMethodClass},
    {"__contains__", m_contains, kMethodPlain},
    {"__getitem__", m_getitem, kMethodPlain},
    {"__len__", m_len, kMethodPlain},
    {"__reversed__", m_reversed, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace molt
