// set_impl.h — the table primitives of `set`/`frozenset`, shared by set.cc
// and set_ops.cc (not part of the runtime's API). Names follow CPython's
// setobject.c so the correspondence with its published algorithm is easy
// to check.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "objects/set.h"

namespace molt {

/// The key of a deleted slot (never a Python value).
constexpr Value kSetDummy = MOLT_UNBOUND | 1;
/// Slots examined linearly after each hash position before perturbing.
constexpr size_t kLinearProbes = 9;
constexpr int kSetPerturbShift = 5;

inline bool set_entry_live(const SetEntry& e) {
  return e.key != MOLT_UNBOUND && e.key != kSetDummy;
}

/// The entry holding key, or an entry whose key is MOLT_UNBOUND when absent;
/// null on error.
SetEntry* set_lookkey(SetObject* so, Value key, int64_t hash);
/// Adds key (borrowed) with its hash; resizes when 3/5 full. 0 or -1.
int set_add_entry(SetObject* so, Value key, int64_t hash);
/// Removes key: 1 removed, 0 absent, -1 error.
int set_discard_entry(SetObject* so, Value key, int64_t hash);
/// Rebuilds the table with the smallest power-of-two size > minused. 0 or -1.
int set_table_resize(SetObject* so, int64_t minused);
/// Adds the keys of another set (CPython's set_merge). 0 or -1.
int set_merge(SetObject* so, SetObject* other);
/// Exchanges the contents of two sets (CPython's set_swap_bodies).
void set_swap_bodies(SetObject* a, SetObject* b);
/// The exact base type (set or frozenset) for results of operations on a
/// value of type t.
Type* set_base_type(Type* t);
/// A new set of `s`'s base type with s's keys (CPython's set_copy: always
/// a new object, unlike the frozenset.copy method).
Value set_copy_of_base(Value s);
/// s.intersection(*others) / s.union(*others) helpers (set_ops.cc).
Value set_difference(Value so, Value other);
Value set_symmetric_difference(Value so, Value other);
/// issubset with any iterable `other`.
Value set_issubset(Value so, Value other);
Value set_issuperset(Value so, Value other);

/// The methods and number slots (set_ops.cc).
extern const MethodDef kSetMethods[];
extern const MethodDef kFrozenSetMethods[];
extern const NumberMethods kSetNumber;
extern const NumberMethods kFrozenSetNumber;
/// set.__richcompare__ (set_ops.cc).
Value set_richcompare(Value a, Value b, CompareOp op);

}  // namespace molt
