// format.h — the format-spec mini-language (format(value, spec),
// __format__, str.format's ':spec' part) for int, bool, float and str, and
// the float-to-text conversions shared with %-formatting.
//
// Semantics and messages are CPython 3.12's (Python/formatter_unicode.c and
// Python/pystrtod.c): fill, align (< > ^ =), sign (+ - space), 'z', '#',
// '0', width, grouping (',' '_'), precision, and the types
// b c d o x X n e E f F g G % s and none. Floats are converted with
// correctly rounded decimal digits (std::to_chars, exact on every target).
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

/// A parsed format spec.
struct FormatSpec {
  uint32_t fill = ' ';
  uint32_t align = 0;        ///< '<' '>' '^' '=' (default filled in by the parser)
  uint32_t sign = 0;         ///< '+' '-' ' ' or 0
  bool no_neg_zero = false;  ///< 'z'
  bool alternate = false;    ///< '#'
  int64_t width = -1;
  uint32_t grouping = 0;  ///< ',' or '_' (0 none); '_' becomes 4-digit groups for b/o/x/X
  int group_size = 0;     ///< 3 or 4 when grouping
  int64_t precision = -1;
  uint32_t type = 0;  ///< presentation type, or the default
};

/// Parses spec[0..len) (code points) as CPython's
/// parse_internal_render_format_spec with the given defaults; `type_name`
/// is used in "Invalid format specifier" messages. False with ValueError.
bool parse_format_spec(Value spec, const char* type_name, uint32_t default_type, uint32_t default_align,
                       FormatSpec* out);

/// format(v, spec) for a str spec: dispatches to int/bool/float/str
/// formatting, object.__format__ semantics otherwise ("unsupported format
/// string passed to NoneType.__format__" for a non-empty spec).
Value format_value(Value v, Value spec);
/// Builtin format(value, format_spec='', /) and its function object.
Value builtin_format(const Value* args, size_t nargs, Value kwnames);
struct BuiltinFunctionObject;
extern BuiltinFunctionObject g_builtin_format;

/// The `__format__` method of int, bool and float, for their MethodDef
/// tables: format(self, spec) with CPython's argument errors
/// ("int.__format__() takes exactly one argument (0 given)",
/// "__format__() argument must be str, not int").
Value format_dunder_method(Value self, const Value* args, size_t nargs, Value kwnames);

/// int.__format__ / float.__format__ / str.__format__ (v of that type, or
/// a bool for the int one), spec a str.
Value format_int(Value v, Value spec);
Value format_float(double x, Value spec);
Value format_str(Value s, Value spec);

// --- float to text (PyOS_double_to_string) -----------------------------------------------

enum FloatFormatFlags : unsigned {
  kFloatAlt = 1u,        ///< '#': keep the decimal point and trailing zeros
  kFloatAddDot0 = 2u,    ///< repr-style: integers get ".0"; 'g' switches to exponent one digit early
  kFloatSign = 4u,       ///< always write a sign
  kFloatNoNegZero = 8u,  ///< 'z': a value that rounds to zero loses its '-'
};

/// A growable byte buffer for the ASCII produced by double_to_string.
struct CharBuf {
  char* data = nullptr;
  size_t len = 0;
  size_t cap = 0;
  char inline_buf[64];
  CharBuf() : data(inline_buf), cap(sizeof inline_buf) {}
  CharBuf(const CharBuf&) = delete;
  CharBuf& operator=(const CharBuf&) = delete;
  ~CharBuf();
  /// Ensures room for `n` more bytes; false with MemoryError set.
  bool reserve(size_t n);
  bool append(const char* s, size_t n);
  bool push(char c) { return append(&c, 1); }
};

/// CPython's PyOS_double_to_string: x formatted with `code` in
/// e E f F g G r ('r' is repr: precision must be 0) and `precision`
/// digits, into out (appended). Infinities and NaNs give inf/nan (INF/NAN
/// for upper-case codes; a NaN never has a '-'). False on MemoryError.
bool double_to_string(double x, char code, int precision, unsigned flags, CharBuf* out);

/// Lays out a number's text (already converted to ASCII digits, with an
/// optional leading '-') with sign, '#' prefix, grouping, padding and
/// alignment per CPython's calc_number_widths/fill_number, and appends the
/// result to `w` (a StrWriter, opaque here). `prefix_len` leading
/// characters after the sign are the 0x/0o/0b prefix; `upper` upper-cases
/// digits and prefix ('X'). False on MemoryError.
class StrWriter;
bool layout_number(StrWriter& w, const char* text, size_t len, size_t prefix_len, bool upper,
                   const FormatSpec& spec);

}  // namespace molt
