// str_methods.cc — the method table of `str` and the argument handling its
// methods share (CPython's three calling conventions and their messages),
// plus the padding methods (center/ljust/rjust/zfill), expandtabs,
// removeprefix/removesuffix and encode.
#include <stdio.h>
#include <string.h>

#include "core/args.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

// --- arguments -----------------------------------------------------------------------

bool is_index_like(Value v) {
  if (molt_is_small_int(v) || molt_is_bool(v)) return true;
  if (!molt_is_ptr(v)) return false;
  if (is_int_like(v)) return true;
  Type* t = type_of(v);
  return t->as_number != nullptr && t->as_number->index != nullptr;
}

bool index_arg(Value v, IndexOverflow mode, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
  } else if (molt_is_bool(v)) {
    *out = molt_as_bool(v);
  } else {
    Value i = MOLT_ERROR;
    if (molt_is_ptr(v) && is_int_like(v)) {
      i = new_ref(v);
    } else {
      Type* t = type_of(v);
      if (t->as_number == nullptr || t->as_number->index == nullptr) {
        raise(ErrorId::NotAnInteger, t->name);
        return false;
      }
      i = t->as_number->index(v);
      if (molt_is_error(i)) return false;
      if (!is_int_like(i)) {
        const char* name = type_of(i)->name;
        decref(i);
        raise(ErrorId::IndexReturnedNonInt, name);
        return false;
      }
    }
    bool fits = int_to_i64(int_from_bool_or_int(i), out);
    int sign = int_sign(int_from_bool_or_int(i));
    decref(i);
    if (!fits) {
      switch (mode) {
        case IndexOverflow::Clamp: *out = sign < 0 ? INT64_MIN : INT64_MAX; return true;
        case IndexOverflow::SsizeError: raise(ErrorId::IntTooLargeForSsize); return false;
        case IndexOverflow::IndexError: raise(ErrorId::IndexSizeIndexError, type_of(v)->name); return false;
        case IndexOverflow::CIntError: raise(ErrorId::IntTooLargeForCInt); return false;
      }
    }
  }
  if (mode == IndexOverflow::CIntError && (*out > INT32_MAX || *out < INT32_MIN)) {
    raise(ErrorId::IntTooLargeForCInt);
    return false;
  }
  return true;
}

bool parse_start_end(const Value* args, size_t nargs, size_t first, int64_t len, int64_t* start,
                     int64_t* end) {
  *start = 0;
  *end = INT64_MAX;
  for (size_t k = 0; k < 2; ++k) {
    if (first + k >= nargs || args[first + k] == MOLT_NONE) continue;
    Value v = args[first + k];
    if (!is_index_like(v)) {
      raise(ErrorId::SliceIndexType);
      return false;
    }
    if (!index_arg(v, IndexOverflow::Clamp, k == 0 ? start : end)) return false;
  }
  // CPython's ADJUST_INDICES: end is clamped to [0, len]; start only from
  // below, so a start past the end makes every search fail.
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  return true;
}

bool unpack_args(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames, Value* out) {
  size_t nkw = keyword_count(kwnames);
  for (int i = 0; i < spec.max; ++i) out[i] = static_cast<size_t>(i) < nargs ? args[i] : MOLT_UNBOUND;
  char qualified[48];
  if (nkw > 0 && spec.style != ArgStyle::Keywords) {
    snprintf(qualified, sizeof qualified, "str.%s", spec.name);
    raise(ErrorId::TakesNoKeywords, qualified);
    return false;
  }
  const char* plural_min = spec.min == 1 ? "" : "s";
  const char* plural_max = spec.max == 1 ? "" : "s";
  switch (spec.style) {
    case ArgStyle::NoArgs:
      if (nargs == 0) return true;
      snprintf(qualified, sizeof qualified, "str.%s", spec.name);
      raise(ErrorId::TakesNoArgs, qualified, nargs);
      return false;
    case ArgStyle::OneArg:
      if (nargs == 1) return true;
      snprintf(qualified, sizeof qualified, "str.%s", spec.name);
      raise(ErrorId::TakesExactlyOneArg, qualified, nargs);
      return false;
    case ArgStyle::Clinic:
      if (nargs < static_cast<size_t>(spec.min)) {
        raise(ErrorId::ExpectedAtLeastArgs, spec.name, spec.min, plural_min, nargs);
        return false;
      }
      if (nargs > static_cast<size_t>(spec.max)) {
        raise(ErrorId::ExpectedAtMostArgs, spec.name, spec.max, plural_max, nargs);
        return false;
      }
      return true;
    case ArgStyle::OldStyle:
      if (nargs < static_cast<size_t>(spec.min)) {
        raise(ErrorId::TakesAtLeastArgs, spec.name, spec.min, plural_min, nargs);
        return false;
      }
      if (nargs > static_cast<size_t>(spec.max)) {
        raise(ErrorId::TakesAtMostArgs, spec.name, spec.max, plural_max, nargs);
        return false;
      }
      return true;
    case ArgStyle::Keywords: break;
  }
  if (nargs + nkw > static_cast<size_t>(spec.max)) {
    raise(ErrorId::TakesAtMostArgs, spec.name, spec.max, plural_max, nargs + nkw);
    return false;
  }
  for (size_t k = 0; k < nkw; ++k) {
    int slot = -1;
    for (int i = 0; i < spec.max; ++i) {
      if (spec.keywords[i] != nullptr && keyword_is(kwnames, k, spec.keywords[i])) slot = i;
    }
    if (slot < 0) {
      const char* name = keyword_name(kwnames, k);
      raise(ErrorId::InvalidKeywordFor, name ? name : "?", spec.name);
      return false;
    }
    if (static_cast<size_t>(slot) < nargs) {
      raise(ErrorId::ArgGivenByNameAndPosition, spec.name, spec.keywords[slot], slot + 1);
      return false;
    }
    out[slot] = args[nargs + k];
  }
  return true;
}

// --- padding ---------------------------------------------------------------------------

namespace {

/// s padded with `left` and `right` (>= 0, not both 0) copies of fill.
Value pad(Value s, int64_t left, int64_t right, uint32_t fill) {
  StrObject* o = as_str(s);
  uint32_t maxchar = o->ascii ? 0x7F : o->kind == 1 ? 0xFF : o->kind == 2 ? 0xFFFF : 0x10FFFF;
  if (fill > maxchar) maxchar = fill;
  int kind = kind_for(maxchar);
  int64_t total = left + o->length + right;
  Value r = str_new_raw(total, static_cast<uint8_t>(kind), maxchar < 0x80);
  if (molt_is_error(r)) return r;
  char* d = static_cast<char*>(str_data(as_str(r)));
  if (kind == 1) {
    memset(d, static_cast<int>(fill), static_cast<size_t>(left));
    memcpy(d + left, str_data(o), static_cast<size_t>(o->length));
    memset(d + left + o->length, static_cast<int>(fill), static_cast<size_t>(right));
  } else {
    for (int64_t i = 0; i < left; ++i) write_unit(d, kind, i, fill);
    convert_units(d + left * kind, kind, str_data(o), o->kind, o->length);
    for (int64_t i = 0; i < right; ++i) write_unit(d, kind, left + o->length + i, fill);
  }
  return r;
}

/// The (width, fillchar) arguments of center/ljust/rjust.
bool width_and_fill(const ArgSpec& spec, const Value* args, size_t nargs, Value kwnames, int64_t* width,
                    uint32_t* fill) {
  Value a[2];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return false;
  if (!index_arg(a[0], IndexOverflow::SsizeError, width)) return false;
  *fill = ' ';
  if (a[1] != MOLT_UNBOUND) {
    if (!is_str(a[1])) {
      raise(ErrorId::FillCharType, type_of(a[1])->name);
      return false;
    }
    if (str_length(a[1]) != 1) {
      raise(ErrorId::FillCharLength);
      return false;
    }
    *fill = str_code_point(as_str(a[1]), 0);
  }
  return true;
}

}  // namespace

Value str_method_center(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"center", ArgStyle::Clinic, 1, 2, {}};
  int64_t width;
  uint32_t fill;
  if (!width_and_fill(spec, args, nargs, kwnames, &width, &fill)) return MOLT_ERROR;
  int64_t len = str_length(self);
  if (width <= len) return str_substring(self, 0, len);
  int64_t marg = width - len;
  // CPython centres with the extra space on the right, except that odd
  // width and odd margin put it on the left.
  int64_t left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}

Value str_method_ljust(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"ljust", ArgStyle::Clinic, 1, 2, {}};
  int64_t width;
  uint32_t fill;
  if (!width_and_fill(spec, args, nargs, kwnames, &width, &fill)) return MOLT_ERROR;
  int64_t len = str_length(self);
  if (width <= len) return str_substring(self, 0, len);
  return pad(self, 0, width - len, fill);
}

Value str_method_rjust(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"rjust", ArgStyle::Clinic, 1, 2, {}};
  int64_t width;
  uint32_t fill;
  if (!width_and_fill(spec, args, nargs, kwnames, &width, &fill)) return MOLT_ERROR;
  int64_t len = str_length(self);
  if (width <= len) return str_substring(self, 0, len);
  return pad(self, width - len, 0, fill);
}

Value str_method_zfill(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"zfill", ArgStyle::OneArg, 1, 1, {}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  int64_t width;
  if (!index_arg(a[0], IndexOverflow::SsizeError, &width)) return MOLT_ERROR;
  int64_t len = str_length(self);
  if (width <= len) return str_substring(self, 0, len);
  Value r = pad(self, width - len, 0, '0');
  if (molt_is_error(r)) return r;
  // A sign moves to the front: '-42'.zfill(5) == '-0042'.
  StrObject* o = as_str(r);
  int64_t fill = width - len;
  uint32_t c = read_unit(str_data(o), o->kind, fill);
  if (c == '+' || c == '-') {
    write_unit(str_data(o), o->kind, 0, c);
    write_unit(str_data(o), o->kind, fill, '0');
  }
  return r;
}

Value str_method_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"expandtabs", ArgStyle::Keywords, 0, 1, {"tabsize"}};
  Value a[1];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  int64_t tabsize = 8;
  if (a[0] != MOLT_UNBOUND && !index_arg(a[0], IndexOverflow::CIntError, &tabsize)) return MOLT_ERROR;
  StrObject* o = as_str(self);
  const void* d = str_data(o);
  // First pass: the result length (CPython raises OverflowError
  // "result too long" beyond PY_SSIZE_T_MAX).
  int64_t col = 0, total = 0;
  bool any_tab = false;
  for (int64_t i = 0; i < o->length; ++i) {
    uint32_t c = read_unit(d, o->kind, i);
    if (c == '\t') {
      any_tab = true;
      if (tabsize > 0) {
        int64_t inc = tabsize - col % tabsize;
        if (inc > INT64_MAX / 4 - total) return raise(ErrorId::ResultTooLong);
        col += inc;
        total += inc;
      }
    } else {
      ++col;
      ++total;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  if (!any_tab) return str_substring(self, 0, o->length);
  StrWriter w;
  if (!w.reserve(total, o->ascii ? 0x7F : o->kind == 1 ? 0xFF : o->kind == 2 ? 0xFFFF : 0x10FFFF))
    return MOLT_ERROR;
  col = 0;
  for (int64_t i = 0; i < o->length; ++i) {
    uint32_t c = read_unit(d, o->kind, i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t inc = tabsize - col % tabsize;
        col += inc;
        if (!w.fill(' ', inc)) return MOLT_ERROR;
      }
    } else {
      ++col;
      if (!w.append(c)) return MOLT_ERROR;
      if (c == '\n' || c == '\r') col = 0;
    }
  }
  return w.finish();
}

namespace {

Value affix_arg(const char* name, const Value* args, size_t nargs, Value kwnames, Value* out) {
  ArgSpec spec = {name, ArgStyle::OneArg, 1, 1, {}};
  if (!unpack_args(spec, args, nargs, kwnames, out)) return MOLT_ERROR;
  if (!is_str(out[0])) return raise(ErrorId::ArgMustBeStr, name, arg_type_name(out[0]));
  return MOLT_NONE;
}

bool region_equal(Value s, int64_t at, Value sub) {
  StrObject* a = as_str(s);
  StrObject* b = as_str(sub);
  if (a->kind == b->kind) {
    return memcmp(static_cast<char*>(str_data(a)) + at * a->kind, str_data(b),
                  static_cast<size_t>(b->length) * b->kind) == 0;
  }
  for (int64_t i = 0; i < b->length; ++i) {
    if (read_unit(str_data(a), a->kind, at + i) != read_unit(str_data(b), b->kind, i)) return false;
  }
  return true;
}

}  // namespace

bool str_tailmatch(Value s, Value sub, int64_t start, int64_t end, bool at_end) {
  int64_t n = str_length(sub);
  end -= n;
  if (end < start) return false;
  if (n == 0) return true;
  return region_equal(s, at_end ? end : start, sub);
}

Value str_method_removeprefix(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (molt_is_error(affix_arg("removeprefix", args, nargs, kwnames, a))) return MOLT_ERROR;
  int64_t len = str_length(self), n = str_length(a[0]);
  if (n <= len && str_tailmatch(self, a[0], 0, len, false)) return str_substring(self, n, len);
  return str_substring(self, 0, len);
}

Value str_method_removesuffix(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (molt_is_error(affix_arg("removesuffix", args, nargs, kwnames, a))) return MOLT_ERROR;
  int64_t len = str_length(self), n = str_length(a[0]);
  if (n > 0 && n <= len && str_tailmatch(self, a[0], 0, len, true)) return str_substring(self, 0, len - n);
  return str_substring(self, 0, len);
}

// --- encode ------------------------------------------------------------------------------

namespace {

/// Normalises an encoding name as CPython's codec lookup does for the
/// common spellings: lower case, '-' and ' ' as '_'.
void normalise_encoding(const char* in, char* out, size_t cap) {
  size_t k = 0;
  for (; in[k] != '\0' && k + 1 < cap; ++k) {
    char c = in[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == ' ') c = '_';
    out[k] = c;
  }
  out[k] = '\0';
}

bool is_utf8_name(const char* n) {
  static const char* const kNames[] = {"utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"};
  for (const char* k : kNames) {
    if (strcmp(n, k) == 0) return true;
  }
  return false;
}

bool is_known_codec(const char* n) {
  static const char* const kNames[] = {"ascii",     "us_ascii",  "646",       "latin_1",    "latin1",
                                       "latin",     "l1",        "iso8859_1", "iso_8859_1", "8859",
                                       "cp819",     "utf_16",    "utf16",     "utf_16_le",  "utf_16le",
                                       "utf_16_be", "utf_16be",  "utf_32",    "utf32",      "utf_32_le",
                                       "utf_32le",  "utf_32_be", "utf_32be",  "cp1252",     "windows_1252"};
  for (const char* k : kNames) {
    if (strcmp(n, k) == 0) return true;
  }
  return false;
}

}  // namespace

Value str_method_encode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec spec = {"encode", ArgStyle::Keywords, 0, 2, {"encoding", "errors"}};
  Value a[2];
  if (!unpack_args(spec, args, nargs, kwnames, a)) return MOLT_ERROR;
  static const char* const kArgNames[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    if (a[i] != MOLT_UNBOUND && !is_str(a[i])) {
      return raise(ErrorId::ArgNameMustBeStr, "encode", kArgNames[i], arg_type_name(a[i]));
    }
  }
  const char* encoding = "utf-8";
  size_t n = 0;
  if (a[0] != MOLT_UNBOUND && (encoding = str_utf8(a[0], &n)) == nullptr) return MOLT_ERROR;
  char norm[64];
  normalise_encoding(encoding, norm, sizeof norm);
  if (!is_utf8_name(norm) && !is_known_codec(norm)) return raise(ErrorId::UnknownEncoding, encoding);
  // Encoding produces bytes, which Molt does not have yet.
  return raise(ErrorId::EncodeNeedsBytes, encoding);
}

// --- the method table ---------------------------------------------------------------------

const MethodDef kStrMethods[] = {
    {"capitalize", str_method_capitalize, kMethodPlain},
    {"casefold", str_method_casefold, kMethodPlain},
    {"center", str_method_center, kMethodPlain},
    {"count", str_method_count, kMethodPlain},
    {"encode", str_method_encode, kMethodPlain},
    {"endswith", str_method_endswith, kMethodPlain},
    {"expandtabs", str_method_expandtabs, kMethodPlain},
    {"find", str_method_find, kMethodPlain},
    {"format", str_method_format, kMethodPlain},
    {"format_map", str_method_format_map, kMethodPlain},
    {"index", str_method_index, kMethodPlain},
    {"isalnum", str_method_isalnum, kMethodPlain},
    {"isalpha", str_method_isalpha, kMethodPlain},
    {"isascii", str_method_isascii, kMethodPlain},
    {"isdecimal", str_method_isdecimal, kMethodPlain},
    {"isdigit", str_method_isdigit, kMethodPlain},
    {"isidentifier", str_method_isidentifier, kMethodPlain},
    {"islower", str_method_islower, kMethodPlain},
    {"isnumeric", str_method_isnumeric, kMethodPlain},
    {"isprintable", str_method_isprintable, kMethodPlain},
    {"isspace", str_method_isspace, kMethodPlain},
    {"istitle", str_method_istitle, kMethodPlain},
    {"isupper", str_method_isupper, kMethodPlain},
    {"join", str_method_join, kMethodPlain},
    {"ljust", str_method_ljust, kMethodPlain},
    {"lower", str_method_lower, kMethodPlain},
    {"lstrip", str_method_lstrip, kMethodPlain},
    {"maketrans", str_method_maketrans, kMethodStatic},
    {"partition", str_method_partition, kMethodPlain},
    {"removeprefix", str_method_removeprefix, kMethodPlain},
    {"removesuffix", str_method_removesuffix, kMethodPlain},
    {"replace", str_method_replace, kMethodPlain},
    {"rfind", str_method_rfind, kMethodPlain},
    {"rindex", str_method_rindex, kMethodPlain},
    {"rjust", str_method_rjust, kMethodPlain},
    {"rpartition", str_method_rpartition, kMethodPlain},
    {"rsplit", str_method_rsplit, kMethodPlain},
    {"rstrip", str_method_rstrip, kMethodPlain},
    {"split", str_method_split, kMethodPlain},
    {"splitlines", str_method_splitlines, kMethodPlain},
    {"startswith", str_method_startswith, kMethodPlain},
    {"strip", str_method_strip, kMethodPlain},
    {"swapcase", str_method_swapcase, kMethodPlain},
    {"title", str_method_title, kMethodPlain},
    {"translate", str_method_translate, kMethodPlain},
    {"upper", str_method_upper, kMethodPlain},
    {"zfill", str_method_zfill, kMethodPlain},
    {"__format__", str_method_dunder_format, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace molt
