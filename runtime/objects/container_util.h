// container_util.h — helpers shared by the container types (list, tuple,
// dict, set, range, slice, iterators): argument-count checks with CPython's
// messages, the hashing and equality fast paths every table uses, KeyError,
// and the repr recursion guard (CPython's Py_ReprEnter/Py_ReprLeave).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/abstract.h"
#include "core/object.h"
#include "objects/str.h"

namespace molt {

// --- argument checks ---------------------------------------------------------------
// Each returns true when the call is well-formed and otherwise raises the
// TypeError CPython raises for the same mistake and returns false.

/// "`name`() takes no keyword arguments" when kwnames is not empty.
bool check_no_keywords(const char* name, Value kwnames);
/// Argument Clinic's positional check: "`name` expected at least 1
/// argument, got 0", "... at most 2 arguments, got 3", "... expected 2
/// arguments, got 1" (min == max).
bool check_positional(const char* name, size_t nargs, size_t min, size_t max);
/// A METH_O method (`qualname` like "list.append"): no keywords, exactly
/// one positional argument ("list.append() takes exactly one argument (0
/// given)").
bool check_one_arg(const char* qualname, size_t nargs, Value kwnames);
/// A METH_NOARGS method: "list.reverse() takes no arguments (1 given)".
bool check_no_args(const char* qualname, size_t nargs, Value kwnames);

/// An Argument Clinic `Py_ssize_t` parameter: an index-able value as
/// int64; TypeError "'str' object cannot be interpreted as an integer",
/// OverflowError "Python int too large to convert to C ssize_t".
bool ssize_arg(Value v, int64_t* out);

// --- hashing and equality ------------------------------------------------------------

/// hash(v) with inline fast paths for small ints and exact strs; -1 on
/// error (unhashable).
inline int64_t hash_value(Value v) {
  if (molt_is_small_int(v)) {
    int64_t i = molt_as_small_int(v);
    return i == -1 ? -2 : i;
  }
  if (is_str_exact(v)) {
    int64_t h = as_str(v)->hash;
    return h != -1 ? h : str_hash(v);
  }
  return object_hash(v);
}

/// `a == b` as containers test membership (CPython's PyObject_RichCompareBool
/// with its identity shortcut). Identity here is equal value bits, which
/// for NaN-boxed floats means the same NaN compares equal to itself, as the
/// same float object does in CPython. 1, 0, or -1 on error.
inline int items_equal(Value a, Value b) {
  if (a == b) return 1;
  if (molt_is_small_int(a) && molt_is_small_int(b)) return 0;
  if (is_str_exact(a) && is_str_exact(b)) return str_equal(a, b) ? 1 : 0;
  return rich_compare_bool(a, b, CompareOp::Eq);
}

/// The result of comparing two sequence lengths with `op` (a bool).
inline Value compare_sizes(int64_t a, int64_t b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return molt_from_bool(a < b);
    case CompareOp::Le: return molt_from_bool(a <= b);
    case CompareOp::Eq: return molt_from_bool(a == b);
    case CompareOp::Ne: return molt_from_bool(a != b);
    case CompareOp::Gt: return molt_from_bool(a > b);
    case CompareOp::Ge: return molt_from_bool(a >= b);
  }
  return MOLT_FALSE;
}

// --- errors --------------------------------------------------------------------------

/// Raises KeyError(key): the key is the single argument even when it is a
/// tuple (CPython's _PyErr_SetKeyError). Returns MOLT_ERROR.
Value raise_key_error(Value key);

// --- repr ----------------------------------------------------------------------------

/// Marks `v` as being repr'd. Returns 1 if it already is (the caller
/// prints "[...]"/"{...}"), 0 after marking it, -1 on MemoryError.
int repr_enter(Value v);
/// Unmarks `v` (after a successful repr_enter that returned 0).
void repr_leave(Value v);

/// Appends repr(v) to b. False with an exception set on error.
bool append_repr(StrBuilder& b, Value v);

// --- growable value buffer -----------------------------------------------------------

/// A malloc-backed array of owned values used while building containers
/// (for example the items of an iterable being materialised). Releases its
/// items on destruction unless they were taken.
class ValueBuffer {
 public:
  ValueBuffer() = default;
  ValueBuffer(const ValueBuffer&) = delete;
  ValueBuffer& operator=(const ValueBuffer&) = delete;
  ~ValueBuffer();
  /// Appends `v`, stealing the reference (also on failure). False on
  /// MemoryError.
  bool push_steal(Value v);
  int64_t size() const { return size_; }
  Value* data() { return items_; }
  Value operator[](int64_t i) const { return items_[i]; }
  /// Gives the array (malloc'd, owned items) to the caller and empties the
  /// buffer; *capacity receives its capacity.
  Value* take(int64_t* capacity);

 private:
  Value* items_ = nullptr;
  int64_t size_ = 0;
  int64_t capacity_ = 0;
};

/// Collects the items of any iterable into `out` (PySequence_Fast for
/// lists and tuples copies directly). False with an exception set; when the
/// value is not iterable and `not_iterable_message` is given, the TypeError
/// gets that message instead.
bool collect_iterable(Value iterable, ValueBuffer& out, const char* not_iterable_message = nullptr);

}  // namespace molt
