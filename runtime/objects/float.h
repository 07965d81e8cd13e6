// float.h — Python `float`: an IEEE-754 double stored inline in the value.
//
// Floats never live on the heap: a double is its own NaN-boxed value. The
// functions here implement CPython 3.12's float semantics (floor division
// and modulo sign rules, pow's special cases, exact comparisons with ints,
// shortest round-trip repr).
#pragma once

#include <stddef.h>

#include "core/object.h"

namespace molt {

extern Type float_type;

inline bool is_float_exact(Value v) { return molt_is_double(v); }

/// repr(x) exactly as CPython prints it ("0.1", "1e+16", "inf", "-0.0").
/// Writes at most 32 bytes into buf and returns the length.
size_t format_float_repr(double x, char* buf);
Value float_repr(Value v);
/// hash(x) as CPython's _Py_HashDouble for finite and infinite values.
int64_t float_hash_double(double x);

/// float(s) for a str's UTF-8 text: surrounding whitespace, sign,
/// underscores between digits, inf/infinity/nan in any case. On a bad string
/// raises ValueError "could not convert string to float: <repr>" using
/// `original` (the str) for the repr.
Value float_from_string(const char* s, size_t n, Value original);

/// Converts an int-like or float value to a double for mixed arithmetic.
/// Returns false with OverflowError set if an int is too large.
bool float_coerce(Value v, double* out);

/// float operations with CPython's exceptions (ZeroDivisionError messages,
/// OverflowError on pow overflow).
Value float_floordiv(double a, double b);
Value float_mod(double a, double b);
Value float_divmod(double a, double b);
Value float_pow(double a, double b);

}  // namespace molt
