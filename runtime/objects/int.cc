// int.cc — the `int` type object and its slots, construction of ints from C
// values and doubles, comparisons (with ints and exactly with doubles),
// hashing, and correctly rounded conversion to float.
//
// Arithmetic lives in int_arith.cc, bit operations in int_bits.cc and text
// conversion in int_text.cc; all of them rely on the normalisation
// invariant of int.h, which int_finish() below enforces.
#include <math.h>
#include <stddef.h>

#include "core/args.h"
#include "core/format.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/str.h"
#include "objects/bool.h"
#include "objects/int_impl.h"
#include "objects/none.h"

namespace molt {

using mp::digit;
using mp::kDigitBits;

// --- views and allocation -----------------------------------------------------------

void IntView::set(Value v) {
  if (molt_is_small_int(v)) {
    int64_t i = molt_as_small_int(v);
    neg = i < 0;
    uint64_t m = neg ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    buf[0] = static_cast<digit>(m);
    buf[1] = static_cast<digit>(m >> kDigitBits);
    d = buf;
    n = buf[1] != 0 ? 2 : (buf[0] != 0 ? 1 : 0);
    return;
  }
  // Heap ints of int subclasses may hold any value (even one that fits
  // inline), so the size is normalized here rather than assumed.
  const IntObject* o = as_int_object(v);
  neg = o->size < 0;
  d = o->digits;
  n = mp::normalized_size(o->digits, neg ? -static_cast<int64_t>(o->size) : o->size);
  if (n == 0) neg = false;
}

IntObject* int_alloc(size_t n) {
  if (n > mp::kMaxDigits) {
    raise(ErrorId::IntTooManyDigits);
    return nullptr;
  }
  // kMaxDigits keeps this product within size_t on every target.
  size_t bytes = offsetof(IntObject, digits) + (n == 0 ? 1 : n) * sizeof(digit);
  Object* o = alloc_object(&int_type, bytes);
  if (o == nullptr) return nullptr;
  IntObject* io = reinterpret_cast<IntObject*>(o);
  io->size = static_cast<int32_t>(n);
  return io;
}

Value int_finish(IntObject* o, bool negative) {
  size_t n = mp::normalized_size(o->digits, static_cast<size_t>(o->size));
  if (n <= 2) {
    uint64_t m = n == 0 ? 0 : o->digits[0];
    if (n == 2) m |= static_cast<uint64_t>(o->digits[1]) << kDigitBits;
    // |MOLT_SMALL_INT_MIN| = 2^47 is allowed for negatives.
    if (m <= static_cast<uint64_t>(MOLT_SMALL_INT_MAX) + (negative ? 1 : 0)) {
      free_object(&o->ob);
      int64_t v = negative ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
      return molt_from_small_int(v);
    }
  }
  o->size = negative ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return from_object(&o->ob);
}

Value int_from_digits(const digit* d, size_t n, bool negative) {
  n = mp::normalized_size(d, n);
  if (n <= 2) {
    uint64_t m = n == 0 ? 0 : d[0];
    if (n == 2) m |= static_cast<uint64_t>(d[1]) << kDigitBits;
    if (m <= static_cast<uint64_t>(MOLT_SMALL_INT_MAX) + (negative ? 1 : 0)) {
      return molt_from_small_int(negative ? -static_cast<int64_t>(m) : static_cast<int64_t>(m));
    }
  }
  IntObject* o = int_alloc(n);
  if (o == nullptr) return MOLT_ERROR;
  memcpy(o->digits, d, n * sizeof(digit));
  o->size = negative ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return from_object(&o->ob);
}

// --- construction -------------------------------------------------------------------

namespace {

Value from_magnitude_u64(uint64_t m, bool negative) {
  if (m <= static_cast<uint64_t>(MOLT_SMALL_INT_MAX) + (negative ? 1 : 0)) {
    return molt_from_small_int(negative ? static_cast<int64_t>(0 - m) : static_cast<int64_t>(m));
  }
  IntObject* o = int_alloc(2);
  if (o == nullptr) return MOLT_ERROR;
  o->digits[0] = static_cast<digit>(m);
  o->digits[1] = static_cast<digit>(m >> kDigitBits);
  return int_finish(o, negative);
}

}  // namespace

Value int_from_i64(int64_t i) {
  if (molt_fits_small_int(i)) return molt_from_small_int(i);
  return from_magnitude_u64(i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i), i < 0);
}

Value int_from_u64(uint64_t u) {
  return from_magnitude_u64(u, false);
}

Value int_from_double(double d) {
  if (isnan(d)) return raise(ErrorId::IntFromFloatNaN);
  if (isinf(d)) return raise(ErrorId::IntFromFloatInfinity);
  double t = trunc(d);
  if (fabs(t) < 9223372036854775808.0) return int_from_i64(static_cast<int64_t>(t));
  // |t| >= 2^63: t = mant * 2^(exp - 53) with a 53-bit integer mantissa, so
  // the value is the mantissa shifted left by exp - 53 >= 11 bits.
  int exp;
  double frac = frexp(fabs(t), &exp);
  uint64_t mant = static_cast<uint64_t>(ldexp(frac, 53));
  unsigned shift = static_cast<unsigned>(exp - 53);
  size_t n = (static_cast<size_t>(exp) + kDigitBits - 1) / kDigitBits;
  IntObject* o = int_alloc(n);
  if (o == nullptr) return MOLT_ERROR;
  memset(o->digits, 0, n * sizeof(digit));
  size_t q = shift / kDigitBits;
  unsigned r = shift % kDigitBits;
  // Place the 53-bit mantissa at bit offset `shift` (spans up to 3 digits).
  o->digits[q] = static_cast<digit>(mant << r);
  if (q + 1 < n) o->digits[q + 1] = static_cast<digit>(mant >> (kDigitBits - r));
  if (q + 2 < n && r != 0) o->digits[q + 2] = static_cast<digit>(mant >> (2 * kDigitBits - r));
  return int_finish(o, d < 0);
}

// --- inspection ---------------------------------------------------------------------

bool is_int_like(Value v) {
  if (molt_is_small_int(v) || molt_is_bool(v)) return true;
  return molt_is_ptr(v) && (as_object(v)->type->flags & kTypeIsIntSubclass) != 0;
}

Value int_from_bool_or_int(Value v) {
  if (molt_is_bool(v)) return molt_from_small_int(molt_as_bool(v));
  return v;
}

int int_sign(Value v) {
  if (molt_is_small_int(v)) {
    int64_t i = molt_as_small_int(v);
    return (i > 0) - (i < 0);
  }
  IntView x(v);
  return x.n == 0 ? 0 : (x.neg ? -1 : 1);
}

int int_compare(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t x = molt_as_small_int(a), y = molt_as_small_int(b);
    return (x > y) - (x < y);
  }
  IntView x(a), y(b);
  if (x.neg != y.neg) return x.neg ? -1 : 1;
  int c = mp::cmp(x.d, x.n, y.d, y.n);
  return x.neg ? -c : c;
}

int int_compare_double(Value a, double d) {
  if (isnan(d)) return 2;
  if (molt_is_small_int(a)) {
    // |a| < 2^47 converts exactly.
    double x = static_cast<double>(molt_as_small_int(a));
    return (x > d) - (x < d);
  }
  if (isinf(d)) return d > 0 ? -1 : 1;
  IntView x(a);
  int sa = x.n == 0 ? 0 : (x.neg ? -1 : 1);
  int sd = (d > 0) - (d < 0);
  if (sa != sd) return sa < sd ? -1 : 1;
  if (sa == 0) return 0;
  // Same sign: compare magnitudes by bit length first, then exactly.
  double ad = fabs(d);
  int exp;
  frexp(ad, &exp);  // 2^(exp-1) <= ad < 2^exp
  uint64_t nbits = mp::bit_length(x.d, x.n);
  int mag;
  if (exp <= 0 || nbits > static_cast<uint64_t>(exp)) {
    mag = 1;
  } else if (nbits < static_cast<uint64_t>(exp)) {
    mag = -1;
  } else {
    // Same bit length: compare |a| with trunc(|d|) exactly, then the
    // fractional part of d decides a tie.
    double t = trunc(ad);
    Value ti = int_from_double(t);
    if (molt_is_error(ti)) return 0;  // cannot happen: t is finite
    IntView y(ti);
    mag = mp::cmp(x.d, x.n, y.d, y.n);
    decref(ti);
    if (mag == 0 && t != ad) mag = -1;
  }
  return sa < 0 ? -mag : mag;
}

bool int_to_i64(Value v, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
    return true;
  }
  IntView x(v);
  if (x.n > 2) return false;
  uint64_t m = x.n == 0 ? 0 : x.d[0];
  if (x.n == 2) m |= static_cast<uint64_t>(x.d[1]) << kDigitBits;
  if (x.neg) {
    if (m > (static_cast<uint64_t>(1) << 63)) return false;
    *out = static_cast<int64_t>(0 - m);
  } else {
    if (m > static_cast<uint64_t>(INT64_MAX)) return false;
    *out = static_cast<int64_t>(m);
  }
  return true;
}

double mp_to_double(const digit* d, size_t n, bool* overflow) {
  *overflow = false;
  if (n <= 2) {
    uint64_t m = n == 0 ? 0 : d[0];
    if (n == 2) m |= static_cast<uint64_t>(d[1]) << kDigitBits;
    return static_cast<double>(m);  // the conversion rounds half-even
  }
  // Top 64 bits, with every lower bit folded into bit 0 ("sticky"): 64 bits
  // leave 11 bits below the double's 53, so rounding the 64-bit value once
  // gives the correctly rounded result of the whole magnitude.
  uint64_t nbits = mp::bit_length(d, n);
  if (nbits > 1024) {
    *overflow = true;
    return 0.0;
  }
  unsigned lead = static_cast<unsigned>(__builtin_clz(d[n - 1]));
  uint64_t top = (static_cast<uint64_t>(d[n - 1]) << 32) | d[n - 2];
  uint64_t below = d[n - 3];
  uint64_t m = lead == 0 ? top : (top << lead) | (below >> (kDigitBits - lead));
  bool sticky = static_cast<digit>(below << lead) != 0;
  for (size_t i = 0; !sticky && i + 3 < n; ++i) sticky = d[i] != 0;
  m |= sticky ? 1 : 0;
  double r = ldexp(static_cast<double>(m), static_cast<int>(nbits) - 64);
  if (isinf(r)) *overflow = true;
  return r;
}

double int_to_double(Value v, bool* overflow) {
  if (molt_is_small_int(v)) {
    *overflow = false;
    return static_cast<double>(molt_as_small_int(v));
  }
  IntView x(v);
  double r = mp_to_double(x.d, x.n, overflow);
  return x.neg ? -r : r;
}

Value int_to_float(Value v) {
  bool overflow;
  double d = int_to_double(v, &overflow);
  if (overflow) return raise(ErrorId::IntTooLargeForFloat);
  return molt_from_double(d);
}

int64_t int_hash(Value v) {
  if (molt_is_small_int(v)) {
    // |v| < 2^47 is already reduced modulo 2^61 - 1.
    int64_t i = molt_as_small_int(v);
    return i == -1 ? -2 : i;
  }
  // The value modulo M = 2^61 - 1, Horner from the top digit. Multiplying a
  // residue h < 2^61 by 2^32 modulo M is a rotation of its 61 bits.
  constexpr uint64_t kModulus = (static_cast<uint64_t>(1) << 61) - 1;
  IntView x(v);
  uint64_t h = 0;
  for (size_t i = x.n; i-- > 0;) {
    h = ((h << kDigitBits) & kModulus) | (h >> (61 - kDigitBits));
    h += x.d[i];
    if (h >= kModulus) h -= kModulus;
  }
  int64_t r = x.neg ? -static_cast<int64_t>(h) : static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

int64_t int_bit_length(Value v) {
  if (molt_is_small_int(v)) {
    int64_t i = molt_as_small_int(v);
    uint64_t m = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    return m == 0 ? 0 : 64 - __builtin_clzll(m);
  }
  IntView x(v);
  return static_cast<int64_t>(mp::bit_length(x.d, x.n));
}

// --- the type object ----------------------------------------------------------------

// Binary slots accept int or bool on either side (CPython: int.__add__ and
// friends apply to any int subclass) and defer with NotImplemented otherwise.
#define MOLT_INT_BINARY_SLOT(slot_name, impl)                         \
  Value slot_name(Value a, Value b) {                                 \
    if (!is_int_like(a) || !is_int_like(b)) return not_implemented(); \
    return impl(int_from_bool_or_int(a), int_from_bool_or_int(b));    \
  }
MOLT_INT_BINARY_SLOT(int_slot_add, int_add)
MOLT_INT_BINARY_SLOT(int_slot_sub, int_sub)
MOLT_INT_BINARY_SLOT(int_slot_mul, int_mul)
MOLT_INT_BINARY_SLOT(int_slot_truediv, int_truediv)
MOLT_INT_BINARY_SLOT(int_slot_mod, int_mod)
MOLT_INT_BINARY_SLOT(int_slot_lshift, int_lshift)
MOLT_INT_BINARY_SLOT(int_slot_rshift, int_rshift)
MOLT_INT_BINARY_SLOT(int_slot_or, int_or)
MOLT_INT_BINARY_SLOT(int_slot_xor, int_xor)
MOLT_INT_BINARY_SLOT(int_slot_and, int_and)
MOLT_INT_BINARY_SLOT(int_slot_floordiv, int_floordiv)
MOLT_INT_BINARY_SLOT(int_slot_divmod, int_divmod)
#undef MOLT_INT_BINARY_SLOT

Value int_slot_power(Value a, Value b, Value mod) {
  if (!is_int_like(a) || !is_int_like(b)) return not_implemented();
  if (mod != MOLT_NONE && !is_int_like(mod)) return not_implemented();
  if (mod != MOLT_NONE) mod = int_from_bool_or_int(mod);
  return int_pow(int_from_bool_or_int(a), int_from_bool_or_int(b), mod);
}

Value int_slot_neg(Value a) {
  return int_neg(int_from_bool_or_int(a));
}
Value int_slot_pos(Value a) {
  return int_exact(int_from_bool_or_int(a));
}
Value int_slot_abs(Value a) {
  return int_abs(int_from_bool_or_int(a));
}
Value int_slot_invert(Value a) {
  return int_invert(int_from_bool_or_int(a));
}
int int_slot_truth(Value a) {
  return int_sign(int_from_bool_or_int(a)) != 0;
}
Value int_slot_float(Value a) {
  return int_to_float(int_from_bool_or_int(a));
}
Value int_slot_repr(Value a) {
  return int_repr(int_from_bool_or_int(a));
}
int64_t int_slot_hash(Value a) {
  return int_hash(int_from_bool_or_int(a));
}

namespace {

void int_dealloc(Object* o) {
  free_object(o);
}

}  // namespace

Value int_exact(Value v) {
  if (molt_is_small_int(v)) return v;
  if (as_object(v)->type == &int_type) return new_ref(v);
  IntView x(v);
  return int_from_digits(x.d, x.n, x.neg);
}

Value int_richcompare(Value a, Value b, CompareOp op) {
  if (!is_int_like(a) || !is_int_like(b)) return not_implemented();
  int c = int_compare(int_from_bool_or_int(a), int_from_bool_or_int(b));
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return molt_from_bool(r);
}

const NumberMethods int_as_number = {
    .add = int_slot_add,
    .subtract = int_slot_sub,
    .multiply = int_slot_mul,
    .matrix_multiply = nullptr,
    .true_divide = int_slot_truediv,
    .remainder = int_slot_mod,
    .lshift = int_slot_lshift,
    .rshift = int_slot_rshift,
    .or_ = int_slot_or,
    .xor_ = int_slot_xor,
    .and_ = int_slot_and,
    .floor_divide = int_slot_floordiv,
    .divmod = int_slot_divmod,
    .power = int_slot_power,
    .negative = int_slot_neg,
    .positive = int_slot_pos,
    .absolute = int_slot_abs,
    .invert = int_slot_invert,
    .truth = int_slot_truth,
    .to_int = int_slot_pos,
    .to_float = int_slot_float,
    .index = int_slot_pos,
};

namespace {

/// int(x=0) / int(x, base=10).
Value int_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  Value x = MOLT_UNBOUND, base = MOLT_UNBOUND;
  if (nargs + nkw > 2) return raise(ErrorId::TakesAtMostArgs, "int", 2, "s", nargs + nkw);
  if (nargs >= 1) x = args[0];
  if (nargs >= 2) base = args[1];
  for (size_t k = 0; k < nkw; ++k) {
    if (keyword_is(kwnames, k, "base") && base == MOLT_UNBOUND) {
      base = args[nargs + k];
    } else {
      const char* name = keyword_name(kwnames, k);
      return raise(ErrorId::InvalidKeywordFor, name ? name : "?", "int");
    }
  }
  if (base != MOLT_UNBOUND) {
    if (x == MOLT_UNBOUND) return raise_message(&exc::TypeError, "int() missing string argument");
    if (!is_str(x)) return raise(ErrorId::IntNonStringWithBase);
    if (!is_int_like(base)) {
      return raise_message(&exc::TypeError, "'str' object cannot be interpreted as an integer");
    }
    int64_t b = 0;
    if (!int_to_i64(int_from_bool_or_int(base), &b) || (b != 0 && (b < 2 || b > 36))) {
      return raise_message(&exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    size_t n = 0;
    const char* text = str_utf8(x, &n);
    if (text == nullptr) return MOLT_ERROR;
    return int_from_string(text, n, static_cast<int>(b));
  }
  if (x == MOLT_UNBOUND) return molt_from_small_int(0);
  if (molt_is_bool(x)) return molt_from_small_int(molt_as_bool(x));
  if (is_int_like(x)) return int_exact(x);
  if (molt_is_double(x)) return int_from_double(molt_as_double(x));
  if (is_str(x)) {
    size_t n = 0;
    const char* text = str_utf8(x, &n);
    if (text == nullptr) return MOLT_ERROR;
    return int_from_string(text, n, 10);
  }
  return raise(ErrorId::IntArgType, type_of(x)->name);
}

Value int_method_bit_length(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0 || keyword_count(kwnames) != 0) return raise(ErrorId::TakesNoArguments, "int.bit_length", nargs);
  return int_from_i64(int_bit_length(int_from_bool_or_int(self)));
}

Value int_method_bit_count(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 0 || keyword_count(kwnames) != 0) return raise(ErrorId::TakesNoArguments, "int.bit_count", nargs);
  return int_from_i64(int_bit_count(int_from_bool_or_int(self)));
}

const MethodDef kIntMethods[] = {
    {"__format__", format_dunder_method, kMethodPlain},
    {"bit_length", int_method_bit_length, kMethodPlain},
    {"bit_count", int_method_bit_count, kMethodPlain},
    {nullptr, nullptr, 0},
};

}  // namespace

Type int_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "int",
    .base = &object_type,
    .flags = kTypeIsIntSubclass | kTypeAcceptsSubclasses,
    .basic_size = offsetof(IntObject, digits),
    .dealloc = int_dealloc,
    .repr = int_slot_repr,
    .str = int_slot_repr,
    .hash = int_slot_hash,
    .richcompare = int_richcompare,
    .as_number = &int_as_number,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = int_construct,
    .methods = kIntMethods,
};

}  // namespace molt
