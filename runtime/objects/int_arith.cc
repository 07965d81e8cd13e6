// int_arith.cc — int arithmetic with CPython 3.12's semantics: + - * with
// 64-bit fast paths, floor division and modulo (result signs follow the
// divisor), divmod, correctly rounded true division,
// negation, abs and ~. (`**` and pow() are in int_pow.cc.)
#include <math.h>

#include "core/errors.h"
#include "objects/float.h"
#include "objects/int_impl.h"
#include "objects/tuple.h"

namespace molt {

using mp::digit;
using mp::kDigitBits;

namespace {

// Both values fit in int64_t (heap ints of up to 63 bits included).
inline bool both_i64(Value a, Value b, int64_t* x, int64_t* y) {
  return int_to_i64(a, x) && int_to_i64(b, y);
}

// a + b for magnitudes with signs.
Value add_signed(const digit* a, size_t na, bool aneg, const digit* b, size_t nb, bool bneg) {
  if (aneg == bneg) {
    if (na < nb) {
      const digit* t = a;
      a = b;
      b = t;
      size_t tn = na;
      na = nb;
      nb = tn;
    }
    IntObject* o = int_alloc(na + 1);
    if (o == nullptr) return MOLT_ERROR;
    o->digits[na] = mp::add(o->digits, a, na, b, nb);
    return int_finish(o, aneg);
  }
  int c = mp::cmp(a, na, b, nb);
  if (c == 0) return molt_from_small_int(0);
  if (c < 0) {
    const digit* t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
    aneg = bneg;
  }
  IntObject* o = int_alloc(na);
  if (o == nullptr) return MOLT_ERROR;
  mp::sub(o->digits, a, na, b, nb);
  return int_finish(o, aneg);
}

}  // namespace

Value int_add(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    return int_from_i64_inline(molt_as_small_int(a) + molt_as_small_int(b));
  }
  int64_t x, y, r;
  if (both_i64(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) return int_from_i64(r);
  IntView va(a), vb(b);
  return add_signed(va.d, va.n, va.neg, vb.d, vb.n, vb.neg);
}

Value int_sub(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    return int_from_i64_inline(molt_as_small_int(a) - molt_as_small_int(b));
  }
  int64_t x, y, r;
  if (both_i64(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) return int_from_i64(r);
  IntView va(a), vb(b);
  return add_signed(va.d, va.n, va.neg, vb.d, vb.n, !vb.neg && vb.n != 0);
}

Value int_mul(Value a, Value b) {
  int64_t x, y, r;
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    if (!__builtin_mul_overflow(molt_as_small_int(a), molt_as_small_int(b), &r))
      return int_from_i64_inline(r);
  } else if (both_i64(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r)) {
    return int_from_i64(r);
  }
  IntView va(a), vb(b);
  if (va.n == 0 || vb.n == 0) return molt_from_small_int(0);
  IntObject* o = int_alloc(va.n + vb.n);
  if (o == nullptr) return MOLT_ERROR;
  if (!mp::mul_alloc(o->digits, va.d, va.n, vb.d, vb.n)) {
    free_object(&o->ob);
    return raise_no_memory();
  }
  return int_finish(o, va.neg != vb.neg);
}

// --- division ---------------------------------------------------------------------------

namespace {

// Floor division of x by y (y != 0): stores the quotient in *q and the
// remainder in *r (owned) for each non-null pointer. Returns false with an
// exception set on failure.
bool floor_divmod(const IntView& x, const IntView& y, Value* q, Value* r) {
  bool qneg = x.neg != y.neg;
  if (mp::cmp(x.d, x.n, y.d, y.n) < 0) {
    // |x| < |y|: truncated quotient 0, remainder x.
    if (x.n == 0 || !qneg) {
      if (q != nullptr) *q = molt_from_small_int(0);
      if (r != nullptr) *r = int_from_digits(x.d, x.n, x.neg);
    } else {
      // Opposite signs: floor gives -1 and remainder x + y (sign of y).
      if (q != nullptr) *q = molt_from_small_int(-1);
      if (r != nullptr) *r = add_signed(x.d, x.n, x.neg, y.d, y.n, y.neg);
    }
    return (q == nullptr || !molt_is_error(*q)) && (r == nullptr || !molt_is_error(*r));
  }
  size_t qn = x.n - y.n + 1;
  IntObject* qo = int_alloc(qn + 1);
  if (qo == nullptr) return false;
  IntObject* ro = int_alloc(y.n);
  if (ro == nullptr) {
    free_object(&qo->ob);
    return false;
  }
  qo->digits[qn] = 0;
  if (y.n == 1) {
    ro->digits[0] = mp::divrem_1(qo->digits, x.d, x.n, y.d[0]);
  } else if (!mp::divrem(qo->digits, ro->digits, x.d, x.n, y.d, y.n)) {
    free_object(&qo->ob);
    free_object(&ro->ob);
    raise_no_memory();
    return false;
  }
  if (qneg && mp::normalized_size(ro->digits, y.n) != 0) {
    // Floor toward -infinity: |q| + 1, and r = |y| - r (then given y's sign).
    mp::add_1(qo->digits, qo->digits, qn + 1, 1);
    mp::sub(ro->digits, y.d, y.n, ro->digits, y.n);
  }
  Value qv = int_finish(qo, qneg);
  Value rv = int_finish(ro, y.neg);
  if (q != nullptr) {
    *q = qv;
  } else {
    decref(qv);
  }
  if (r != nullptr) {
    *r = rv;
  } else {
    decref(rv);
  }
  return true;
}

// Python's floor division and modulo on 64-bit values; y != 0 and not
// (x == INT64_MIN && y == -1).
inline int64_t floor_div_i64(int64_t x, int64_t y) {
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}
inline int64_t floor_mod_i64(int64_t x, int64_t y) {
  int64_t r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) r += y;
  return r;
}

}  // namespace

bool int_divmod_parts(Value a, Value b, Value* q, Value* r) {
  IntView va(a), vb(b);
  if (vb.n == 0) {
    raise(ErrorId::IntDivisionByZero);
    return false;
  }
  return floor_divmod(va, vb, q, r);
}

Value int_floordiv(Value a, Value b) {
  int64_t x, y;
  if (both_i64(a, b, &x, &y)) {
    if (y == 0) return raise(ErrorId::IntDivisionByZero);
    if (!(x == INT64_MIN && y == -1)) return int_from_i64_inline(floor_div_i64(x, y));
  }
  IntView va(a), vb(b);
  if (vb.n == 0) return raise(ErrorId::IntDivisionByZero);
  Value q;
  if (!floor_divmod(va, vb, &q, nullptr)) return MOLT_ERROR;
  return q;
}

Value int_mod(Value a, Value b) {
  int64_t x, y;
  if (both_i64(a, b, &x, &y)) {
    if (y == 0) return raise(ErrorId::IntModuloByZero);
    if (y == -1) return molt_from_small_int(0);
    return int_from_i64_inline(floor_mod_i64(x, y));
  }
  IntView va(a), vb(b);
  if (vb.n == 0) return raise(ErrorId::IntModuloByZero);
  Value r;
  if (!floor_divmod(va, vb, nullptr, &r)) return MOLT_ERROR;
  return r;
}

Value int_divmod(Value a, Value b) {
  int64_t x, y;
  Value q, r;
  if (both_i64(a, b, &x, &y) && !(x == INT64_MIN && y == -1)) {
    if (y == 0) return raise(ErrorId::IntDivisionByZero);
    q = int_from_i64_inline(floor_div_i64(x, y));
    if (molt_is_error(q)) return MOLT_ERROR;
    r = int_from_i64_inline(floor_mod_i64(x, y));
  } else {
    IntView va(a), vb(b);
    if (vb.n == 0) return raise(ErrorId::IntDivisionByZero);
    if (!floor_divmod(va, vb, &q, &r)) return MOLT_ERROR;
  }
  return tuple_pack2_steal(q, r);
}

// True division, correctly rounded. Outline: with e = bitlen(a) - bitlen(b),
// a/b lies in [2^(e-1), 2^(e+1)). Scale a by 2^-s with
// s = max(e, DBL_MIN_EXP) - DBL_MANT_DIG - 2 so that the integer quotient x
// of (a * 2^-s) / b has at least two bits more than the double's precision
// (fewer for subnormal results, whose precision is lower still); then round
// x half-even to the precision of the result, with "inexact" (nonzero
// remainder or bits dropped by the scaling) as the sticky bit, and the
// result is exactly x * 2^s.
Value int_truediv(Value a, Value b) {
  IntView va(a), vb(b);
  if (vb.n == 0) return raise(ErrorId::DivisionByZero);
  bool neg = va.neg != vb.neg;
  if (va.n == 0) return molt_from_double(neg ? -0.0 : 0.0);
  uint64_t la = mp::bit_length(va.d, va.n), lb = mp::bit_length(vb.d, vb.n);
  if (la <= 53 && lb <= 53) {
    // Both convert exactly, so the one IEEE division rounds correctly.
    bool of;
    double x = mp_to_double(va.d, va.n, &of), y = mp_to_double(vb.d, vb.n, &of);
    double q = x / y;
    return molt_from_double(neg ? -q : q);
  }
  int64_t e = static_cast<int64_t>(la) - static_cast<int64_t>(lb);
  if (e >= 1025) return raise(ErrorId::IntDivisionResultTooLarge);
  if (e <= -1076) return molt_from_double(neg ? -0.0 : 0.0);
  int64_t s = (e > -1021 ? e : -1021) - 53 - 2;
  // xa = |a| * 2^-s (shifting right drops bits: remember them as inexact).
  bool inexact = false;
  size_t xn;
  mp::Scratch buf;
  size_t cap = va.n + (s < 0 ? static_cast<size_t>(-s) / kDigitBits + 2 : 1) + vb.n + 8;
  if (!buf.init(cap * 2)) return raise_no_memory();
  digit* xa = buf.take(cap);
  if (s <= 0) {
    size_t wd = static_cast<size_t>(-s) / kDigitBits;
    unsigned wb = static_cast<unsigned>(-s) % kDigitBits;
    memset(xa, 0, wd * sizeof(digit));
    xa[wd + va.n] = mp::lshift(xa + wd, va.d, va.n, wb);
    xn = wd + va.n + 1;
  } else {
    size_t wd = static_cast<size_t>(s) / kDigitBits;
    unsigned wb = static_cast<unsigned>(s) % kDigitBits;
    for (size_t i = 0; i < wd && i < va.n && !inexact; ++i) inexact = va.d[i] != 0;
    if (wd >= va.n) {
      xn = 0;
    } else {
      digit out = mp::rshift(xa, va.d + wd, va.n - wd, wb);
      if (out != 0) inexact = true;
      xn = va.n - wd;
    }
  }
  xn = mp::normalized_size(xa, xn);
  // x = xa / |b|, which has at most DBL_MANT_DIG + 3 bits, so fits in 64.
  uint64_t x = 0;
  if (mp::cmp(xa, xn, vb.d, vb.n) >= 0) {
    digit* q = buf.take(xn - vb.n + 1);
    digit* r = buf.take(vb.n);
    if (vb.n == 1) {
      r[0] = mp::divrem_1(q, xa, xn, vb.d[0]);
    } else if (!mp::divrem(q, r, xa, xn, vb.d, vb.n)) {
      return raise_no_memory();
    }
    if (mp::normalized_size(r, vb.n) != 0) inexact = true;
    size_t qn = mp::normalized_size(q, xn - vb.n + 1);
    if (qn >= 1) x = q[0];
    if (qn >= 2) x |= static_cast<uint64_t>(q[1]) << kDigitBits;
  } else if (xn != 0) {
    inexact = true;
  }
  // Round x to a multiple of 2^k, where 2^(k+s) is the ulp of the result:
  // k = max(bitlen(x) - DBL_MANT_DIG, DBL_MIN_EXP - DBL_MANT_DIG - s), which
  // is 2 or 3 (x has 55 or 56 bits, or fewer for a subnormal result).
  int64_t xbits = x == 0 ? 0 : 64 - __builtin_clzll(x);
  int64_t k = xbits - 53;
  if (k < -1074 - s) k = -1074 - s;
  if (k > 0) {
    uint64_t mask = (static_cast<uint64_t>(1) << k) - 1;
    uint64_t half = static_cast<uint64_t>(1) << (k - 1);
    uint64_t low = x & mask;
    bool up = low > half || (low == half && (inexact || ((x >> k) & 1) != 0));
    x &= ~mask;
    if (up) x += mask + 1;
  }
  double result = ldexp(static_cast<double>(x), static_cast<int>(s));
  if (isinf(result)) return raise(ErrorId::IntDivisionResultTooLarge);
  return molt_from_double(neg ? -result : result);
}

// --- unary --------------------------------------------------------------------------------

Value int_neg(Value a) {
  if (molt_is_small_int(a)) return int_from_i64_inline(-molt_as_small_int(a));
  IntView va(a);
  return int_from_digits(va.d, va.n, !va.neg && va.n != 0);
}

Value int_abs(Value a) {
  if (molt_is_small_int(a)) {
    int64_t i = molt_as_small_int(a);
    return int_from_i64_inline(i < 0 ? -i : i);
  }
  IntView va(a);
  if (!va.neg) return int_exact(a);
  return int_from_digits(va.d, va.n, false);
}

Value int_invert(Value a) {
  // ~a == -(a + 1).
  if (molt_is_small_int(a)) return molt_from_small_int(~molt_as_small_int(a));
  IntView va(a);
  const digit one = 1;
  if (va.neg) return add_signed(va.d, va.n, false, &one, 1, true);  // |a| - 1
  return add_signed(va.d, va.n, true, &one, 1, true);               // -(|a| + 1)
}

}  // namespace molt
