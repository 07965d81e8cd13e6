// int_pow.cc — `a ** b` and `pow(a, b, m)` for ints, as CPython 3.12:
// negative exponents give a float (float(a) ** float(b)), three-argument
// pow reduces modulo |m| with the result taking m's sign, and a negative
// exponent with a modulus uses the modular inverse of the base.
//
// a ** b for b >= 0 is left-to-right binary exponentiation on digit arrays
// (squarings use the Karatsuba/Toom-3 squaring of int_mul.cc); factors of
// two in the base are split off and applied as one final shift, which makes
// 2**n and 10**n cheap.
#include "core/errors.h"
#include "objects/float.h"
#include "objects/int_impl.h"

namespace molt {

using mp::ddigit;
using mp::digit;
using mp::kDigitBits;

namespace {

// Bit i of the magnitude d[0..n).
inline bool test_bit(const digit* d, uint64_t i) {
  return (d[i / kDigitBits] >> (i % kDigitBits)) & 1;
}

// |base| ** e for e >= 2 with base > 1, as digits; result sign `neg`.
Value pow_big(const IntView& base, uint64_t e, bool neg) {
  // Split |base| = odd * 2^tz.
  size_t tzd = 0;
  while (base.d[tzd] == 0) ++tzd;
  unsigned tzb = static_cast<unsigned>(__builtin_ctz(base.d[tzd]));
  uint64_t tz = static_cast<uint64_t>(tzd) * kDigitBits + tzb;
  mp::Scratch oddbuf;
  size_t on = base.n - tzd;
  if (!oddbuf.init(on)) return raise_no_memory();
  digit* odd = oddbuf.take(on);
  mp::rshift(odd, base.d + tzd, on, tzb);
  on = mp::normalized_size(odd, on);
  uint64_t obits = mp::bit_length(odd, on);
  // The result has at most obits*e + tz*e bits; beyond the largest heap int
  // the computation cannot succeed (CPython would run out of memory).
  uint64_t shift, bound;
  constexpr uint64_t kMaxBits = static_cast<uint64_t>(mp::kMaxDigits) * kDigitBits;
  if (__builtin_mul_overflow(tz, e, &shift) || __builtin_mul_overflow(obits, e, &bound) || shift > kMaxBits ||
      bound > kMaxBits || shift + bound > kMaxBits) {
    return raise_no_memory();
  }
  size_t sd = static_cast<size_t>(shift / kDigitBits);
  unsigned sb = static_cast<unsigned>(shift % kDigitBits);
  size_t maxn = static_cast<size_t>(bound / kDigitBits) + on + 4;
  IntObject* o = int_alloc(maxn + sd + 1);
  if (o == nullptr) return MOLT_ERROR;
  digit* out = o->digits;
  memset(out, 0, (maxn + sd + 1) * sizeof(digit));
  if (on == 1 && odd[0] == 1) {
    out[sd] = static_cast<digit>(1) << sb;
    return int_finish(o, neg);
  }
  mp::Scratch s;
  if (!s.init(2 * maxn + mp::mul_scratch_size(maxn, maxn))) {
    free_object(&o->ob);
    return raise_no_memory();
  }
  digit* acc = s.take(maxn);
  digit* tmp = s.take(maxn);
  memcpy(acc, odd, on * sizeof(digit));
  size_t n = on;
  int top = 63 - __builtin_clzll(e);
  for (int i = top - 1; i >= 0; --i) {
    mp::sqr(tmp, acc, n, s);
    size_t tn = mp::normalized_size(tmp, 2 * n);
    digit* t = acc;
    acc = tmp;
    tmp = t;
    n = tn;
    if ((e >> i) & 1) {
      if (on == 1) {
        digit c = mp::mul_1(acc, acc, n, odd[0]);
        if (c != 0) acc[n++] = c;
      } else {
        mp::mul(tmp, acc, n, odd, on, s);
        tn = mp::normalized_size(tmp, n + on);
        t = acc;
        acc = tmp;
        tmp = t;
        n = tn;
      }
    }
  }
  out[sd + n] = mp::lshift(out + sd, acc, n, sb);
  return int_finish(o, neg);
}

// a ** e for a small exponent: 64-bit square-and-multiply while it fits.
// Returns MOLT_UNBOUND if an intermediate overflowed.
Value pow_i64(int64_t a, uint64_t e) {
  int64_t result = 1, base = a;
  for (;;) {
    if (e & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return MOLT_UNBOUND;
    }
    e >>= 1;
    if (e == 0) break;
    if (__builtin_mul_overflow(base, base, &base)) return MOLT_UNBOUND;
  }
  return int_from_i64_inline(result);
}

// float(a) ** float(b) for b < 0, as CPython's int.__pow__ delegates to float.
Value pow_negative_exponent(Value a, Value b) {
  bool overflow;
  double x = int_to_double(a, &overflow);
  if (overflow) return raise(ErrorId::IntTooLargeForFloat);
  double y = int_to_double(b, &overflow);
  if (overflow) return raise(ErrorId::IntTooLargeForFloat);
  return float_pow(x, y);
}

// The inverse of a modulo m (m > 1): extended Euclid on Values. Raises
// ValueError "base is not invertible for the given modulus".
Value mod_inverse(Value a, Value m) {
  Ref r0(int_mod(a, m));
  if (r0.is_error()) return MOLT_ERROR;
  Ref r1(new_ref(m));
  Ref s0(molt_from_small_int(1)), s1(molt_from_small_int(0));
  while (int_sign(r1.get()) != 0) {
    Ref q(int_floordiv(r0.get(), r1.get()));
    if (q.is_error()) return MOLT_ERROR;
    Ref qr(int_mul(q.get(), r1.get()));
    if (qr.is_error()) return MOLT_ERROR;
    Ref r2(int_sub(r0.get(), qr.get()));
    if (r2.is_error()) return MOLT_ERROR;
    Ref qs(int_mul(q.get(), s1.get()));
    if (qs.is_error()) return MOLT_ERROR;
    Ref s2(int_sub(s0.get(), qs.get()));
    if (s2.is_error()) return MOLT_ERROR;
    r0 = static_cast<Ref&&>(r1);
    r1 = static_cast<Ref&&>(r2);
    s0 = static_cast<Ref&&>(s1);
    s1 = static_cast<Ref&&>(s2);
  }
  if (r0.get() != molt_from_small_int(1)) return raise(ErrorId::IntPowNotInvertible);
  return int_mod(s0.get(), m);
}

// base ** exp modulo m, with 0 <= base < m, m >= 2, exp >= 0 (all ints).
Value pow_mod_positive(Value base, Value exp, Value m) {
  IntView vb(base), ve(exp), vm(m);
  uint64_t ebits = mp::bit_length(ve.d, ve.n);
  if (vm.n == 1) {
    // Single-digit modulus: products of residues fit in 64 bits.
    ddigit mod = vm.d[0];
    ddigit x = vb.n == 0 ? 0 : vb.d[0];
    ddigit acc = 1 % mod;
    for (uint64_t i = ebits; i-- > 0;) {
      acc = acc * acc % mod;
      if (test_bit(ve.d, i)) acc = acc * x % mod;
    }
    return int_from_u64(acc);
  }
  size_t n = vm.n;
  mp::Scratch s;
  if (!s.init(2 * n + 2 * n + mp::mul_scratch_size(n, n))) return raise_no_memory();
  digit* acc = s.take(n);
  digit* prod = s.take(2 * n);
  memset(acc, 0, n * sizeof(digit));
  acc[0] = 1;
  size_t an = 1;
  // acc = (acc * y) mod m, where prod holds the product.
  auto reduce = [&](size_t pn) -> bool {
    pn = mp::normalized_size(prod, pn);
    if (pn < n) {
      memcpy(acc, prod, pn * sizeof(digit));
      an = pn;
      return true;
    }
    if (!mp::divrem(nullptr, acc, prod, pn, vm.d, n)) return false;
    an = mp::normalized_size(acc, n);
    return true;
  };
  for (uint64_t i = ebits; i-- > 0;) {
    if (an != 0) {
      mp::sqr(prod, acc, an, s);
      if (!reduce(2 * an)) return raise_no_memory();
    }
    if (test_bit(ve.d, i) && an != 0) {
      if (vb.n == 0) {
        an = 0;
      } else {
        if (an >= vb.n) {
          mp::mul(prod, acc, an, vb.d, vb.n, s);
        } else {
          mp::mul(prod, vb.d, vb.n, acc, an, s);
        }
        if (!reduce(an + vb.n)) return raise_no_memory();
      }
    }
  }
  return int_from_digits(acc, an, false);
}

Value pow_mod(Value a, Value b, Value mod) {
  int msign = int_sign(mod);
  if (msign == 0) return raise(ErrorId::IntPowModZero);
  Ref m(int_abs(mod));
  if (m.is_error()) return MOLT_ERROR;
  if (m.get() == molt_from_small_int(1)) return molt_from_small_int(0);
  Ref base, exp;
  if (int_sign(b) < 0) {
    base = Ref(mod_inverse(a, m.get()));
    if (base.is_error()) return MOLT_ERROR;
    exp = Ref(int_neg(b));
  } else {
    base = Ref(int_mod(a, m.get()));
    exp = Ref::borrow(b);
  }
  if (base.is_error() || exp.is_error()) return MOLT_ERROR;
  Value r = pow_mod_positive(base.get(), exp.get(), m.get());
  if (molt_is_error(r) || msign > 0 || int_sign(r) == 0) return r;
  // A negative modulus gives a result in (m, 0], like %.
  Value adjusted = int_sub(r, m.get());
  decref(r);
  return adjusted;
}

}  // namespace

Value int_pow(Value a, Value b, Value mod) {
  if (mod != MOLT_NONE) return pow_mod(a, b, mod);
  if (int_sign(b) < 0) return pow_negative_exponent(a, b);
  IntView va(a), vb(b);
  // Bases whose powers never grow: 0, 1 and -1.
  if (vb.n == 0) return molt_from_small_int(1);
  if (va.n == 0) return molt_from_small_int(0);
  bool odd_exp = (vb.d[0] & 1) != 0;
  if (va.n == 1 && va.d[0] == 1) return molt_from_small_int(va.neg && odd_exp ? -1 : 1);
  if (vb.n > 2) return raise_no_memory();  // |a| >= 2 and b >= 2^64
  uint64_t e = vb.d[0] | (vb.n == 2 ? static_cast<uint64_t>(vb.d[1]) << kDigitBits : 0);
  if (e == 1) return int_exact(a);
  if (molt_is_small_int(a) && e < 64) {
    Value r = pow_i64(molt_as_small_int(a), e);
    if (r != MOLT_UNBOUND) return r;
  }
  return pow_big(va, e, va.neg && odd_exp);
}

}  // namespace molt
