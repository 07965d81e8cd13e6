// str_find.cc — str methods that search: find/rfind/index/rindex/count,
// startswith/endswith, replace, partition/rpartition, and the `in`
// operator (the contains slot).
#include <stdlib.h>
#include <string.h>

#include "core/errors.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// The (sub, start, end) arguments of find/rfind/index/rindex/count, with
/// CPython's order of checks (start/end first, then the type of sub).
bool find_args(const char* name, Value self, const Value* args, size_t nargs, Value kwnames, Value* sub,
               int64_t* start, int64_t* end) {
  ArgSpec spec = {name, ArgStyle::OldStyle, 1, 3, {}};
  Value a[3];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return false;
  if (!parse_start_end(args, nargs, 1, str_length(self), start, end)) return false;
  if (!is_str(a[0])) {
    raise(ErrorId::MustBeStr, type_of(a[0])->name);
    return false;
  }
  *sub = a[0];
  return true;
}

Value find_common(const char* name, bool reverse, bool raise_missing, Value self, const Value* args,
                  size_t nargs, Value kwnames) {
  Value sub;
  int64_t start, end;
  if (!find_args(name, self, args, nargs, kwnames, &sub, &start, &end)) return MOLT_ERROR;
  int64_t r = str_find_sub(self, sub, start, end, reverse);
  if (r < 0 && raise_missing) return raise(ErrorId::SubstringNotFound);
  return molt_from_small_int(r);
}

}  // namespace

Value str_method_find(Value self, const Value* args, size_t nargs, Value kwnames) {
  return find_common("find", false, false, self, args, nargs, kwnames);
}

Value str_method_rfind(Value self, const Value* args, size_t nargs, Value kwnames) {
  return find_common("rfind", true, false, self, args, nargs, kwnames);
}

Value str_method_index(Value self, const Value* args, size_t nargs, Value kwnames) {
  return find_common("index", false, true, self, args, nargs, kwnames);
}

Value str_method_rindex(Value self, const Value* args, size_t nargs, Value kwnames) {
  return find_common("rindex", true, true, self, args, nargs, kwnames);
}

Value str_method_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value sub;
  int64_t start, end;
  if (!find_args("count", self, args, nargs, kwnames, &sub, &start, &end)) return MOLT_ERROR;
  int64_t n = str_length(sub);
  if (end - start < n) return molt_from_small_int(0);
  if (n == 0) return molt_from_small_int(end - start + 1);
  StrObject* h = as_str(self);
  StrObject* x = as_str(sub);
  return molt_from_small_int(
      str_count_units(str_data(h), h->kind, start, end, str_data(x), x->kind, x->length, INT64_MAX));
}

namespace {

Value tailmatch_common(const char* name, bool at_end, Value self, const Value* args, size_t nargs,
                       Value kwnames) {
  ArgSpec spec = {name, ArgStyle::OldStyle, 1, 3, {}};
  Value a[3];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  int64_t start, end;
  if (!parse_start_end(args, nargs, 1, str_length(self), &start, &end)) return MOLT_ERROR;
  Value what = a[0];
  if (is_tuple(what)) {
    int64_t n = tuple_size(what);
    for (int64_t i = 0; i < n; ++i) {
      Value item = tuple_item_borrowed(what, i);
      if (!is_str(item)) return raise(ErrorId::TailmatchTupleItem, name, type_of(item)->name);
      if (str_tailmatch(self, item, start, end, at_end)) return MOLT_TRUE;
    }
    return MOLT_FALSE;
  }
  if (!is_str(what)) return raise(ErrorId::TailmatchArgType, name, type_of(what)->name);
  return molt_from_bool(str_tailmatch(self, what, start, end, at_end));
}

}  // namespace

Value str_method_startswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return tailmatch_common("startswith", false, self, args, nargs, kwnames);
}

Value str_method_endswith(Value self, const Value* args, size_t nargs, Value kwnames) {
  return tailmatch_common("endswith", true, self, args, nargs, kwnames);
}

// --- replace ---------------------------------------------------------------------------------

namespace {

inline uint32_t kind_max(const StrObject* o) {
  return o->ascii ? 0x7F : o->kind == 1 ? 0xFF : o->kind == 2 ? 0xFFFF : 0x10FFFF;
}

/// A growable array of match positions.
struct Positions {
  int64_t* p = nullptr;
  int64_t n = 0, cap = 0;
  ~Positions() { free(p); }
  bool push(int64_t v) {
    if (n == cap) {
      int64_t c = cap ? cap * 2 : 64;
      int64_t* q = static_cast<int64_t*>(realloc(p, static_cast<size_t>(c) * sizeof(int64_t)));
      if (q == nullptr) {
        raise_no_memory();
        return false;
      }
      p = q;
      cap = c;
    }
    p[n++] = v;
    return true;
  }
};

/// Copies src units [from, to) of `o` into d at unit offset `at` (kind dk).
inline void copy_span(char* d, int dk, int64_t at, const StrObject* o, int64_t from, int64_t to) {
  convert_units(d + at * dk, dk,
                static_cast<const char*>(str_data(const_cast<StrObject*>(o))) + from * o->kind, o->kind,
                to - from);
}

}  // namespace

/// s.replace(old, new, count) for strs (count < 0: all).
Value str_replace(Value self, Value old, Value repl, int64_t count) {
  StrObject* s = as_str(self);
  StrObject* o = as_str(old);
  StrObject* w = as_str(repl);
  int64_t slen = s->length, olen = o->length, wlen = w->length;
  if (count < 0) count = INT64_MAX;
  if (count == 0 || (olen == 0 && wlen == 0)) return str_substring(self, 0, slen);
  uint32_t maxchar = kind_max(s) > kind_max(w) ? kind_max(s) : kind_max(w);
  int rk = kind_for(maxchar);
  bool ascii = maxchar < 0x80;
  bool may_shrink = kind_max(w) < kind_max(s) || (s->kind == 1 && !s->ascii && w->ascii);

  if (olen == 0) {
    // Insert `new` before every character and at the end, `count` times.
    int64_t n = slen + 1 < count ? slen + 1 : count;
    if (wlen > (INT64_MAX / 4 - slen) / n) return raise(ErrorId::ReplaceTooLong);
    Value r = str_new_raw(slen + n * wlen, static_cast<uint8_t>(rk), ascii);
    if (molt_is_error(r)) return r;
    char* d = static_cast<char*>(str_data(as_str(r)));
    int64_t at = 0;
    for (int64_t i = 0; i < slen; ++i) {
      if (i < n) {
        copy_span(d, rk, at, w, 0, wlen);
        at += wlen;
      }
      write_unit(d, rk, at++, read_unit(str_data(s), s->kind, i));
    }
    if (n > slen) copy_span(d, rk, at, w, 0, wlen);
    return r;
  }
  if (o->kind > s->kind || olen > slen) return str_substring(self, 0, slen);

  const void* hay = str_data(s);
  if (olen == wlen) {
    // Same length: copy, then overwrite each match in place.
    int64_t first = str_find_units(hay, s->kind, 0, slen, str_data(o), o->kind, olen);
    if (first < 0) return str_substring(self, 0, slen);
    Value r = str_new_raw(slen, static_cast<uint8_t>(rk), ascii && s->ascii);
    if (molt_is_error(r)) return r;
    char* d = static_cast<char*>(str_data(as_str(r)));
    copy_span(d, rk, 0, s, 0, slen);
    if (olen == 1 && rk == 1 && s->kind == 1) {
      uint8_t from = static_cast<uint8_t>(read_unit(str_data(o), 1, 0));
      uint8_t to = static_cast<uint8_t>(read_unit(str_data(w), w->kind, 0));
      uint8_t* p = reinterpret_cast<uint8_t*>(d);
      int64_t i = first;
      while (count-- > 0) {
        p[i] = to;
        const void* next = memchr(p + i + 1, from, static_cast<size_t>(slen - i - 1));
        if (next == nullptr) break;
        i = static_cast<const uint8_t*>(next) - p;
      }
    } else {
      int64_t i = first;
      while (count-- > 0) {
        copy_span(d, rk, i, w, 0, wlen);
        i = str_find_units(hay, s->kind, i + olen, slen, str_data(o), o->kind, olen);
        if (i < 0) break;
      }
    }
    return may_shrink ? str_narrow(r) : r;
  }

  Positions pos;
  for (int64_t i = 0; static_cast<int64_t>(pos.n) < count;) {
    int64_t j = str_find_units(hay, s->kind, i, slen, str_data(o), o->kind, olen);
    if (j < 0) break;
    if (!pos.push(j)) return MOLT_ERROR;
    i = j + olen;
  }
  if (pos.n == 0) return str_substring(self, 0, slen);
  int64_t delta = wlen - olen;
  if (delta > 0 && pos.n > (INT64_MAX / 4 - slen) / delta) return raise(ErrorId::ReplaceTooLong);
  int64_t total = slen + pos.n * delta;
  Value r = str_new_raw(total, static_cast<uint8_t>(rk), ascii && s->ascii);
  if (molt_is_error(r)) return r;
  char* d = static_cast<char*>(str_data(as_str(r)));
  int64_t at = 0, prev = 0;
  if (rk == s->kind && rk == w->kind) {
    // One memcpy per piece.
    const char* src = static_cast<const char*>(hay);
    const char* rep = static_cast<const char*>(str_data(w));
    size_t k = static_cast<size_t>(rk);
    for (int64_t m = 0; m < pos.n; ++m) {
      int64_t j = pos.p[m];
      memcpy(d + at * rk, src + prev * rk, static_cast<size_t>(j - prev) * k);
      at += j - prev;
      memcpy(d + at * rk, rep, static_cast<size_t>(wlen) * k);
      at += wlen;
      prev = j + olen;
    }
    memcpy(d + at * rk, src + prev * rk, static_cast<size_t>(slen - prev) * k);
  } else {
    for (int64_t m = 0; m < pos.n; ++m) {
      int64_t j = pos.p[m];
      copy_span(d, rk, at, s, prev, j);
      at += j - prev;
      copy_span(d, rk, at, w, 0, wlen);
      at += wlen;
      prev = j + olen;
    }
    copy_span(d, rk, at, s, prev, slen);
  }
  return may_shrink ? str_narrow(r) : r;
}

Value str_method_replace(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"replace", ArgStyle::Clinic, 2, 3, {}};
  Value a[3];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  for (int i = 0; i < 2; ++i) {
    if (!is_str(a[i])) return raise(ErrorId::ArgNumberMustBeStr, "replace", i + 1, arg_type_name(a[i]));
  }
  int64_t count = -1;
  if (a[2] != MOLT_UNBOUND && !index_arg(a[2], IndexOverflow::SsizeError, &count)) return MOLT_ERROR;
  return str_replace(self, a[0], a[1], count);
}

// --- partition -------------------------------------------------------------------------------

namespace {

Value partition_common(const char* name, bool reverse, Value self, const Value* args, size_t nargs,
                       Value kwnames) {
  ArgSpec spec = {name, ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  Value sep = a[0];
  if (!is_str(sep)) return raise(ErrorId::MustBeStr, type_of(sep)->name);
  int64_t n = str_length(sep), len = str_length(self);
  if (n == 0) return raise(ErrorId::EmptySeparator);
  int64_t i = str_find_sub(self, sep, 0, len, reverse);
  Value t = tuple_new(3);
  if (molt_is_error(t)) return t;
  Value parts[3];
  if (i < 0) {
    Value whole = str_substring(self, 0, len);
    Value e1 = str_empty(), e2 = str_empty();
    parts[0] = reverse ? e1 : whole;
    parts[1] = reverse ? e2 : e1;
    parts[2] = reverse ? whole : e2;
  } else {
    parts[0] = str_substring(self, 0, i);
    parts[1] = str_substring(sep, 0, n);
    parts[2] = str_substring(self, i + n, len);
  }
  bool failed = false;
  for (int k = 0; k < 3; ++k) {
    if (molt_is_error(parts[k])) {
      failed = true;
    } else {
      tuple_set_steal(t, k, parts[k]);
    }
  }
  if (failed) {
    decref(t);
    return MOLT_ERROR;
  }
  return t;
}

}  // namespace

Value str_method_partition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return partition_common("partition", false, self, args, nargs, kwnames);
}

Value str_method_rpartition(Value self, const Value* args, size_t nargs, Value kwnames) {
  return partition_common("rpartition", true, self, args, nargs, kwnames);
}

// --- in ---------------------------------------------------------------------------------------

int str_contains(Value container, Value item) {
  if (!is_str(item)) {
    raise(ErrorId::InStringLeftOperand, type_of(item)->name);
    return -1;
  }
  return str_find_sub(container, item, 0, str_length(container), false) >= 0;
}

}  // namespace molt
