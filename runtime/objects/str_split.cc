// str_split.cc — str methods that cut and glue: split/rsplit (by whitespace
// or a separator, with maxsplit), splitlines, join, and the strip family.
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/errors.h"
#include "core/iter.h"
#include "core/unicode.h"
#include "exc/exceptions.h"
#include "objects/list.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// Collects owned strs for a result list (adopted by list_adopt).
class Pieces {
 public:
  Pieces() = default;
  Pieces(const Pieces&) = delete;
  Pieces& operator=(const Pieces&) = delete;
  ~Pieces() {
    for (int64_t i = 0; i < n_; ++i) decref(items_[i]);
    free(items_);
  }
  /// Takes ownership of v (which may be MOLT_ERROR: then returns false).
  bool push(Value v) {
    if (molt_is_error(v)) return false;
    if (n_ == cap_) {
      int64_t c = cap_ ? cap_ * 2 : 12;
      Value* p = static_cast<Value*>(realloc(items_, static_cast<size_t>(c) * sizeof(Value)));
      if (p == nullptr) {
        decref(v);
        raise_no_memory();
        return false;
      }
      items_ = p;
      cap_ = c;
    }
    items_[n_++] = v;
    return true;
  }
  void reverse() {
    for (int64_t i = 0, j = n_ - 1; i < j; ++i, --j) {
      Value t = items_[i];
      items_[i] = items_[j];
      items_[j] = t;
    }
  }
  /// The list of the pieces (ownership moves to it).
  Value to_list() {
    Value* items = items_;
    int64_t n = n_, cap = cap_;
    items_ = nullptr;
    n_ = cap_ = 0;
    if (items == nullptr) return list_new(0);
    return list_adopt(items, n, cap);
  }

 private:
  Value* items_ = nullptr;
  int64_t n_ = 0, cap_ = 0;
};

/// Whitespace test specialised for the unit type.
template <class T>
inline bool space_unit(T c) {
  return unicode::is_space(static_cast<uint32_t>(c));
}

/// split() without a separator, on units of type T.
template <class T>
bool split_whitespace(Value self, const T* d, int64_t len, int64_t maxsplit, Pieces& out) {
  int64_t i = 0;
  while (maxsplit-- > 0) {
    while (i < len && space_unit(d[i])) ++i;
    if (i == len) return true;
    int64_t j = i;
    while (j < len && !space_unit(d[j])) ++j;
    if (!out.push(str_substring(self, i, j))) return false;
    i = j;
  }
  while (i < len && space_unit(d[i])) ++i;
  if (i == len) return true;
  // The remainder keeps its trailing whitespace.
  return out.push(str_substring(self, i, len));
}

template <class T>
bool rsplit_whitespace(Value self, const T* d, int64_t len, int64_t maxsplit, Pieces& out) {
  int64_t i = len;
  while (maxsplit-- > 0) {
    while (i > 0 && space_unit(d[i - 1])) --i;
    if (i == 0) return true;
    int64_t j = i;
    while (j > 0 && !space_unit(d[j - 1])) --j;
    if (!out.push(str_substring(self, j, i))) return false;
    i = j;
  }
  while (i > 0 && space_unit(d[i - 1])) --i;
  if (i == 0) return true;
  return out.push(str_substring(self, 0, i));
}

/// The (sep, maxsplit) arguments of split/rsplit.
bool split_args(const char* name, const Value* args, size_t nargs, Value kwnames, Value* sep,
                int64_t* maxsplit) {
  ArgSpec spec = {name, ArgStyle::Keywords, 0, 2, {"sep", "maxsplit"}};
  Value a[2];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return false;
  *sep = a[0] == MOLT_UNBOUND ? MOLT_NONE : a[0];
  *maxsplit = -1;
  if (a[1] != MOLT_UNBOUND && !index_arg(a[1], IndexOverflow::SsizeError, maxsplit)) return false;
  if (*sep != MOLT_NONE && !is_str(*sep)) {
    raise(ErrorId::MustBeStrOrNone, type_of(*sep)->name);
    return false;
  }
  if (*sep != MOLT_NONE && str_length(*sep) == 0) {
    raise(ErrorId::EmptySeparator);
    return false;
  }
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

}  // namespace

Value str_split(Value self, Value sep, int64_t maxsplit, bool reverse) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  StrObject* s = as_str(self);
  int64_t len = s->length;
  Pieces out;
  bool ok = true;
  if (sep == MOLT_NONE) {
    switch (s->kind) {
      case 1: {
        const uint8_t* d = static_cast<const uint8_t*>(str_data(s));
        ok = reverse ? rsplit_whitespace(self, d, len, maxsplit, out)
                     : split_whitespace(self, d, len, maxsplit, out);
        break;
      }
      case 2: {
        const uint16_t* d = static_cast<const uint16_t*>(str_data(s));
        ok = reverse ? rsplit_whitespace(self, d, len, maxsplit, out)
                     : split_whitespace(self, d, len, maxsplit, out);
        break;
      }
      default: {
        const uint32_t* d = static_cast<const uint32_t*>(str_data(s));
        ok = reverse ? rsplit_whitespace(self, d, len, maxsplit, out)
                     : split_whitespace(self, d, len, maxsplit, out);
        break;
      }
    }
    if (!ok) return MOLT_ERROR;
    if (reverse) out.reverse();
    return out.to_list();
  }
  StrObject* x = as_str(sep);
  int64_t n = x->length;
  if (!reverse) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      int64_t j = n == 1 ? str_find_char(str_data(s), s->kind, i, len, read_unit(str_data(x), x->kind, 0))
                         : str_find_units(str_data(s), s->kind, i, len, str_data(x), x->kind, n);
      if (j < 0) break;
      if (!out.push(str_substring(self, i, j))) return MOLT_ERROR;
      i = j + n;
    }
    if (!out.push(str_substring(self, i, len))) return MOLT_ERROR;
    return out.to_list();
  }
  int64_t i = len;
  while (maxsplit-- > 0) {
    int64_t j = n == 1 ? str_rfind_char(str_data(s), s->kind, 0, i, read_unit(str_data(x), x->kind, 0))
                       : str_rfind_units(str_data(s), s->kind, 0, i, str_data(x), x->kind, n);
    if (j < 0) break;
    if (!out.push(str_substring(self, j + n, i))) return MOLT_ERROR;
    i = j;
  }
  if (!out.push(str_substring(self, 0, i))) return MOLT_ERROR;
  out.reverse();
  return out.to_list();
}

Value str_method_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value sep;
  int64_t maxsplit;
  if (!split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return MOLT_ERROR;
  return str_split(self, sep, maxsplit, false);
}

Value str_method_rsplit(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value sep;
  int64_t maxsplit;
  if (!split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return MOLT_ERROR;
  return str_split(self, sep, maxsplit, true);
}

Value str_splitlines(Value self, bool keepends) {
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  int64_t len = s->length;
  Pieces out;
  int64_t i = 0;
  while (i < len) {
    int64_t j = i;
    while (j < len && !unicode::is_linebreak(read_unit(d, s->kind, j))) ++j;
    int64_t eol = j;
    if (j < len) {
      // \r\n is one boundary.
      if (read_unit(d, s->kind, j) == '\r' && j + 1 < len && read_unit(d, s->kind, j + 1) == '\n') {
        j += 2;
      } else {
        ++j;
      }
      if (keepends) eol = j;
    }
    if (!out.push(str_substring(self, i, eol))) return MOLT_ERROR;
    i = j;
  }
  return out.to_list();
}

Value str_method_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"splitlines", ArgStyle::Keywords, 0, 1, {"keepends"}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  int keepends = 0;
  if (a[0] != MOLT_UNBOUND && (keepends = object_truth(a[0])) < 0) return MOLT_ERROR;
  return str_splitlines(self, keepends != 0);
}

// --- join ----------------------------------------------------------------------------------

namespace {

/// Joins items[0..n) (borrowed) with sep.
Value join_items(Value sep, const Value* items, int64_t n) {
  if (n == 0) return str_empty();
  if (n == 1 && is_str_exact(items[0])) return new_ref(items[0]);
  StrObject* s = as_str(sep);
  int64_t total = s->length * (n - 1);
  uint32_t bound = s->ascii ? 0 : s->kind == 1 ? 0xFF : s->kind == 2 ? 0xFFFF : 0x10FFFF;
  if (n == 1 || s->length == 0) bound = 0;
  for (int64_t i = 0; i < n; ++i) {
    Value item = items[i];
    if (!is_str(item)) return raise(ErrorId::JoinItemType, static_cast<long long>(i), type_of(item)->name);
    StrObject* o = as_str(item);
    total += o->length;
    if (!o->ascii) {
      uint32_t m = o->kind == 1 ? 0xFF : o->kind == 2 ? 0xFFFF : 0x10FFFF;
      if (m > bound) bound = m;
    }
  }
  // The bound is exact for canonical strs: a piece of kind k holds a code
  // point that needs k.
  int kind = kind_for(bound);
  Value r = str_new_raw(total, static_cast<uint8_t>(kind), bound < 0x80);
  if (molt_is_error(r)) return r;
  char* d = static_cast<char*>(str_data(as_str(r)));
  const char* sd = static_cast<const char*>(str_data(s));
  int64_t slen = s->length;
  if (kind == 1) {
    // Every piece is 1-byte: straight copies, the separator inline.
    char* p = d;
    for (int64_t i = 0; i < n; ++i) {
      if (i > 0) {
        if (slen == 1) {
          *p++ = sd[0];
        } else {
          copy_bytes(p, sd, static_cast<size_t>(slen));
          p += slen;
        }
      }
      StrObject* o = as_str(items[i]);
      copy_bytes(p, static_cast<const char*>(str_data(o)), static_cast<size_t>(o->length));
      p += o->length;
    }
    return r;
  }
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (i > 0 && slen > 0) {
      convert_units(d + at * kind, kind, sd, s->kind, slen);
      at += slen;
    }
    StrObject* o = as_str(items[i]);
    convert_units(d + at * kind, kind, str_data(o), o->kind, o->length);
    at += o->length;
  }
  return r;
}

}  // namespace

Value str_join(Value sep, Value iterable) {
  if (is_list(iterable)) {
    // The items are borrowed; join_items runs no Python code, so the list
    // cannot change under it.
    return join_items(sep, as_list(iterable)->items, list_size(iterable));
  }
  if (is_tuple(iterable)) return join_items(sep, as_tuple(iterable)->items, tuple_size(iterable));
  Value it = object_iter(iterable);
  if (molt_is_error(it)) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      return raise(ErrorId::JoinNotIterable);
    }
    return MOLT_ERROR;
  }
  Pieces items;
  Value r = MOLT_ERROR;
  for (;;) {
    Value x = iter_next(it);
    if (x == MOLT_UNBOUND) break;
    if (!items.push(x)) {
      decref(it);
      return MOLT_ERROR;
    }
  }
  decref(it);
  if (error_occurred()) return MOLT_ERROR;
  Value list = items.to_list();
  if (molt_is_error(list)) return list;
  r = join_items(sep, as_list(list)->items, list_size(list));
  decref(list);
  return r;
}

Value str_method_join(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"join", ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  return str_join(self, a[0]);
}

// --- strip ---------------------------------------------------------------------------------

namespace {

/// Membership in the strip set `chars` (a str).
struct CharSet {
  const void* data;
  int kind;
  int64_t n;
  uint64_t bloom;
  explicit CharSet(Value chars)
      : data(str_data(as_str(chars))), kind(as_str(chars)->kind), n(str_length(chars)), bloom(0) {
    for (int64_t i = 0; i < n; ++i) bloom |= uint64_t{1} << (read_unit(data, kind, i) & 63);
  }
  bool contains(uint32_t c) const {
    if (!(bloom & (uint64_t{1} << (c & 63)))) return false;
    for (int64_t i = 0; i < n; ++i) {
      if (read_unit(data, kind, i) == c) return true;
    }
    return false;
  }
};

Value strip_common(const char* name, bool left, bool right, Value self, const Value* args, size_t nargs,
                   Value kwnames) {
  ArgSpec spec = {name, ArgStyle::Clinic, 0, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  Value chars = a[0] == MOLT_UNBOUND ? MOLT_NONE : a[0];
  if (chars != MOLT_NONE && !is_str(chars)) return raise(ErrorId::StripArgType, name);
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  int64_t i = 0, j = s->length;
  if (chars == MOLT_NONE) {
    if (left) {
      while (i < j && unicode::is_space(read_unit(d, s->kind, i))) ++i;
    }
    if (right) {
      while (j > i && unicode::is_space(read_unit(d, s->kind, j - 1))) --j;
    }
  } else {
    CharSet set(chars);
    if (left) {
      while (i < j && set.contains(read_unit(d, s->kind, i))) ++i;
    }
    if (right) {
      while (j > i && set.contains(read_unit(d, s->kind, j - 1))) --j;
    }
  }
  return str_substring(self, i, j);
}

}  // namespace

Value str_method_strip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("strip", true, true, self, args, nargs, kwnames);
}

Value str_method_lstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("lstrip", true, false, self, args, nargs, kwnames);
}

Value str_method_rstrip(Value self, const Value* args, size_t nargs, Value kwnames) {
  return strip_common("rstrip", false, true, self, args, nargs, kwnames);
}

}  // namespace molt
