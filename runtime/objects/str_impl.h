// str_impl.h — internals shared by the str implementation files (str.cc,
// str_search.cc, str_methods*.cc, str_format.cc, str_mod.cc, core/format.cc):
// code unit access, canonical construction from code units, the kind-growing
// StrWriter, argument helpers and the method implementations' declarations.
//
// Canonical form (as CPython's PEP 393): a str's kind is the smallest that
// holds its largest code point, and `ascii` is set iff every code point is
// below 128. str_equal relies on it, so every constructor here narrows.
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "objects/str.h"

namespace molt {

// --- code units ---------------------------------------------------------------------

inline uint32_t read_unit(const void* data, int kind, int64_t i) {
  switch (kind) {
    case 1: return static_cast<const uint8_t*>(data)[i];
    case 2: return static_cast<const uint16_t*>(data)[i];
    default: return static_cast<const uint32_t*>(data)[i];
  }
}

inline void write_unit(void* data, int kind, int64_t i, uint32_t cp) {
  switch (kind) {
    case 1: static_cast<uint8_t*>(data)[i] = static_cast<uint8_t>(cp); break;
    case 2: static_cast<uint16_t*>(data)[i] = static_cast<uint16_t>(cp); break;
    default: static_cast<uint32_t*>(data)[i] = cp; break;
  }
}

/// memcpy for the short pieces split/join move around: sizes below 16 are
/// copied with two overlapping loads and stores inline (no call), larger
/// ones by memcpy. Reads and writes stay within [0, n).
inline void copy_bytes(char* dst, const char* src, size_t n) {
  if (n >= 16) {
    memcpy(dst, src, n);
  } else if (n >= 8) {
    uint64_t a, b;
    memcpy(&a, src, 8);
    memcpy(&b, src + n - 8, 8);
    memcpy(dst, &a, 8);
    memcpy(dst + n - 8, &b, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, src, 4);
    memcpy(&b, src + n - 4, 4);
    memcpy(dst, &a, 4);
    memcpy(dst + n - 4, &b, 4);
  } else if (n > 0) {
    char a = src[0], b = src[n / 2], c = src[n - 1];
    dst[0] = a;
    dst[n / 2] = b;
    dst[n - 1] = c;
  }
}

/// The smallest kind holding `maxchar`.
inline int kind_for(uint32_t maxchar) {
  return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

/// An upper bound of the code points in data[0..n) that has the same kind
/// and ascii-ness as the exact maximum (the OR of all units).
uint32_t max_char_bound(const void* data, int kind, int64_t n);

/// Copies n units from src (kind skind) to dst (kind dkind >= needed).
void convert_units(void* dst, int dkind, const void* src, int skind, int64_t n);

/// A canonical str of the n code units at data (kind `kind`).
Value str_from_units(const void* data, int kind, int64_t n);
/// s[start:stop] (0 <= start <= stop <= len); returns s itself (new
/// reference) when it is the whole of an exact str.
Value str_substring(Value s, int64_t start, int64_t stop);
/// Makes a freshly built str `r` (owned, not yet shared; may be
/// MOLT_ERROR) canonical: sets `ascii` or re-creates it in a narrower kind.
/// Returns the result (owned).
Value str_narrow(Value r);
/// The empty str (a new reference to a shared immortal object).
Value str_empty();
/// A one-character str; Latin-1 characters come from a shared cache.
Value str_char(uint32_t cp);

inline const void* str_data_const(Value s) {
  return str_data(as_str(s));
}
inline int str_kind(Value s) {
  return as_str(s)->kind;
}

/// Builds a str code point by code point, widening its buffer from 1 to 2
/// to 4 bytes per code point as needed (CPython's _PyUnicodeWriter).
class StrWriter {
 public:
  StrWriter() = default;
  StrWriter(const StrWriter&) = delete;
  StrWriter& operator=(const StrWriter&) = delete;
  ~StrWriter();

  /// Makes room for `n` more code points no larger than `maxchar`. All
  /// append functions return false with MemoryError set on failure.
  bool reserve(int64_t n, uint32_t maxchar);
  bool append(uint32_t cp) {
    if (cp > maxchar_ || len_ == cap_) return append_slow(cp);
    write_unit(buf_, kind_, len_++, cp);
    return true;
  }
  /// Appends n units of data (kind `kind`, largest code point <= maxchar).
  bool append_units(const void* data, int kind, int64_t n, uint32_t maxchar);
  /// Appends s[start:stop].
  bool append_substr(Value s, int64_t start, int64_t stop);
  bool append_str(Value s) { return append_substr(s, 0, str_length(s)); }
  /// Appends ASCII bytes.
  bool append_ascii(const char* s, size_t n);
  /// Appends UTF-8 bytes (assumed valid).
  bool append_utf8(const char* s, size_t n);
  /// Appends `count` copies of cp.
  bool fill(uint32_t cp, int64_t count);
  int64_t length() const { return len_; }
  /// The code point at position i (< length()).
  uint32_t at(int64_t i) const { return read_unit(buf_, kind_, i); }
  /// Produces the canonical str and resets the writer.
  Value finish();

 private:
  bool append_slow(uint32_t cp);
  bool grow(int64_t need, uint32_t maxchar);
  char* buf_ = nullptr;
  int kind_ = 1;
  uint32_t maxchar_ = 0x7F;  ///< largest code point storable without widening
  int64_t len_ = 0;
  int64_t cap_ = 0;
};

// --- search (str_search.cc) ------------------------------------------------------------

/// Index of the first occurrence of needle (nlen units, kind nkind) in
/// hay[start:end] (kind hkind), or -1. Kinds may differ.
int64_t str_find_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                       int64_t nlen);
/// Index of the last occurrence, or -1.
int64_t str_rfind_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                        int64_t nlen);
/// Number of non-overlapping occurrences (at most maxcount).
int64_t str_count_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                        int64_t nlen, int64_t maxcount);
/// First index of code point ch in data[start:end], or -1.
int64_t str_find_char(const void* data, int kind, int64_t start, int64_t end, uint32_t ch);
int64_t str_rfind_char(const void* data, int kind, int64_t start, int64_t end, uint32_t ch);

/// The search without SIMD (what wasm32 runs), for tests: first (or last,
/// when reverse) match of needle[0..m) in hay[0..n), or -1.
int64_t str_search_portable(const void* hay, int hkind, int64_t n, const void* needle, int nkind, int64_t m,
                            bool reverse);
/// find/rfind of str `sub` in str `s` within [start, end] (already clamped);
/// CPython's empty-needle rules included.
int64_t str_find_sub(Value s, Value sub, int64_t start, int64_t end, bool reverse);

}  // namespace molt
