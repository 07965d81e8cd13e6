// dict.h — Python `dict`: an insertion-ordered hash table with CPython's
// compact layout (an index table probed with CPython's perturbation
// sequence, over a dense array of entries in insertion order), so that
// table sizes, resizes and iteration order match CPython 3.12 exactly.
//
// dict.cc holds the table and the type; dict_methods.cc the methods,
// update/merge and construction; dict_views.cc the keys/values/items views
// and the iterators.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type dict_type;
extern Type dict_keys_type;    ///< "dict_keys"
extern Type dict_values_type;  ///< "dict_values"
extern Type dict_items_type;   ///< "dict_items"
extern Type dict_keyiterator_type;
extern Type dict_valueiterator_type;
extern Type dict_itemiterator_type;
extern Type dict_reversekeyiterator_type;
extern Type dict_reversevalueiterator_type;
extern Type dict_reverseitemiterator_type;

struct DictKeys;

/// A dict: `used` live entries in `keys` (the shared empty table while the
/// dict has never held anything or was cleared).
struct DictObject {
  Object ob;
  int64_t used;
  DictKeys* keys;
};

inline DictObject* as_dict(Value v) {
  return reinterpret_cast<DictObject*>(as_object(v));
}
/// True for dict and its subclasses.
bool is_dict(Value v);
inline bool is_dict_exact(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &dict_type;
}
inline int64_t dict_size(Value d) {
  return as_dict(d)->used;
}

/// {} (owned).
Value dict_new();
/// An empty dict whose table already has room for `n` items (CPython's
/// _PyDict_NewPresized sizing).
Value dict_new_presized(int64_t n);

/// d[key] as a borrowed value; MOLT_UNBOUND (no exception) when missing;
/// MOLT_ERROR for unhashable keys or failing comparisons.
Value dict_get_borrowed(Value d, Value key);
/// As dict_get_borrowed with the key's hash already known.
Value dict_get_borrowed_known_hash(Value d, Value key, int64_t hash);
/// d[key]: a new reference, or KeyError(key).
Value dict_getitem(Value d, Value key);
/// d[key] = value (both borrowed). 0 or -1.
int dict_setitem(Value d, Value key, Value value);
/// As dict_setitem with the key's hash already known.
int dict_setitem_known_hash(Value d, Value key, int64_t hash, Value value);
/// del d[key]: KeyError(key) when missing. 0 or -1.
int dict_delitem(Value d, Value key);
/// del d[key] with the hash known; 1 deleted, 0 missing (no exception), -1 error.
int dict_discard_known_hash(Value d, Value key, int64_t hash);
/// key in d: 1, 0, -1.
int dict_contains(Value d, Value key);
int dict_contains_known_hash(Value d, Value key, int64_t hash);
/// d.setdefault(key, value): the (borrowed) value now stored under key.
Value dict_setdefault_borrowed(Value d, Value key, Value value);
/// d.pop(key[, default]): default MOLT_UNBOUND means KeyError when missing.
Value dict_pop(Value d, Value key, Value deflt);
/// d.clear().
void dict_clear(Value d);
/// d.copy(): a new dict with the same items (and, like CPython, the same
/// table layout when the table is dense enough).
Value dict_copy(Value d);

/// Iterates the live entries in order: *pos starts at 0; each call stores
/// borrowed key/value (either may be null) and the hash, and returns false
/// at the end. The dict must not change during the iteration.
bool dict_next(Value d, int64_t* pos, Value* key, Value* value, int64_t* hash);

/// CPython's dict_merge: adds b's items to a. `override` 1 replaces
/// existing keys, 0 keeps them, 2 raises KeyError on a duplicate. b may be
/// any mapping (keys() and __getitem__). 0 or -1.
int dict_merge(Value a, Value b, int override);
/// d.update(iterable of pairs) (PyDict_MergeFromSeq2). 0 or -1.
int dict_merge_from_seq2(Value d, Value seq, bool override);
/// d.update(arg): a mapping (anything with keys()) or an iterable of pairs.
int dict_update_arg(Value d, Value arg);

/// d.keys(), d.values(), d.items().
Value dict_keys_view(Value d);
Value dict_values_view(Value d);
Value dict_items_view(Value d);
/// list(d) / list(d.values()) / list(d.items()).
Value dict_keys_list(Value d);
Value dict_values_list(Value d);
Value dict_items_list(Value d);

}  // namespace molt
