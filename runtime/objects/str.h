// str.h — Python `str`: immutable Unicode text.
//
// Representation follows CPython's PEP 393 compact strings: code points are
// stored in 1, 2 or 4 bytes each (the smallest width that holds the largest
// code point), which gives O(1) len() and indexing and lets hash() run over
// the same bytes CPython hashes, so set/dict orders match CPython's. The
// UTF-8 form is computed on demand and cached (for ASCII strings it is the
// data itself).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type str_type;

struct StrObject {
  Object ob;
  int64_t length;  ///< number of code points
  int64_t hash;    ///< cached hash, -1 until computed
  uint8_t kind;    ///< bytes per code point: 1, 2 or 4
  bool ascii;      ///< every code point < 128
  char* utf8;      ///< cached UTF-8 (null until needed; points at data if ascii)
  int64_t utf8_length;
  // followed by `length + 1` code units of `kind` bytes (NUL-terminated)
};

inline StrObject* as_str(Value v) {
  return reinterpret_cast<StrObject*>(as_object(v));
}
inline void* str_data(StrObject* s) {
  return reinterpret_cast<char*>(s) + sizeof(StrObject);
}
/// True for str and its subclasses.
bool is_str(Value v);
inline bool is_str_exact(Value v) {
  return molt_is_ptr(v) && as_object(v)->type == &str_type;
}

/// Decodes UTF-8 (generalised: lone surrogates encoded as 3-byte sequences
/// are accepted). Invalid input is a SystemError (callers validate first).
Value str_from_utf8(const char* s, size_t n);
/// Precondition: every byte < 128.
Value str_from_ascii(const char* s, size_t n);
Value str_from_cstr(const char* s);
/// printf-style formatting into a new str (UTF-8 result).
Value str_from_format(const char* fmt, ...);
/// A str of one code point.
Value str_from_code_point(uint32_t cp);
/// Allocates a str of `length` code points of width `kind`, contents
/// uninitialised except the terminator; caller fills str_data().
Value str_new_raw(int64_t length, uint8_t kind, bool ascii);

/// UTF-8 text of a str (cached, owned by the str). Returns null with an
/// exception set if the string holds lone surrogates (UnicodeEncodeError).
const char* str_utf8(Value s, size_t* len);
inline int64_t str_length(Value s) {
  return as_str(s)->length;
}
/// Code point at index i (0 <= i < length).
uint32_t str_code_point(StrObject* s, int64_t i);

Value str_concat(Value a, Value b);
Value str_repeat(Value s, int64_t n);
/// repr(s) with CPython's quote choice and escapes.
Value str_repr(Value s);
bool str_equal(Value a, Value b);
/// -1, 0, 1 by code point order.
int str_compare(Value a, Value b);
/// hash(s) as CPython with PYTHONHASHSEED=0 (SipHash-1-3, key 0, over the
/// PEP 393 data; cached).
int64_t str_hash(Value s);

/// SipHash-1-3 with a zero key over raw bytes: CPython's str/bytes hash
/// with PYTHONHASHSEED=0 (0 for empty input, never -1).
int64_t hash_bytes(const void* data, size_t n);

// --- operations and methods (str_*.cc) -------------------------------------------------
// Arguments are strs unless stated; results are new references or
// MOLT_ERROR with CPython's exception.

/// s[i] (negative i counts from the end); IndexError "string index out of range".
Value str_item(Value s, int64_t i);
/// s[start:stop:step] with unadjusted slice bounds (as slice_unpack gives).
Value str_slice(Value s, int64_t start, int64_t stop, int64_t step);
/// s[key] for an index-like or slice key (the mapping subscript slot).
Value str_getitem(Value s, Value key);
/// `item in s`: 1/0, or -1 with TypeError "'in <string>' requires string as
/// left operand, not int".
int str_contains(Value s, Value item);
/// iter(s): a str_ascii_iterator or str_iterator.
Value str_iter(Value s);
extern Type str_iterator_type;
extern Type str_ascii_iterator_type;

/// s.lower(), s.upper() (full Unicode mappings).
Value str_lower(Value s);
Value str_upper(Value s);
/// s.split(sep, maxsplit) / s.rsplit(...) when reverse; sep None splits on
/// whitespace; maxsplit < 0 means no limit. sep must not be empty.
Value str_split(Value s, Value sep, int64_t maxsplit, bool reverse);
/// s.splitlines(keepends).
Value str_splitlines(Value s, bool keepends);
/// sep.join(iterable): TypeErrors for non-str items and non-iterables.
Value str_join(Value sep, Value iterable);
/// s.replace(old, new, count); count < 0 replaces all.
Value str_replace(Value s, Value old, Value repl, int64_t count);
/// s.isidentifier().
bool str_is_identifier(Value s);
/// s % args (printf-style formatting).
Value str_mod(Value format, Value args);
/// ascii(s) for a str: repr(s) with every non-ASCII code point escaped.
Value str_ascii_repr(Value s);
/// s with each non-ASCII code point written as \xNN, \uNNNN or \UNNNNNNNN.
Value str_escape_non_ascii(Value s);
/// ascii(v): repr(v) with non-ASCII escaped (also '%a' and '!a').
Value object_ascii(Value v);
/// s.format(*args, **kwargs) with vectorcall arguments.
Value str_format(Value s, const Value* args, size_t nargs, Value kwnames);
/// s.translate(table).
Value str_translate(Value s, Value table);
/// str.maketrans(x[, y[, z]]); absent arguments are MOLT_UNBOUND.
Value str_maketrans(Value x, Value y, Value z);

/// The builtins chr(i), ord(c) and ascii(obj): vectorcall entries with
/// CPython's argument errors, and their immortal function objects.
Value builtin_chr(const Value* args, size_t nargs, Value kwnames);
Value builtin_ord(const Value* args, size_t nargs, Value kwnames);
Value builtin_ascii(const Value* args, size_t nargs, Value kwnames);
struct BuiltinFunctionObject;
extern BuiltinFunctionObject g_builtin_chr;
extern BuiltinFunctionObject g_builtin_ord;
extern BuiltinFunctionObject g_builtin_ascii;

/// Builds str values incrementally from UTF-8 pieces.
class StrBuilder {
 public:
  StrBuilder() = default;
  StrBuilder(const StrBuilder&) = delete;
  StrBuilder& operator=(const StrBuilder&) = delete;
  ~StrBuilder();
  /// Appends UTF-8 bytes. Returns false on allocation failure (MemoryError set).
  bool append(const char* s, size_t n);
  bool append_cstr(const char* s);
  bool append_char(char c) { return append(&c, 1); }
  /// Appends str(v)'s UTF-8.
  bool append_str(Value s);
  /// Produces the str (owned) and resets the builder.
  Value finish();
  const char* data() const { return buf_; }
  size_t size() const { return len_; }

 private:
  bool reserve(size_t extra);
  char* buf_ = nullptr;
  size_t len_ = 0;
  size_t cap_ = 0;
};

}  // namespace molt
