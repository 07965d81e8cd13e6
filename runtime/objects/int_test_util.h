// int_test_util.h — helpers shared by the int and bool unit tests: turning
// values, results and pending exceptions into comparable text, and checking
// the inline/heap normalisation invariant of int.h.
#pragma once

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <string>

#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/bool.h"
#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt::testing {

/// The UTF-8 text of a str value (borrowed).
inline std::string str_text(Value s) {
  size_t n;
  const char* u = str_utf8(s, &n);
  return u ? std::string(u, n) : std::string("<bad utf8>");
}

/// Python's float.hex() of x ("0x1.8000000000000p+1", "-0x0.0p+0", "inf").
inline std::string float_hex(double x) {
  if (isnan(x)) return "nan";
  if (isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string sign = signbit(x) ? "-" : "";
  if (x == 0) return sign + "0x0.0p+0";
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t mant = bits & ((uint64_t{1} << 52) - 1);
  int lead = biased == 0 ? 0 : 1;
  int exp = biased == 0 ? -1022 : biased - 1023;
  char buf[64];
  snprintf(buf, sizeof buf, "%s0x%d.%013llxp%+d", sign.c_str(), lead, static_cast<unsigned long long>(mant),
           exp);
  return buf;
}

/// Takes the pending exception and describes it as "E:<Type>:<message>".
inline std::string take_error() {
  Value e = fetch_error();
  if (e == MOLT_NONE) return "E:<no exception set>";
  std::string out = std::string("E:") + type_of(e)->name + ":";
  // The preallocated MemoryError has no args tuple: its message is empty.
  Value s = is_tuple(as_exception(e)->args) ? exception_str(e) : MOLT_ERROR;
  if (!molt_is_error(s)) {
    out += str_text(s);
    decref(s);
  }
  decref(e);
  return out;
}

/// Checks int.h's invariant: a heap int of type int is never in the inline
/// range and has a nonzero top digit.
inline bool normalized(Value v) {
  if (!molt_is_ptr(v) || as_object(v)->type != &int_type) return true;
  const IntObject* o = as_int_object(v);
  size_t n = o->size < 0 ? -static_cast<int64_t>(o->size) : o->size;
  if (n == 0 || o->digits[n - 1] == 0) return false;
  int64_t i;
  return !int_to_i64(v, &i) || !molt_fits_small_int(i);
}

/// Text of a result, taking ownership of it: ints as hex(), floats as
/// "f:<hex>", bools, "t:<q>,<r>" tuples, "s:<text>" strs, errors.
inline std::string describe(Value v) {
  if (molt_is_error(v)) return take_error();
  std::string out;
  if (is_not_implemented(v)) {
    out = "NotImplemented";
  } else if (molt_is_bool(v)) {
    out = molt_as_bool(v) ? "True" : "False";
  } else if (molt_is_double(v)) {
    out = "f:" + float_hex(molt_as_double(v));
  } else if (is_int_exact(v)) {
    if (!normalized(v)) out = "<not normalized>";
    Value s = int_to_base_string(v, 16, true);
    out += molt_is_error(s) ? take_error() : str_text(s);
    decref(s);
  } else if (is_tuple(v) && tuple_size(v) == 2) {
    std::string q = describe(new_ref(tuple_item_borrowed(v, 0)));
    std::string r = describe(new_ref(tuple_item_borrowed(v, 1)));
    out = "t:" + q + "," + r;
  } else if (is_str(v)) {
    out = "s:" + str_text(v);
  } else {
    out = std::string("<") + type_of(v)->name + ">";
  }
  decref(v);
  return out;
}

/// An int from Python literal text such as "-0x1f" or "123" (owned).
inline Value int_lit(const std::string& text) {
  return int_from_string(text.data(), text.size(), 0);
}

/// repr(v) of an int (owned text); "E:..." on error.
inline std::string int_text(Value v) {
  Value s = int_repr(v);
  if (molt_is_error(s)) return take_error();
  std::string r = str_text(s);
  decref(s);
  return r;
}

}  // namespace molt::testing
