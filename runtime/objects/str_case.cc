// str_case.cc — str case mapping (upper/lower/capitalize/title/swapcase/
// casefold with full Unicode mappings, special casing and the final-sigma
// rule) and the is*() predicates, with ASCII fast paths.
#include <string.h>

#include "core/errors.h"
#include "core/unicode.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

namespace {

using namespace unicode;

/// CPython's final-sigma rule for U+03A3 at index i of a string being
/// lowercased: a final sigma follows a cased letter (skipping
/// case-ignorable characters) and is not followed by one.
uint32_t lower_sigma(const void* d, int kind, int64_t len, int64_t i) {
  int64_t j = i - 1;
  uint32_t c = 0;
  while (j >= 0) {
    c = read_unit(d, kind, j);
    if (!is_case_ignorable(c)) break;
    --j;
  }
  bool final_sigma = j >= 0 && is_cased(c);
  if (final_sigma) {
    j = i + 1;
    while (j < len) {
      c = read_unit(d, kind, j);
      if (!is_case_ignorable(c)) break;
      ++j;
    }
    final_sigma = j == len || !is_cased(c);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

/// lower() of the code point at index i, with context.
inline int lower_at(const void* d, int kind, int64_t len, int64_t i, uint32_t c, uint32_t out[3]) {
  if (c == 0x3A3) {
    out[0] = lower_sigma(d, kind, len, i);
    return 1;
  }
  return to_lower_full(c, out);
}

enum class CaseOp { Lower, Upper, Capitalize, Title, Swapcase, Casefold };

/// The ASCII-only fast path: a byte-to-byte map.
Value ascii_case(Value self, CaseOp op) {
  StrObject* s = as_str(self);
  int64_t n = s->length;
  Value r = str_new_raw(n, 1, true);
  if (molt_is_error(r)) return r;
  const uint8_t* src = static_cast<const uint8_t*>(str_data(s));
  uint8_t* dst = static_cast<uint8_t*>(str_data(as_str(r)));
  auto lower = [](uint8_t c) -> uint8_t { return c >= 'A' && c <= 'Z' ? c + 32 : c; };
  auto upper = [](uint8_t c) -> uint8_t { return c >= 'a' && c <= 'z' ? c - 32 : c; };
  auto cased = [](uint8_t c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; };
  switch (op) {
    case CaseOp::Lower:
    case CaseOp::Casefold:
      for (int64_t i = 0; i < n; ++i) dst[i] = lower(src[i]);
      break;
    case CaseOp::Upper:
      for (int64_t i = 0; i < n; ++i) dst[i] = upper(src[i]);
      break;
    case CaseOp::Capitalize:
      for (int64_t i = 0; i < n; ++i) dst[i] = i == 0 ? upper(src[i]) : lower(src[i]);
      break;
    case CaseOp::Title: {
      bool prev = false;
      for (int64_t i = 0; i < n; ++i) {
        dst[i] = prev ? lower(src[i]) : upper(src[i]);
        prev = cased(src[i]);
      }
      break;
    }
    case CaseOp::Swapcase:
      for (int64_t i = 0; i < n; ++i) {
        uint8_t c = src[i];
        dst[i] = c >= 'A' && c <= 'Z' ? c + 32 : c >= 'a' && c <= 'z' ? c - 32 : c;
      }
      break;
  }
  return r;
}

Value case_map(Value self, CaseOp op) {
  StrObject* s = as_str(self);
  if (s->ascii) return ascii_case(self, op);
  const void* d = str_data(s);
  int kind = s->kind;
  int64_t len = s->length;
  StrWriter w;
  if (!w.reserve(len, kind == 1 ? 0xFF : kind == 2 ? 0xFFFF : 0x10FFFF)) return MOLT_ERROR;
  uint32_t buf[3];
  bool prev_cased = false;
  for (int64_t i = 0; i < len; ++i) {
    uint32_t c = read_unit(d, kind, i);
    int n = 0;
    switch (op) {
      case CaseOp::Lower: n = lower_at(d, kind, len, i, c, buf); break;
      case CaseOp::Upper: n = to_upper_full(c, buf); break;
      case CaseOp::Casefold: n = to_fold_full(c, buf); break;
      case CaseOp::Capitalize: n = i == 0 ? to_title_full(c, buf) : lower_at(d, kind, len, i, c, buf); break;
      case CaseOp::Title:
        n = prev_cased ? lower_at(d, kind, len, i, c, buf) : to_title_full(c, buf);
        prev_cased = is_cased(c);
        break;
      case CaseOp::Swapcase:
        if (is_upper(c)) {
          n = lower_at(d, kind, len, i, c, buf);
        } else if (is_lower(c)) {
          n = to_upper_full(c, buf);
        } else {
          buf[0] = c;
          n = 1;
        }
        break;
    }
    for (int k = 0; k < n; ++k) {
      if (!w.append(buf[k])) return MOLT_ERROR;
    }
  }
  return w.finish();
}

bool no_args(const char* name, size_t nargs, Value kwnames) {
  ArgSpec spec = {name, ArgStyle::NoArgs, 0, 0, {}};
  return unpack_args(spec, nullptr, nargs, kwnames, nullptr);
}

}  // namespace

Value str_lower(Value s) {
  return case_map(s, CaseOp::Lower);
}
Value str_upper(Value s) {
  return case_map(s, CaseOp::Upper);
}

#define MOLT_CASE_METHOD(name, op)                                                      \
  Value str_method_##name(Value self, const Value* args, size_t nargs, Value kwnames) { \
    if (!no_args(#name, nargs, kwnames)) return MOLT_ERROR;                             \
    return case_map(self, CaseOp::op);                                                  \
  }
MOLT_CASE_METHOD(lower, Lower)
MOLT_CASE_METHOD(upper, Upper)
MOLT_CASE_METHOD(capitalize, Capitalize)
MOLT_CASE_METHOD(title, Title)
MOLT_CASE_METHOD(swapcase, Swapcase)
MOLT_CASE_METHOD(casefold, Casefold)
#undef MOLT_CASE_METHOD

// --- predicates ----------------------------------------------------------------------------

namespace {

/// True if every code point has one of `mask`'s flags (false when empty).
bool all_have(Value self, uint32_t mask) {
  StrObject* s = as_str(self);
  if (s->length == 0) return false;
  const void* d = str_data(s);
  for (int64_t i = 0; i < s->length; ++i) {
    if ((flags(read_unit(d, s->kind, i)) & mask) == 0) return false;
  }
  return true;
}

/// The ASCII character classes used by the fast paths.
bool ascii_all(Value self, bool (*pred)(uint8_t)) {
  StrObject* s = as_str(self);
  if (s->length == 0) return false;
  const uint8_t* d = static_cast<const uint8_t*>(str_data(s));
  for (int64_t i = 0; i < s->length; ++i) {
    if (!pred(d[i])) return false;
  }
  return true;
}

bool ascii_alpha(uint8_t c) {
  return (c | 32) >= 'a' && (c | 32) <= 'z';
}
bool ascii_digit(uint8_t c) {
  return c >= '0' && c <= '9';
}
bool ascii_alnum(uint8_t c) {
  return ascii_alpha(c) || ascii_digit(c);
}
bool ascii_space(uint8_t c) {
  return is_space(c);
}

Value predicate(const char* name, Value self, size_t nargs, Value kwnames, uint32_t mask,
                bool (*ascii_pred)(uint8_t)) {
  if (!no_args(name, nargs, kwnames)) return MOLT_ERROR;
  if (as_str(self)->ascii && ascii_pred != nullptr) return molt_from_bool(ascii_all(self, ascii_pred));
  return molt_from_bool(all_have(self, mask));
}

}  // namespace

Value str_method_isalpha(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isalpha", self, nargs, kwnames, kAlpha, ascii_alpha);
}
Value str_method_isdecimal(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isdecimal", self, nargs, kwnames, kDecimal, ascii_digit);
}
Value str_method_isdigit(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isdigit", self, nargs, kwnames, kDigit, ascii_digit);
}
Value str_method_isnumeric(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isnumeric", self, nargs, kwnames, kNumeric, ascii_digit);
}
Value str_method_isalnum(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isalnum", self, nargs, kwnames, kAlpha | kDecimal | kDigit | kNumeric, ascii_alnum);
}
Value str_method_isspace(Value self, const Value*, size_t nargs, Value kwnames) {
  return predicate("isspace", self, nargs, kwnames, kSpace, ascii_space);
}

Value str_method_isascii(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("isascii", nargs, kwnames)) return MOLT_ERROR;
  return molt_from_bool(as_str(self)->ascii);
}

Value str_method_isprintable(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("isprintable", nargs, kwnames)) return MOLT_ERROR;
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  for (int64_t i = 0; i < s->length; ++i) {
    if (!is_printable(read_unit(d, s->kind, i))) return MOLT_FALSE;
  }
  return MOLT_TRUE;
}

Value str_method_isidentifier(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("isidentifier", nargs, kwnames)) return MOLT_ERROR;
  return molt_from_bool(str_is_identifier(self));
}

bool str_is_identifier(Value self) {
  StrObject* s = as_str(self);
  if (s->length == 0) return false;
  const void* d = str_data(s);
  uint32_t c = read_unit(d, s->kind, 0);
  if (c != '_' && !is_xid_start(c)) return false;
  for (int64_t i = 1; i < s->length; ++i) {
    if (!is_xid_continue(read_unit(d, s->kind, i))) return false;
  }
  return true;
}

Value str_method_islower(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("islower", nargs, kwnames)) return MOLT_ERROR;
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  bool cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t f = flags(read_unit(d, s->kind, i));
    if (f & (kUpper | kTitle)) return MOLT_FALSE;
    if (f & kLower) cased = true;
  }
  return molt_from_bool(cased);
}

Value str_method_isupper(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("isupper", nargs, kwnames)) return MOLT_ERROR;
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  bool cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t f = flags(read_unit(d, s->kind, i));
    if (f & (kLower | kTitle)) return MOLT_FALSE;
    if (f & kUpper) cased = true;
  }
  return molt_from_bool(cased);
}

Value str_method_istitle(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!no_args("istitle", nargs, kwnames)) return MOLT_ERROR;
  StrObject* s = as_str(self);
  const void* d = str_data(s);
  bool cased = false, prev_cased = false;
  for (int64_t i = 0; i < s->length; ++i) {
    uint32_t f = flags(read_unit(d, s->kind, i));
    if (f & (kUpper | kTitle)) {
      if (prev_cased) return MOLT_FALSE;
      prev_cased = cased = true;
    } else if (f & kLower) {
      if (!prev_cased) return MOLT_FALSE;
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return molt_from_bool(cased);
}

}  // namespace molt
