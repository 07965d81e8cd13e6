// list.h — Python `list`: a mutable, over-allocated array of values.
//
// list.cc holds the type (methods, operators, indexing and slice
// assignment, repr, list_iterator and list_reverseiterator); list_sort.cc
// holds list.sort (Timsort, giving CPython's results and comparison order).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type list_type;
extern Type list_iterator_type;
extern Type list_reverseiterator_type;

struct BuiltinFunctionObject;
/// builtin sorted(iterable, /, *, key=None, reverse=False) (list_methods.cc).
Value builtin_sorted(const Value* args, size_t nargs, Value kwnames);
extern BuiltinFunctionObject g_builtin_sorted;

/// Invariants: 0 <= size <= allocated; items holds `allocated` slots of
/// which the first `size` are owned references. While list.sort runs,
/// items is null, size 0 and allocated -1 (so that changes made by key
/// functions or comparisons can be detected, as CPython does).
struct ListObject {
  Object ob;
  int64_t size;
  int64_t allocated;
  Value* items;
};

inline ListObject* as_list(Value v) {
  return reinterpret_cast<ListObject*>(as_object(v));
}
/// True for list and its subclasses.
bool is_list(Value v);
inline bool is_list_exact(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &list_type;
}
inline int64_t list_size(Value v) {
  return as_list(v)->size;
}
/// Precondition: 0 <= i < list_size(v).
inline Value list_item_borrowed(Value v, int64_t i) {
  return as_list(v)->items[i];
}

/// An empty list with room for `capacity` items.
Value list_new(int64_t capacity);
/// A list of the `n` borrowed values.
Value list_from_array(const Value* items, int64_t n);
/// A list taking ownership of a malloc'd array of `n` owned values with
/// room for `capacity` (freed on failure too).
Value list_adopt(Value* items, int64_t n, int64_t capacity);
/// list(iterable).
Value list_from_iterable(Value iterable);
/// A tuple of the list's items.
Value list_as_tuple(Value list);

/// list.append(item) with a borrowed item. 0, or -1 on MemoryError.
int list_append(Value list, Value item);
/// list.extend(iterable). 0 or -1.
int list_extend(Value list, Value iterable);
/// list.insert(index, item) with CPython's clamping of the index. 0 or -1.
int list_insert(Value list, int64_t index, Value item);
/// list[lo:hi] for clamped 0 <= lo, hi <= len (hi < lo gives []).
Value list_get_slice(Value list, int64_t lo, int64_t hi);
/// list[lo:hi] = v (v an iterable, or MOLT_UNBOUND to delete) with
/// CPython's clamping. 0 or -1.
int list_set_slice(Value list, int64_t lo, int64_t hi, Value v);
/// list.sort(key=key, reverse=reverse); key is None or a callable. 0 or -1
/// (ValueError "list modified during sort" when the list changed).
int list_sort(Value list, Value key, bool reverse);
/// list.reverse().
void list_reverse(Value list);

/// list[key] for an index or a slice (the mapping subscript slot).
Value list_subscript(Value list, Value key);
/// reversed(list): a list_reverseiterator.
Value list_reversed(Value list);

/// list.__init__/clear helper: empties the list, releasing items last to
/// first (a no-op while the list is being sorted).
void list_clear(Value list);

/// Resizes the item array as CPython's list_resize (over-allocation by
/// ~1/8); the new slots are uninitialised. 0, or -1 on MemoryError.
int list_resize(ListObject* l, int64_t new_size);

}  // namespace molt
