// set.h — Python `set` and `frozenset`: open-addressing hash tables with
// CPython 3.12's algorithm (linear probes of 9 slots, then perturbation;
// 8-slot initial table; growth when 3/5 full; dummy entries for deletions),
// so that iteration order equals CPython's for the same hash values.
//
// set.cc holds the table, the types and the iterator; set_ops.cc the set
// algebra and the methods.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type set_type;
extern Type frozenset_type;
extern Type set_iterator_type;

/// A table slot: key MOLT_UNBOUND = never used; key kSetDummy = deleted
/// (hash -1); otherwise a live key with its cached hash.
struct SetEntry {
  Value key;
  int64_t hash;
};

constexpr int kSetMinSize = 8;

struct SetObject {
  Object ob;
  int64_t fill;     ///< live + deleted slots
  int64_t used;     ///< live slots
  int64_t mask;     ///< table size - 1
  SetEntry* table;  ///< smalltable or a malloc'd array
  int64_t hash;     ///< frozenset's cached hash, -1 until computed
  int64_t finger;   ///< where set.pop() resumes its search
  SetEntry smalltable[kSetMinSize];
};

inline SetObject* as_set(Value v) {
  return reinterpret_cast<SetObject*>(as_object(v));
}
/// True for set, frozenset and their subclasses.
bool is_anyset(Value v);
inline bool is_anyset_exact(Value v) {
  return molt_is_ptr(v) && (as_object(v)->type == &set_type || as_object(v)->type == &frozenset_type);
}
/// True for set and its subclasses (not frozenset).
bool is_set(Value v);
bool is_frozenset(Value v);
inline int64_t set_size(Value s) {
  return as_set(s)->used;
}

/// set(iterable) of type `type` (set_type or frozenset_type);
/// iterable MOLT_UNBOUND gives an empty set.
Value set_new_of_type(Type* type, Value iterable);
/// set(iterable) / set() with MOLT_UNBOUND.
Value set_new(Value iterable);
/// frozenset(iterable).
Value frozenset_new(Value iterable);

/// s.add(key). 0 or -1 (TypeError for unhashable keys).
int set_add(Value s, Value key);
/// As set_add with the hash known.
int set_add_known_hash(Value s, Value key, int64_t hash);
/// s.discard(key): 1 removed, 0 absent, -1 error. Unhashable sets are
/// looked up as frozensets (CPython's rule for set keys).
int set_discard(Value s, Value key);
/// key in s: 1, 0, -1 (unhashable sets looked up as frozensets).
int set_contains(Value s, Value key);
int set_contains_known_hash(Value s, Value key, int64_t hash);
/// s |= iterable (set_update_internal). 0 or -1.
int set_update(Value s, Value iterable);
/// Iterates live entries in table order: *pos starts at 0; returns false
/// at the end. Key is borrowed.
bool set_next(Value s, int64_t* pos, Value* key, int64_t* hash);
/// s.pop(): KeyError "pop from an empty set".
Value set_pop(Value s);
/// s.clear().
void set_clear(Value s);
/// A new set of the same exact type holding s's keys (set.copy()).
Value set_copy(Value s);
/// s -= other for any iterable other (set_difference_update_internal).
int set_difference_update(Value s, Value other);
/// s ^= other for any iterable other. 0 or -1.
int set_symmetric_difference_update(Value s, Value other);
/// s & other for any iterable other (set.intersection with one argument).
Value set_intersection(Value s, Value other);

}  // namespace molt
