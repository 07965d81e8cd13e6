// str.cc — the `str` type: construction from UTF-8, the cached UTF-8 form,
// concatenation, repetition, comparison, CPython-compatible hashing and repr.
#include "objects/str.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"
#include "core/unicode.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str_impl.h"
#include "objects/str_methods.h"

namespace molt {

namespace {

void str_dealloc(Object* o) {
  StrObject* s = reinterpret_cast<StrObject*>(o);
  if (s->utf8 != nullptr && !s->ascii) free(s->utf8);
  free_object(o);
}

/// Decodes one generalised-UTF-8 sequence at s[i..n). Returns the number of
/// bytes consumed (0 if invalid) and stores the code point.
size_t decode_one(const unsigned char* s, size_t i, size_t n, uint32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
    *cp = (static_cast<uint32_t>(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
    uint32_t v = (static_cast<uint32_t>(c & 0x0F) << 12) | (static_cast<uint32_t>(s[i + 1] & 0x3F) << 6) |
                 (s[i + 2] & 0x3F);
    if (v < 0x800) return 0;
    *cp = v;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4 && i + 3 < n && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80 &&
      (s[i + 3] & 0xC0) == 0x80) {
    uint32_t v = (static_cast<uint32_t>(c & 0x07) << 18) | (static_cast<uint32_t>(s[i + 1] & 0x3F) << 12) |
                 (static_cast<uint32_t>(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    if (v < 0x10000 || v > 0x10FFFF) return 0;
    *cp = v;
    return 4;
  }
  return 0;
}

size_t encode_one(uint32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

bool is_str(Value v) {
  return molt_is_ptr(v) && (as_object(v)->type->flags & kTypeIsStrSubclass) != 0;
}

Value str_new_raw(int64_t length, uint8_t kind, bool ascii) {
  size_t bytes = sizeof(StrObject) + static_cast<size_t>(length + 1) * kind;
  Object* o = alloc_object(&str_type, bytes);
  if (o == nullptr) return MOLT_ERROR;
  StrObject* s = reinterpret_cast<StrObject*>(o);
  s->length = length;
  s->hash = -1;
  s->kind = kind;
  s->ascii = ascii;
  s->utf8 = ascii ? static_cast<char*>(str_data(s)) : nullptr;
  s->utf8_length = ascii ? length : 0;
  write_unit(str_data(s), kind, length, 0);
  return from_object(o);
}

Value str_from_ascii(const char* text, size_t n) {
  Value v = str_new_raw(static_cast<int64_t>(n), 1, true);
  if (molt_is_error(v)) return v;
  memcpy(str_data(as_str(v)), text, n);
  return v;
}

Value str_from_cstr(const char* s) {
  return str_from_utf8(s, strlen(s));
}

Value str_from_utf8(const char* text, size_t n) {
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text);
  // First pass: validate, count code points, find the widest.
  int64_t length = 0;
  uint32_t max_cp = 0;
  for (size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      ++length;
      continue;
    }
    uint32_t cp;
    size_t used = decode_one(s, i, n, &cp);
    if (used == 0) return raise_message(&exc::SystemError, "str_from_utf8: invalid UTF-8 input");
    if (cp > max_cp) max_cp = cp;
    i += used;
    ++length;
  }
  if (max_cp == 0) return str_from_ascii(text, n);
  uint8_t kind = max_cp < 0x100 ? 1 : max_cp < 0x10000 ? 2 : 4;
  Value v = str_new_raw(length, kind, false);
  if (molt_is_error(v)) return v;
  void* data = str_data(as_str(v));
  int64_t k = 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp;
    size_t used = decode_one(s, i, n, &cp);
    write_unit(data, kind, k++, cp);
    i += used;
  }
  return v;
}

Value str_from_format(const char* fmt, ...) {
  char stack_buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(stack_buf, sizeof stack_buf, fmt, ap);
  va_end(ap);
  if (n < 0) return raise_message(&exc::SystemError, "str_from_format: bad format");
  if (static_cast<size_t>(n) < sizeof stack_buf) return str_from_utf8(stack_buf, static_cast<size_t>(n));
  char* heap_buf = static_cast<char*>(malloc(static_cast<size_t>(n) + 1));
  if (heap_buf == nullptr) return raise_no_memory();
  va_start(ap, fmt);
  vsnprintf(heap_buf, static_cast<size_t>(n) + 1, fmt, ap);
  va_end(ap);
  Value r = str_from_utf8(heap_buf, static_cast<size_t>(n));
  free(heap_buf);
  return r;
}

Value str_from_code_point(uint32_t cp) {
  uint8_t kind = cp < 0x100 ? 1 : cp < 0x10000 ? 2 : 4;
  Value v = str_new_raw(1, kind, cp < 0x80);
  if (molt_is_error(v)) return v;
  write_unit(str_data(as_str(v)), kind, 0, cp);
  return v;
}

uint32_t str_code_point(StrObject* s, int64_t i) {
  return read_unit(str_data(s), s->kind, i);
}

const char* str_utf8(Value v, size_t* len) {
  StrObject* s = as_str(v);
  if (s->utf8 == nullptr) {
    const void* data = str_data(s);
    size_t bytes = 0;
    for (int64_t i = 0; i < s->length; ++i) {
      uint32_t cp = read_unit(data, s->kind, i);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        raise_message(&exc::UnicodeEncodeError,
                      "'utf-8' codec can't encode character: surrogates not allowed");
        return nullptr;
      }
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    char* out = static_cast<char*>(malloc(bytes + 1));
    if (out == nullptr) {
      raise_no_memory();
      return nullptr;
    }
    size_t k = 0;
    for (int64_t i = 0; i < s->length; ++i) k += encode_one(read_unit(data, s->kind, i), out + k);
    out[k] = '\0';
    s->utf8 = out;
    s->utf8_length = static_cast<int64_t>(k);
  }
  *len = static_cast<size_t>(s->utf8_length);
  return s->utf8;
}

Value str_concat(Value a, Value b) {
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (y->length == 0 && is_str_exact(a)) return new_ref(a);
  if (x->length == 0 && is_str_exact(b)) return new_ref(b);
  uint8_t kind = x->kind > y->kind ? x->kind : y->kind;
  Value v = str_new_raw(x->length + y->length, kind, x->ascii && y->ascii);
  if (molt_is_error(v)) return v;
  void* data = str_data(as_str(v));
  if (x->kind == kind && y->kind == kind) {
    memcpy(data, str_data(x), static_cast<size_t>(x->length) * kind);
    memcpy(static_cast<char*>(data) + x->length * kind, str_data(y), static_cast<size_t>(y->length) * kind);
  } else {
    for (int64_t i = 0; i < x->length; ++i) write_unit(data, kind, i, read_unit(str_data(x), x->kind, i));
    for (int64_t i = 0; i < y->length; ++i)
      write_unit(data, kind, x->length + i, read_unit(str_data(y), y->kind, i));
  }
  return v;
}

Value str_repeat(Value v, int64_t n) {
  StrObject* s = as_str(v);
  if (n <= 0 || s->length == 0) return str_from_ascii("", 0);
  if (n == 1 && is_str_exact(v)) return new_ref(v);
  if (s->length > INT64_MAX / 8 / n) return raise(ErrorId::StrRepeatOverflow);
  int64_t total = s->length * n;
  Value r = str_new_raw(total, s->kind, s->ascii);
  if (molt_is_error(r)) return r;
  char* dst = static_cast<char*>(str_data(as_str(r)));
  size_t unit = static_cast<size_t>(s->length) * s->kind;
  memcpy(dst, str_data(s), unit);
  // Doubling copies: O(log n) memcpy calls.
  size_t done = unit, want = static_cast<size_t>(total) * s->kind;
  while (done < want) {
    size_t chunk = done < want - done ? done : want - done;
    memcpy(dst + done, dst, chunk);
    done += chunk;
  }
  return r;
}

bool str_equal(Value a, Value b) {
  if (a == b) return true;
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return memcmp(str_data(x), str_data(y), static_cast<size_t>(x->length) * x->kind) == 0;
}

int str_compare(Value a, Value b) {
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  int64_t n = x->length < y->length ? x->length : y->length;
  if (x->kind == 1 && y->kind == 1) {
    int c = memcmp(str_data(x), str_data(y), static_cast<size_t>(n));
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      uint32_t p = read_unit(str_data(x), x->kind, i), q = read_unit(str_data(y), y->kind, i);
      if (p != q) return p < q ? -1 : 1;
    }
  }
  return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

// --- hashing ----------------------------------------------------------------------

namespace {

inline uint64_t rotl(uint64_t x, int b) {
  return (x << b) | (x >> (64 - b));
}

inline void sip_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1;
  v1 = rotl(v1, 13);
  v1 ^= v0;
  v0 = rotl(v0, 32);
  v2 += v3;
  v3 = rotl(v3, 16);
  v3 ^= v2;
  v0 += v3;
  v3 = rotl(v3, 21);
  v3 ^= v0;
  v2 += v1;
  v1 = rotl(v1, 17);
  v1 ^= v2;
  v2 = rotl(v2, 32);
}

}  // namespace

/// SipHash-1-3 with a zero key — CPython's string/bytes hash with
/// PYTHONHASHSEED=0.
int64_t hash_bytes(const void* data, size_t n) {
  if (n == 0) return 0;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  uint64_t k0 = 0, k1 = 0;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
  uint64_t v3 = k1 ^ 0x7465646279746573ull;
  size_t blocks = n / 8;
  for (size_t i = 0; i < blocks; ++i) {
    uint64_t m;
    memcpy(&m, p + i * 8, 8);  // little-endian on every Molt target
    v3 ^= m;
    sip_round(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t b = static_cast<uint64_t>(n) << 56;
  const uint8_t* tail = p + blocks * 8;
  for (size_t i = 0; i < (n & 7); ++i) b |= static_cast<uint64_t>(tail[i]) << (8 * i);
  v3 ^= b;
  sip_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  int64_t h = static_cast<int64_t>(v0 ^ v1 ^ v2 ^ v3);
  return h == -1 ? -2 : h;
}

int64_t str_hash(Value v) {
  StrObject* s = as_str(v);
  if (s->hash == -1) s->hash = hash_bytes(str_data(s), static_cast<size_t>(s->length) * s->kind);
  return s->hash;
}

// --- repr ------------------------------------------------------------------------

Value str_repr(Value v) {
  StrObject* s = as_str(v);
  const void* data = str_data(s);
  int kind = s->kind;
  int64_t len = s->length;
  // First pass: the quote (single unless the text has ' and no ") and
  // whether anything needs escaping.
  bool has_single = false, has_double = false, plain = true;
  for (int64_t i = 0; i < len; ++i) {
    uint32_t cp = read_unit(data, kind, i);
    if (cp == '\'') has_single = true;
    if (cp == '"') has_double = true;
    if (cp < 0x20 || cp == 0x7F || cp == '\\' || (cp >= 0x80 && !unicode::is_printable(cp))) plain = false;
  }
  uint32_t quote = has_single && !has_double ? '"' : '\'';
  if (plain && !(has_single && has_double)) {
    // Nothing to escape: the text between quotes, in its own kind.
    Value r = str_new_raw(len + 2, s->kind, s->ascii);
    if (molt_is_error(r)) return r;
    char* d = static_cast<char*>(str_data(as_str(r)));
    write_unit(d, kind, 0, quote);
    memcpy(d + kind, data, static_cast<size_t>(len) * static_cast<size_t>(kind));
    write_unit(d, kind, len + 1, quote);
    return r;
  }
  StrWriter w;
  if (!w.reserve(len + 2, s->ascii ? 0x7F : kind == 1 ? 0xFF : kind == 2 ? 0xFFFF : 0x10FFFF))
    return MOLT_ERROR;
  if (!w.append(quote)) return MOLT_ERROR;
  static const char kHex[] = "0123456789abcdef";
  for (int64_t i = 0; i < len; ++i) {
    uint32_t cp = read_unit(data, kind, i);
    char buf[12];
    int n = 0;
    if (cp == quote || cp == '\\') {
      buf[n++] = '\\';
      buf[n++] = static_cast<char>(cp);
    } else if (cp == '\t') {
      buf[n++] = '\\';
      buf[n++] = 't';
    } else if (cp == '\n') {
      buf[n++] = '\\';
      buf[n++] = 'n';
    } else if (cp == '\r') {
      buf[n++] = '\\';
      buf[n++] = 'r';
    } else if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0x80 && unicode::is_printable(cp))) {
      if (!w.append(cp)) return MOLT_ERROR;
      continue;
    } else {
      // Control characters, \x7f and non-printable code points.
      buf[n++] = '\\';
      int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
      buf[n++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
      for (int k = digits - 1; k >= 0; --k) buf[n++] = kHex[(cp >> (4 * k)) & 15];
    }
    if (!w.append_ascii(buf, static_cast<size_t>(n))) return MOLT_ERROR;
  }
  if (!w.append(quote)) return MOLT_ERROR;
  return w.finish();
}

// --- StrBuilder --------------------------------------------------------------------

StrBuilder::~StrBuilder() {
  free(buf_);
}

bool StrBuilder::reserve(size_t extra) {
  if (len_ + extra <= cap_) return true;
  size_t cap = cap_ ? cap_ * 2 : 64;
  while (cap < len_ + extra) cap *= 2;
  char* p = static_cast<char*>(realloc(buf_, cap));
  if (p == nullptr) {
    raise_no_memory();
    return false;
  }
  buf_ = p;
  cap_ = cap;
  return true;
}

bool StrBuilder::append(const char* s, size_t n) {
  if (!reserve(n)) return false;
  if (n) memcpy(buf_ + len_, s, n);
  len_ += n;
  return true;
}

bool StrBuilder::append_cstr(const char* s) {
  return append(s, strlen(s));
}

bool StrBuilder::append_str(Value s) {
  size_t n = 0;
  const char* text = str_utf8(s, &n);
  return text != nullptr && append(text, n);
}

Value StrBuilder::finish() {
  Value v = str_from_utf8(buf_ ? buf_ : "", len_);
  len_ = 0;
  return v;
}

// --- type object --------------------------------------------------------------------

namespace {

Value str_str(Value v) {
  return new_ref(v);
}
int64_t str_hash_slot(Value v) {
  return str_hash(v);
}
int64_t str_len_slot(Value v) {
  return str_length(v);
}

Value str_richcompare(Value a, Value b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return not_implemented();
  if (op == CompareOp::Eq) return molt_from_bool(str_equal(a, b));
  if (op == CompareOp::Ne) return molt_from_bool(!str_equal(a, b));
  int c = str_compare(a, b);
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
    case CompareOp::Eq:
    case CompareOp::Ne: break;
  }
  return molt_from_bool(r);
}

Value str_concat_slot(Value a, Value b) {
  if (!is_str(b)) return raise(ErrorId::StrConcatNonStr, type_of(b)->name);
  return str_concat(a, b);
}

/// str(object='') — the encoding/errors forms need bytes (not yet).
Value str_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  if (nargs + nkw > 3) return raise(ErrorId::TakesAtMostArgs, "str", 3, "s", nargs + nkw);
  Value object = nargs >= 1 ? args[0] : MOLT_UNBOUND;
  for (size_t k = 0; k < nkw; ++k) {
    if (keyword_is(kwnames, k, "object") && object == MOLT_UNBOUND) {
      object = args[nargs + k];
    } else if (keyword_is(kwnames, k, "encoding") || keyword_is(kwnames, k, "errors")) {
      return raise_message(&exc::NotImplementedError, "str(bytes, encoding) is not supported by Molt yet");
    } else {
      const char* name = keyword_name(kwnames, k);
      return raise(ErrorId::InvalidKeywordFor, name ? name : "?", "str");
    }
  }
  if (nargs > 1)
    return raise_message(&exc::NotImplementedError, "str(bytes, encoding) is not supported by Molt yet");
  if (object == MOLT_UNBOUND) return str_from_ascii("", 0);
  return object_str(object);
}

const SequenceMethods kStrSequence = {
    .length = str_len_slot,
    .concat = str_concat_slot,
    .repeat = str_repeat,
    .item = str_item,
    .contains = str_contains,
};

const MappingMethods kStrMapping = {
    .length = str_len_slot,
    .subscript = str_getitem,
};

/// str.__mod__: printf-style formatting when the left operand is a str.
Value str_mod_slot(Value a, Value b) {
  if (!is_str(a)) return not_implemented();
  return str_mod(a, b);
}

const NumberMethods kStrNumber = {
    .remainder = str_mod_slot,
};

}  // namespace

Type str_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "str",
    .base = &object_type,
    .flags = kTypeIsStrSubclass | kTypeAcceptsSubclasses,
    .basic_size = sizeof(StrObject),
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .as_number = &kStrNumber,
    .as_sequence = &kStrSequence,
    .as_mapping = &kStrMapping,
    .call = nullptr,
    .iter = str_iter,
    .iternext = nullptr,
    .construct = str_construct,
    .methods = kStrMethods,
};

}  // namespace molt
