// container_util.cc — argument checks, KeyError, the repr recursion guard
// and the value buffer shared by the container types.
#include "objects/container_util.h"

#include <stdlib.h>
#include <string.h>

#include "core/args.h"
#include "core/errors.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"

namespace molt {

// --- argument checks ---------------------------------------------------------------

bool check_no_keywords(const char* name, Value kwnames) {
  if (keyword_count(kwnames) == 0) return true;
  raise(ErrorId::TakesNoKeywords, name);
  return false;
}

bool check_positional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    raise(ErrorId::ExpectedArgCount, name, min == max ? "" : "at least ", static_cast<long long>(min),
          min == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > max) {
    raise(ErrorId::ExpectedArgCount, name, min == max ? "" : "at most ", static_cast<long long>(max),
          max == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

bool check_one_arg(const char* qualname, size_t nargs, Value kwnames) {
  if (!check_no_keywords(qualname, kwnames)) return false;
  if (nargs == 1) return true;
  raise(ErrorId::TakesExactlyOneArg, qualname, nargs);
  return false;
}

bool check_no_args(const char* qualname, size_t nargs, Value kwnames) {
  if (!check_no_keywords(qualname, kwnames)) return false;
  if (nargs == 0) return true;
  raise(ErrorId::TakesNoArgs, qualname, nargs);
  return false;
}

bool ssize_arg(Value v, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
    return true;
  }
  Value i = number_index(v);
  if (molt_is_error(i)) return false;
  bool fits = int_to_i64(i, out);
  decref(i);
  if (!fits) raise(ErrorId::IntTooLargeForSsize);
  return fits;
}

// --- errors --------------------------------------------------------------------------

Value raise_key_error(Value key) {
  Value args = tuple_pack1_steal(new_ref(key));
  if (molt_is_error(args)) return args;
  Value e = exception_new(&exc::KeyError, args);
  if (molt_is_error(e)) return e;
  return raise_instance(e);
}

// --- repr guard ------------------------------------------------------------------------

namespace {

/// The values whose repr is in progress (innermost last). Programs are
/// single-threaded, so one stack serves the whole process.
struct ReprStack {
  Value* items = nullptr;
  size_t size = 0;
  size_t capacity = 0;
};
ReprStack g_repr_stack;

}  // namespace

int repr_enter(Value v) {
  ReprStack& s = g_repr_stack;
  for (size_t i = 0; i < s.size; ++i) {
    if (s.items[i] == v) return 1;
  }
  if (s.size == s.capacity) {
    size_t cap = s.capacity ? s.capacity * 2 : 16;
    Value* items = static_cast<Value*>(realloc(s.items, cap * sizeof(Value)));
    if (items == nullptr) {
      raise_no_memory();
      return -1;
    }
    s.items = items;
    s.capacity = cap;
  }
  s.items[s.size++] = v;
  return 0;
}

void repr_leave(Value v) {
  ReprStack& s = g_repr_stack;
  // Search from the innermost entry: reprs nest, so it is almost always last.
  for (size_t i = s.size; i-- > 0;) {
    if (s.items[i] == v) {
      memmove(s.items + i, s.items + i + 1, (s.size - i - 1) * sizeof(Value));
      --s.size;
      break;
    }
  }
  if (s.size == 0) {
    free(s.items);
    s.items = nullptr;
    s.capacity = 0;
  }
}

bool append_repr(StrBuilder& b, Value v) {
  Value r = object_repr(v);
  if (molt_is_error(r)) return false;
  bool ok = b.append_str(r);
  decref(r);
  return ok;
}

// --- ValueBuffer -------------------------------------------------------------------------

ValueBuffer::~ValueBuffer() {
  for (int64_t i = 0; i < size_; ++i) decref(items_[i]);
  free(items_);
}

bool ValueBuffer::push_steal(Value v) {
  if (size_ == capacity_) {
    int64_t cap = capacity_ ? capacity_ * 2 : 8;
    Value* items = static_cast<Value*>(realloc(items_, static_cast<size_t>(cap) * sizeof(Value)));
    if (items == nullptr) {
      decref(v);
      raise_no_memory();
      return false;
    }
    items_ = items;
    capacity_ = cap;
  }
  items_[size_++] = v;
  return true;
}

Value* ValueBuffer::take(int64_t* capacity) {
  Value* items = items_;
  *capacity = capacity_;
  items_ = nullptr;
  size_ = capacity_ = 0;
  return items;
}

bool collect_iterable(Value iterable, ValueBuffer& out, const char* not_iterable_message) {
  if (is_list(iterable) || is_tuple(iterable)) {
    // Copy first: the items are borrowed from a container that pushing
    // cannot change, but take the references before anything can run.
    int64_t n = is_list(iterable) ? list_size(iterable) : tuple_size(iterable);
    const Value* src = is_list(iterable) ? as_list(iterable)->items : as_tuple(iterable)->items;
    for (int64_t i = 0; i < n; ++i) {
      if (!out.push_steal(new_ref(src[i]))) return false;
    }
    return true;
  }
  Value it = object_iter(iterable);
  if (molt_is_error(it)) {
    if (not_iterable_message != nullptr && error_matches(&exc::TypeError)) {
      clear_error();
      raise_message(&exc::TypeError, not_iterable_message);
    }
    return false;
  }
  bool ok = true;
  for (;;) {
    Value x = iter_next(it);
    if (x == MOLT_UNBOUND) break;
    if (molt_is_error(x) || !out.push_steal(x)) {
      ok = false;
      break;
    }
  }
  decref(it);
  return ok;
}

}  // namespace molt
