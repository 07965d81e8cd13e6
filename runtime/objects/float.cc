// float.cc — the `float` type: arithmetic, comparison, hashing and repr with
// CPython 3.12's exact results.
#include "objects/float.h"

#include <charconv>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/format.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

// --- repr ----------------------------------------------------------------------

size_t format_float_repr(double x, char* buf) {
  // Python's repr uses the shortest digit string that round-trips (as
  // David Gay's dtoa mode 0 gives); std::to_chars produces exactly those
  // digits. The layout then follows float_repr_style 'r': positional
  // notation when -4 < exponent10 <= 16, scientific otherwise.
  if (isnan(x)) {
    memcpy(buf, "nan", 3);
    return 3;
  }
  if (isinf(x)) {
    if (x > 0) {
      memcpy(buf, "inf", 3);
      return 3;
    }
    memcpy(buf, "-inf", 4);
    return 4;
  }
  char sci[40];
  auto res = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
  *res.ptr = '\0';
  // sci is "[-]d[.ddd]e[+-]XX".
  const char* p = sci;
  size_t out = 0;
  if (*p == '-') {
    buf[out++] = '-';
    ++p;
  }
  char digits[20];
  int ndigits = 0;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits[ndigits++] = *p;
  }
  ++p;  // 'e'
  int exp10 = atoi(p);
  // Strip trailing zeros (to_chars' shortest form has none except for 0).
  while (ndigits > 1 && digits[ndigits - 1] == '0') --ndigits;
  int decpt = exp10 + 1;  // value = 0.d1d2... * 10^decpt
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      buf[out++] = '0';
      buf[out++] = '.';
      for (int i = 0; i < -decpt; ++i) buf[out++] = '0';
      for (int i = 0; i < ndigits; ++i) buf[out++] = digits[i];
    } else if (decpt >= ndigits) {
      for (int i = 0; i < ndigits; ++i) buf[out++] = digits[i];
      for (int i = ndigits; i < decpt; ++i) buf[out++] = '0';
      buf[out++] = '.';
      buf[out++] = '0';
    } else {
      for (int i = 0; i < decpt; ++i) buf[out++] = digits[i];
      buf[out++] = '.';
      for (int i = decpt; i < ndigits; ++i) buf[out++] = digits[i];
    }
    return out;
  }
  buf[out++] = digits[0];
  if (ndigits > 1) {
    buf[out++] = '.';
    for (int i = 1; i < ndigits; ++i) buf[out++] = digits[i];
  }
  buf[out++] = 'e';
  int e = decpt - 1;
  buf[out++] = e < 0 ? '-' : '+';
  if (e < 0) e = -e;
  char ebuf[8];
  int elen = 0;
  do {
    ebuf[elen++] = static_cast<char>('0' + e % 10);
    e /= 10;
  } while (e > 0);
  if (elen < 2) ebuf[elen++] = '0';
  while (elen > 0) buf[out++] = ebuf[--elen];
  return out;
}

Value float_repr(Value v) {
  char buf[40];
  size_t n = format_float_repr(molt_as_double(v), buf);
  return str_from_ascii(buf, n);
}

// --- parsing ---------------------------------------------------------------------

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_nocase(const char* p, size_t n, const char* word) {
  size_t len = strlen(word);
  if (n != len) return false;
  for (size_t i = 0; i < n; ++i) {
    if ((p[i] | 0x20) != word[i]) return false;
  }
  return true;
}

/// Copies digit ('_'? digit)* from p[i..n) into out; false if malformed.
bool take_digits(const char* p, size_t n, size_t& i, char* out, size_t& o) {
  if (i >= n || !is_digit(p[i])) return false;
  out[o++] = p[i++];
  while (i < n) {
    if (p[i] == '_' && i + 1 < n && is_digit(p[i + 1])) {
      ++i;
    } else if (!is_digit(p[i])) {
      break;
    }
    out[o++] = p[i++];
  }
  return true;
}

Value float_parse_error(Value original) {
  Ref r(object_repr(original));
  if (r.is_error()) return MOLT_ERROR;
  size_t len = 0;
  const char* text = str_utf8(r.get(), &len);
  if (text == nullptr) return MOLT_ERROR;
  return raise(ErrorId::FloatFromString, text);
}

}  // namespace

Value float_from_string(const char* s, size_t n, Value original) {
  size_t b = 0, e = n;
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  const char* p = s + b;
  size_t len = e - b;
  bool negative = false;
  size_t i = 0;
  if (i < len && (p[i] == '+' || p[i] == '-')) negative = p[i++] == '-';
  if (equals_nocase(p + i, len - i, "inf") || equals_nocase(p + i, len - i, "infinity"))
    return molt_from_double(negative ? -INFINITY : INFINITY);
  if (equals_nocase(p + i, len - i, "nan")) return molt_from_double(negative ? -NAN : NAN);
  char stack_buf[128];
  char* buf = len + 2 <= sizeof stack_buf ? stack_buf : static_cast<char*>(malloc(len + 2));
  if (buf == nullptr) return raise_no_memory();
  size_t o = 0;
  if (negative) buf[o++] = '-';
  bool ok = true;
  bool int_part = i < len && is_digit(p[i]);
  if (int_part) ok = take_digits(p, len, i, buf, o);
  if (ok && i < len && p[i] == '.') {
    buf[o++] = p[i++];
    if (i < len && is_digit(p[i])) {
      ok = take_digits(p, len, i, buf, o);
    } else if (!int_part) {
      ok = false;
    }
  } else if (!int_part) {
    ok = false;
  }
  if (ok && i < len && (p[i] == 'e' || p[i] == 'E')) {
    buf[o++] = p[i++];
    if (i < len && (p[i] == '+' || p[i] == '-')) buf[o++] = p[i++];
    ok = take_digits(p, len, i, buf, o);
  }
  if (ok && i != len) ok = false;
  double d = 0;
  if (ok) {
    buf[o] = '\0';
    d = strtod(buf, nullptr);  // correctly rounded; overflow gives +-inf as Python does
  }
  if (buf != stack_buf) free(buf);
  if (!ok) return float_parse_error(original);
  return molt_from_double(d);
}

// --- hashing -------------------------------------------------------------------

int64_t float_hash_double(double v) {
  // CPython's _Py_HashDouble: the value reduced modulo the Mersenne prime
  // 2^61 - 1, so that hash(x) == hash(int(x)) for integral floats.
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (static_cast<uint64_t>(1) << kBits) - 1;
  if (!isfinite(v)) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    // CPython hashes NaN by object identity; Molt's floats are immediate
    // values without identity, so every NaN hashes alike.
    return 0;
  }
  int e = 0;
  double m = frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
  return static_cast<int64_t>(x);
}

namespace {

int64_t float_hash(Value v) { return float_hash_double(molt_as_double(v)); }

}  // namespace

// --- coercion and arithmetic ---------------------------------------------------------

bool float_coerce(Value v, double* out) {
  if (molt_is_double(v)) {
    *out = molt_as_double(v);
    return true;
  }
  if (molt_is_small_int(v)) {
    *out = static_cast<double>(molt_as_small_int(v));
    return true;
  }
  if (molt_is_bool(v)) {
    *out = molt_as_bool(v) ? 1.0 : 0.0;
    return true;
  }
  bool overflow = false;
  *out = int_to_double(v, &overflow);
  if (overflow) {
    raise(ErrorId::IntTooLargeForFloat);
    return false;
  }
  return true;
}

namespace {

/// Operand conversion for binary slots: 1 = converted, 0 = not a number
/// float handles (NotImplemented), -1 = error.
int convert_operand(Value v, double* out) {
  if (molt_is_double(v)) {
    *out = molt_as_double(v);
    return 1;
  }
  if (!is_int_like(v)) return 0;
  return float_coerce(v, out) ? 1 : -1;
}

#define MOLT_FLOAT_BINARY_PROLOGUE(a, b) \
  double x, y;                           \
  int ca = convert_operand(a, &x);       \
  if (ca <= 0) return ca < 0 ? MOLT_ERROR : not_implemented(); \
  int cb = convert_operand(b, &y);       \
  if (cb <= 0) return cb < 0 ? MOLT_ERROR : not_implemented();

Value float_add(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return molt_from_double(x + y);
}
Value float_sub(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return molt_from_double(x - y);
}
Value float_mul(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return molt_from_double(x * y);
}
Value float_truediv(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  if (y == 0.0) return raise(ErrorId::FloatDivisionByZero);
  return molt_from_double(x / y);
}

/// CPython's _float_div_mod: floor quotient and modulo with the divisor's
/// sign, keeping the sign of zero results meaningful.
void div_mod(double vx, double wx, double* floordiv, double* mod) {
  double m = fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = copysign(0.0, wx);
  }
  double fd;
  if (div != 0.0) {
    fd = floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Value float_floordiv_slot(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return float_floordiv(x, y);
}
Value float_mod_slot(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return float_mod(x, y);
}
Value float_divmod_slot(Value a, Value b) {
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return float_divmod(x, y);
}
Value float_pow_slot(Value a, Value b, Value mod) {
  if (mod != MOLT_NONE) {
    if (!molt_is_double(a) && !molt_is_double(b)) return not_implemented();
    return raise_message(&exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  MOLT_FLOAT_BINARY_PROLOGUE(a, b)
  return float_pow(x, y);
}

#undef MOLT_FLOAT_BINARY_PROLOGUE

Value float_neg(Value a) { return molt_from_double(-molt_as_double(a)); }
Value float_pos(Value a) { return a; }
Value float_abs(Value a) { return molt_from_double(fabs(molt_as_double(a))); }
int float_truth(Value a) { return molt_as_double(a) != 0.0; }
Value float_to_int(Value a) { return int_from_double(molt_as_double(a)); }
Value float_to_float(Value a) { return a; }

bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

}  // namespace

Value float_floordiv(double a, double b) {
  if (b == 0.0) return raise(ErrorId::FloatFloorDivisionByZero);
  double fd, m;
  div_mod(a, b, &fd, &m);
  return molt_from_double(fd);
}

Value float_mod(double a, double b) {
  if (b == 0.0) return raise(ErrorId::FloatModuloByZero);
  double fd, m;
  div_mod(a, b, &fd, &m);
  return molt_from_double(m);
}

Value float_divmod(double a, double b) {
  if (b == 0.0) return raise(ErrorId::FloatDivmodByZero);
  double fd, m;
  div_mod(a, b, &fd, &m);
  return tuple_pack2_steal(molt_from_double(fd), molt_from_double(m));
}

Value float_pow(double iv, double iw) {
  // The special cases follow C99 Annex F and CPython's float_pow.
  if (iw == 0.0) return molt_from_double(1.0);
  if (isnan(iv)) return molt_from_double(iv);
  if (isnan(iw)) return molt_from_double(iv == 1.0 ? 1.0 : iw);
  if (isinf(iw)) {
    iv = fabs(iv);
    if (iv == 1.0) return molt_from_double(1.0);
    if ((iw > 0) == (iv > 1.0)) return molt_from_double(fabs(iw));
    return molt_from_double(0.0);
  }
  if (isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0) return molt_from_double(odd ? iv : fabs(iv));
    return molt_from_double(odd ? copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = is_odd_integer(iw);
    if (iw < 0.0) return raise(ErrorId::ZeroToNegativePower);
    return molt_from_double(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != floor(iw)) {
      // A negative base with a fractional exponent gives a complex number.
      return raise(ErrorId::ComplexResultUnsupported);
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return molt_from_double(negate ? -1.0 : 1.0);
  double ix = pow(iv, iw);
  if (isinf(ix)) return raise(ErrorId::FloatPowOverflow);
  return molt_from_double(negate ? -ix : ix);
}

namespace {

Value float_richcompare(Value a, Value b, CompareOp op) {
  // `a` is a float here or `b` is (reflected call).
  if (!molt_is_double(a)) {
    // Reflected: compare b (float) with a by swapping the operator.
    static const CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                         CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
    return float_richcompare(b, a, kSwapped[static_cast<int>(op)]);
  }
  double x = molt_as_double(a);
  int cmp;  // -1, 0, 1, or 2 for unordered
  if (molt_is_double(b)) {
    double y = molt_as_double(b);
    cmp = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
  } else if (is_int_like(b)) {
    // Exact comparison: never round the int to a double.
    int r = int_compare_double(int_from_bool_or_int(b), x);
    cmp = r == 2 ? 2 : -r;
  } else {
    return not_implemented();
  }
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = cmp == -1; break;
    case CompareOp::Le: result = cmp == -1 || cmp == 0; break;
    case CompareOp::Eq: result = cmp == 0; break;
    case CompareOp::Ne: result = cmp != 0; break;
    case CompareOp::Gt: result = cmp == 1; break;
    case CompareOp::Ge: result = cmp == 1 || cmp == 0; break;
  }
  return molt_from_bool(result);
}

const NumberMethods kFloatNumber = {
    .add = float_add,
    .subtract = float_sub,
    .multiply = float_mul,
    .true_divide = float_truediv,
    .remainder = float_mod_slot,
    .floor_divide = float_floordiv_slot,
    .divmod = float_divmod_slot,
    .power = float_pow_slot,
    .negative = float_neg,
    .positive = float_pos,
    .absolute = float_abs,
    .truth = float_truth,
    .to_int = float_to_int,
    .to_float = float_to_float,
};

/// float(x=0.0).
Value float_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, "float");
  if (nargs > 1) return raise(ErrorId::ExpectedAtMostArgs, "float", 1, "", nargs);
  if (nargs == 0) return molt_from_double(0.0);
  Value x = args[0];
  if (molt_is_double(x)) return x;
  if (is_int_like(x)) {
    double d;
    return float_coerce(x, &d) ? molt_from_double(d) : MOLT_ERROR;
  }
  if (is_str(x)) {
    size_t n = 0;
    const char* text = str_utf8(x, &n);
    if (text == nullptr) return MOLT_ERROR;
    return float_from_string(text, n, x);
  }
  return raise(ErrorId::FloatArgType, type_of(x)->name);
}

Value float_method_is_integer(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0 || keyword_count(kwnames) != 0) return raise(ErrorId::TakesNoArguments, "float.is_integer", nargs);
  double x = molt_as_double(self);
  return molt_from_bool(isfinite(x) && floor(x) == x);
}

const MethodDef kFloatMethods[] = {
    {"__format__", format_dunder_method, kMethodPlain},
    {"is_integer", float_method_is_integer, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace

Type float_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "float",
    .base = &object_type,
    .flags = kTypeIsFloatSubclass | kTypeAcceptsSubclasses,
    .basic_size = 0,
    .dealloc = nullptr,
    .repr = float_repr,
    .str = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .as_number = &kFloatNumber,
    .construct = float_construct,
    .methods = kFloatMethods,
};

}  // namespace molt
