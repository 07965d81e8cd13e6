// int_mul.cc — bigint multiplication and squaring: schoolbook below a
// threshold (with 64-bit-limb kernels on 64-bit hosts), Karatsuba above
// it, and Toom-3 for large balanced operands; unbalanced products are cut
// into balanced pieces.
//
// Karatsuba here is the "subtractive" form: with a = a1*B^h + a0 and
// b = b1*B^h + b0,
//   a*b = z2*B^2h + (z0 + z2 - (a0-a1)(b0-b1))*B^h + z0,
// where z0 = a0*b0 and z2 = a1*b1. Working with |a0-a1| and |b0-b1| keeps
// every temporary at h digits (no carry digit), and the sign of the product
// of differences is tracked separately.
#include "objects/int_impl.h"

namespace molt {
namespace mp {

#if MOLT_MP_WIDE

// --- 64-bit-limb schoolbook kernels ---------------------------------------------------
//
// On 64-bit hosts with a 64x64->128 multiply (x86-64, AArch64) the leaves
// of Karatsuba and Toom-3, where most multiplication time goes, treat pairs
// of 32-bit digits as 64-bit limbs: one 64-bit multiply does the work of
// four 32-bit ones. Digits stay 32-bit in memory (the format of IntObject
// and of the wasm32 build); on a little-endian machine two consecutive
// digits are exactly one 64-bit limb, read and written with memcpy
// (unaligned access is fine). An odd top digit is handled with the 32-bit
// primitives.

namespace {

using u64 = uint64_t;
using u128 = unsigned __int128;

inline u64 load64(const digit* p) {
  u64 v;
  memcpy(&v, p, sizeof v);
  return v;
}
inline void store64(digit* p, u64 v) {
  memcpy(p, &v, sizeof v);
}

// r[0..2*la) += a[0..2*la) * m, as la limbs; returns the carry limb.
// (2^64-1)^2 + 2*(2^64-1) = 2^128-1, so the 128-bit accumulator never
// overflows.
u64 addmul64(digit* r, const digit* a, size_t la, u64 m) {
  u64 c = 0;
  size_t i = 0;
  for (; i + 2 <= la; i += 2) {
    u128 t0 = static_cast<u128>(load64(a + 2 * i)) * m + load64(r + 2 * i) + c;
    store64(r + 2 * i, static_cast<u64>(t0));
    u128 t1 =
        static_cast<u128>(load64(a + 2 * i + 2)) * m + load64(r + 2 * i + 2) + static_cast<u64>(t0 >> 64);
    store64(r + 2 * i + 2, static_cast<u64>(t1));
    c = static_cast<u64>(t1 >> 64);
  }
  if (i < la) {
    u128 t = static_cast<u128>(load64(a + 2 * i)) * m + load64(r + 2 * i) + c;
    store64(r + 2 * i, static_cast<u64>(t));
    c = static_cast<u64>(t >> 64);
  }
  return c;
}

// r[0..2*la) += a * (m0 + m1*2^64) over la limbs of a; the two carry limbs
// for limbs la and la+1 are returned in *c0 and *c1. Each step does both
// products with one load and one store of r, and its carry chain is half
// as long per product as two addmul64 passes.
void addmul64_2(digit* r, const digit* a, size_t la, u64 m0, u64 m1, u64* c0, u64* c1) {
  u64 lo = 0, hi = 0;  // pending carries into limbs i and i+1
  for (size_t i = 0; i < la; ++i) {
    u64 x = load64(a + 2 * i);
    u128 p0 = static_cast<u128>(x) * m0 + load64(r + 2 * i) + lo;
    store64(r + 2 * i, static_cast<u64>(p0));
    u128 p1 = static_cast<u128>(x) * m1 + static_cast<u64>(p0 >> 64) + hi;
    lo = static_cast<u64>(p1);
    hi = static_cast<u64>(p1 >> 64);
  }
  *c0 = lo;
  *c1 = hi;
}

}  // namespace

void mul_basecase_wide(digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  // a = ae + at*B^(na-1) when na is odd (likewise b); the limb kernel forms
  // ae*be, then the odd digits' rows are added with 32-bit primitives:
  // bt*ae at digit nb-1, and at*b (all of b) at digit na-1.
  size_t la = na / 2, lb = nb / 2;
  memset(r, 0, (na + nb) * sizeof(digit));
  size_t j = 0;
  for (; j + 2 <= lb; j += 2) {
    // Rows j and j+1 add into limbs [j, j+la] and leave carries for limbs
    // j+la and j+la+1; no earlier row has written those.
    u64 c0, c1;
    addmul64_2(r + 2 * j, a, la, load64(b + 2 * j), load64(b + 2 * j + 2), &c0, &c1);
    store64(r + 2 * (j + la), c0);
    store64(r + 2 * (j + la + 1), c1);
  }
  if (j < lb) store64(r + 2 * j + 2 * la, addmul64(r + 2 * j, a, la, load64(b + 2 * j)));
  if (nb % 2 != 0) {
    size_t off = nb - 1;
    digit c = addmul_1(r + off, a, 2 * la, b[nb - 1]);
    add_1(r + off + 2 * la, r + off + 2 * la, na + nb - off - 2 * la, c);
  }
  if (na % 2 != 0) r[na + nb - 1] += addmul_1(r + na - 1, b, nb, a[na - 1]);
}

void sqr_basecase_wide(digit* r, const digit* a, size_t n) {
  size_t ln = n / 2;
  memset(r, 0, 2 * n * sizeof(digit));
  // Off-diagonal limb products once, then doubled, then the limb squares.
  for (size_t i = 0; i + 1 < ln; ++i) {
    store64(r + 2 * (ln + i), addmul64(r + 2 * (2 * i + 1), a + 2 * (i + 1), ln - i - 1, load64(a + 2 * i)));
  }
  lshift(r, r, 4 * ln, 1);
  u64 c = 0;
  for (size_t i = 0; i < ln; ++i) {
    u64 x = load64(a + 2 * i);
    u128 p = static_cast<u128>(x) * x;
    u128 lo = static_cast<u128>(load64(r + 4 * i)) + static_cast<u64>(p) + c;
    store64(r + 4 * i, static_cast<u64>(lo));
    u128 hi =
        static_cast<u128>(load64(r + 4 * i + 2)) + static_cast<u64>(p >> 64) + static_cast<u64>(lo >> 64);
    store64(r + 4 * i + 2, static_cast<u64>(hi));
    c = static_cast<u64>(hi >> 64);
  }
  if (n % 2 != 0) {
    // a = ae + at*B^(n-1): add 2*at*ae*B^(n-1) + at^2*B^(2n-2). The
    // digits from 2n-2 up are still zero.
    digit at = a[n - 1];
    for (int twice = 0; twice < 2; ++twice) {
      digit carry = addmul_1(r + n - 1, a, n - 1, at);
      add_1(r + 2 * n - 2, r + 2 * n - 2, 2, carry);
    }
    u64 sq = static_cast<u64>(at) * at;
    store64(r + 2 * n - 2, load64(r + 2 * n - 2) + sq);
  }
}

#endif  // MOLT_MP_WIDE

namespace {

// Operand sizes (in 32-bit digits) from which the recursive algorithms pay
// off, measured with bench/runtime/int_bench on x86-64.
constexpr size_t kKaratsubaThreshold = 64;
constexpr size_t kKaratsubaSqrThreshold = 96;
constexpr size_t kToom3Threshold = 400;
constexpr size_t kToom3SqrThreshold = 400;

void sqr_basecase(digit* r, const digit* a, size_t n) {
#if MOLT_MP_WIDE
  if (n >= 2) {
    sqr_basecase_wide(r, a, n);
    return;
  }
#endif
  // Off-diagonal products a[i]*a[j] (i < j) once, doubled, plus the squares.
  memset(r, 0, 2 * n * sizeof(digit));
  for (size_t i = 0; i + 1 < n; ++i) r[n + i] = addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
  lshift(r, r, 2 * n, 1);
  ddigit c = 0;
  for (size_t i = 0; i < n; ++i) {
    ddigit p = static_cast<ddigit>(a[i]) * a[i];
    c += static_cast<ddigit>(r[2 * i]) + static_cast<digit>(p);
    r[2 * i] = static_cast<digit>(c);
    c >>= kDigitBits;
    c += static_cast<ddigit>(r[2 * i + 1]) + (p >> kDigitBits);
    r[2 * i + 1] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
}

// out[0..nx) = |x - y| where x has nx digits and y has ny <= nx digits (both
// possibly with leading zeros). Returns true if x < y.
bool abs_diff(digit* out, const digit* x, size_t nx, const digit* y, size_t ny) {
  bool x_less;
  size_t top = nx;
  while (top > ny && x[top - 1] == 0) --top;
  if (top > ny) {
    x_less = false;
  } else {
    x_less = cmp_n(x, y, ny) < 0;
  }
  if (!x_less) {
    sub(out, x, nx, y, ny);
  } else {
    // x < y implies x's digits above ny are zero.
    sub_n(out, y, x, ny);
    memset(out + ny, 0, (nx - ny) * sizeof(digit));
  }
  return x_less;
}

void mul_rec(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s);
void sqr_rec(digit* r, const digit* a, size_t n, Scratch& s);

// r = a * b for na >= nb, cutting a into nb-digit pieces so that each
// partial product is balanced.
void mul_chunked(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s) {
  mul_rec(r, a, nb, b, nb, s);
  size_t m = s.mark();
  digit* tmp = s.take(2 * nb);
  for (size_t off = nb; off < na; off += nb) {
    size_t len = na - off < nb ? na - off : nb;
    if (len >= nb) {
      mul_rec(tmp, a + off, len, b, nb, s);
    } else {
      mul_rec(tmp, b, nb, a + off, len, s);
    }
    // r[off..off+nb) holds the top of the previous partial product; the
    // digits above it are not written yet.
    digit c = add_into(r + off, nb, tmp, nb);
    add_1(r + off + nb, tmp + nb, len, c);
  }
  s.release(m);
}

// Karatsuba for nb <= na < 2*nb with h = ceil(na/2) < nb.
void karatsuba(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s) {
  size_t h = (na + 1) / 2;
  size_t n1a = na - h, n1b = nb - h;
  mul_rec(r, a, h, b, h, s);                      // z0 -> r[0..2h)
  mul_rec(r + 2 * h, a + h, n1a, b + h, n1b, s);  // z2 -> r[2h..na+nb)
  size_t m = s.mark();
  digit* da = s.take(h);
  digit* db = s.take(h);
  digit* z1 = s.take(2 * h);
  digit* t = s.take(2 * h + 1);
  bool neg = abs_diff(da, a, h, a + h, n1a) != abs_diff(db, b, h, b + h, n1b);
  mul_rec(z1, da, h, db, h, s);
  // t = z0 + z2 -/+ z1: the middle coefficient a0*b1 + a1*b0 (non-negative).
  memcpy(t, r, 2 * h * sizeof(digit));
  t[2 * h] = 0;
  add_into(t, 2 * h + 1, r + 2 * h, na + nb - 2 * h);
  if (neg) {
    add_into(t, 2 * h + 1, z1, 2 * h);
  } else {
    sub_into(t, 2 * h + 1, z1, 2 * h);
  }
  size_t room = na + nb - h;
  add_into(r + h, room, t, 2 * h + 1 < room ? 2 * h + 1 : room);
  s.release(m);
}

void karatsuba_sqr(digit* r, const digit* a, size_t n, Scratch& s) {
  size_t h = (n + 1) / 2;
  size_t n1 = n - h;
  sqr_rec(r, a, h, s);
  sqr_rec(r + 2 * h, a + h, n1, s);
  size_t m = s.mark();
  digit* da = s.take(h);
  digit* z1 = s.take(2 * h);
  digit* t = s.take(2 * h + 1);
  abs_diff(da, a, h, a + h, n1);
  sqr_rec(z1, da, h, s);
  memcpy(t, r, 2 * h * sizeof(digit));
  t[2 * h] = 0;
  add_into(t, 2 * h + 1, r + 2 * h, 2 * n1);
  sub_into(t, 2 * h + 1, z1, 2 * h);
  size_t room = 2 * n - h;
  add_into(r + h, room, t, 2 * h + 1 < room ? 2 * h + 1 : room);
  s.release(m);
}

// --- Toom-3 ---------------------------------------------------------------------------
//
// a = a2*x^2 + a1*x + a0 and b likewise, with x = B^k. The product's five
// coefficients c0..c4 are recovered from the values at 0, 1, -1, 2 and
// infinity (v0, v1, vm1, v2, vinf):
//   c0 = v0, c4 = vinf,
//   S = (v1 + vm1)/2 = c0 + c2 + c4   ->  c2 = S - c0 - c4
//   D = (v1 - vm1)/2 = c1 + c3
//   E = (v2 - c0 - 4*c2 - 16*c4)/2 = c1 + 4*c3
//   c3 = (E - D)/3,  c1 = D - c3.
// Every quantity except vm1 is non-negative, so the W-digit buffers are
// handled as two's complement modulo B^W: vm1 is negated in place when
// negative, and all later results are exact non-negative values < B^W.

// Divides x[0..n) by 3 in place, given that the division is exact (modulo
// B^n): multiplies by the inverse of 3 digit by digit.
void divexact_by3(digit* x, size_t n) {
  constexpr digit kInv3 = 0xAAAAAAABu;  // 3 * kInv3 == 1 (mod 2^32)
  digit borrow = 0;
  for (size_t i = 0; i < n; ++i) {
    digit xi = x[i];
    digit t = xi - borrow;
    digit b1 = xi < borrow;
    digit q = t * kInv3;
    x[i] = q;
    // 3*q = t + 2^32 * hi; hi is what the next digit still owes.
    digit hi = static_cast<digit>((static_cast<ddigit>(q) * 3) >> kDigitBits);
    borrow = hi + b1;
  }
}

void negate_n(digit* x, size_t n) {
  for (size_t i = 0; i < n; ++i) x[i] = ~x[i];
  add_1(x, x, n, 1);
}

// e[0..k+1) = a0 + a1 + a2 where a1 has k digits and a2 n2 <= k digits.
void eval_at_1(digit* e, const digit* a, size_t k, size_t n2) {
  e[k] = add_n(e, a, a + k, k);
  add_into(e, k + 1, a + 2 * k, n2);
}

// e[0..k+1) = |a0 - a1 + a2|; returns true when negative.
bool eval_at_m1(digit* e, const digit* a, size_t k, size_t n2) {
  memcpy(e, a, k * sizeof(digit));
  e[k] = 0;
  add_into(e, k + 1, a + 2 * k, n2);
  return abs_diff(e, e, k + 1, a + k, k);
}

// e[0..k+1) = a0 + 2*a1 + 4*a2 (Horner from the top).
void eval_at_2(digit* e, const digit* a, size_t k, size_t n2) {
  memcpy(e, a + 2 * k, n2 * sizeof(digit));
  memset(e + n2, 0, (k + 1 - n2) * sizeof(digit));
  lshift(e, e, k + 1, 1);
  add_into(e, k + 1, a + k, k);
  lshift(e, e, k + 1, 1);
  add_into(e, k + 1, a, k);
}

// Given v1, vm1 (already two's complement), v2 in W-digit buffers, c0 in
// r[0..2k) and c4 in r[4k..4k+n4), writes the product into r[0..rn).
void toom3_interpolate(digit* r, size_t rn, size_t k, size_t n4, digit* v1, digit* vm1, digit* v2, digit* tmp,
                       size_t w) {
  const digit* c0 = r;
  const digit* c4 = r + 4 * k;
  add_n(vm1, v1, vm1, w);  // 2S
  rshift(vm1, vm1, w, 1);  // S
  sub_n(v1, v1, vm1, w);   // D = v1 - S
  sub_into(vm1, w, c0, 2 * k);
  sub_into(vm1, w, c4, n4);  // c2
  sub_into(v2, w, c0, 2 * k);
  lshift(tmp, vm1, w, 2);
  sub_n(v2, v2, tmp, w);
  memcpy(tmp, c4, n4 * sizeof(digit));
  memset(tmp + n4, 0, (w - n4) * sizeof(digit));
  lshift(tmp, tmp, w, 4);
  sub_n(v2, v2, tmp, w);
  rshift(v2, v2, w, 1);  // E
  sub_n(v2, v2, v1, w);
  divexact_by3(v2, w);   // c3
  sub_n(v1, v1, v2, w);  // c1
  memset(r + 2 * k, 0, 2 * k * sizeof(digit));
  const digit* coef[3] = {v1, vm1, v2};
  for (size_t i = 0; i < 3; ++i) {
    size_t off = (i + 1) * k;
    size_t room = rn - off;
    size_t len = normalized_size(coef[i], w);
    add_into(r + off, room, coef[i], len < room ? len : room);
  }
}

void toom3(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s) {
  size_t k = (na + 2) / 3;
  size_t n2a = na - 2 * k, n2b = nb - 2 * k;
  size_t w = 2 * k + 2;
  mul_rec(r, a, k, b, k, s);  // v0
  if (n2a >= n2b) {
    mul_rec(r + 4 * k, a + 2 * k, n2a, b + 2 * k, n2b, s);  // vinf
  } else {
    mul_rec(r + 4 * k, b + 2 * k, n2b, a + 2 * k, n2a, s);
  }
  size_t m = s.mark();
  digit* ea = s.take(k + 1);
  digit* eb = s.take(k + 1);
  digit* v1 = s.take(w);
  digit* vm1 = s.take(w);
  digit* v2 = s.take(w);
  digit* tmp = s.take(w);
  eval_at_1(ea, a, k, n2a);
  eval_at_1(eb, b, k, n2b);
  mul_rec(v1, ea, k + 1, eb, k + 1, s);
  bool neg = eval_at_m1(ea, a, k, n2a) != eval_at_m1(eb, b, k, n2b);
  mul_rec(vm1, ea, k + 1, eb, k + 1, s);
  if (neg) negate_n(vm1, w);
  eval_at_2(ea, a, k, n2a);
  eval_at_2(eb, b, k, n2b);
  mul_rec(v2, ea, k + 1, eb, k + 1, s);
  toom3_interpolate(r, na + nb, k, n2a + n2b, v1, vm1, v2, tmp, w);
  s.release(m);
}

void toom3_sqr(digit* r, const digit* a, size_t n, Scratch& s) {
  size_t k = (n + 2) / 3;
  size_t n2 = n - 2 * k;
  size_t w = 2 * k + 2;
  sqr_rec(r, a, k, s);
  sqr_rec(r + 4 * k, a + 2 * k, n2, s);
  size_t m = s.mark();
  digit* ea = s.take(k + 1);
  digit* v1 = s.take(w);
  digit* vm1 = s.take(w);
  digit* v2 = s.take(w);
  digit* tmp = s.take(w);
  eval_at_1(ea, a, k, n2);
  sqr_rec(v1, ea, k + 1, s);
  eval_at_m1(ea, a, k, n2);
  sqr_rec(vm1, ea, k + 1, s);
  eval_at_2(ea, a, k, n2);
  sqr_rec(v2, ea, k + 1, s);
  toom3_interpolate(r, 2 * n, k, 2 * n2, v1, vm1, v2, tmp, w);
  s.release(m);
}

void mul_rec(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s) {
  if (a == b && na == nb) {
    sqr_rec(r, a, na, s);
    return;
  }
  if (nb < kKaratsubaThreshold) {
    mul_basecase(r, a, na, b, nb);
    return;
  }
  if (2 * nb <= na) {
    mul_chunked(r, a, na, b, nb, s);
    return;
  }
  if (nb >= kToom3Threshold && 3 * nb > 2 * na + 6) {
    toom3(r, a, na, b, nb, s);
    return;
  }
  if (nb <= (na + 1) / 2) {
    mul_chunked(r, a, na, b, nb, s);
    return;
  }
  karatsuba(r, a, na, b, nb, s);
}

void sqr_rec(digit* r, const digit* a, size_t n, Scratch& s) {
  if (n < kKaratsubaSqrThreshold) {
    if (n == 0) return;
    sqr_basecase(r, a, n);
  } else if (n >= kToom3SqrThreshold) {
    toom3_sqr(r, a, n, s);
  } else {
    karatsuba_sqr(r, a, n, s);
  }
}

}  // namespace

void mul_basecase(digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
#if MOLT_MP_WIDE
  if (nb >= 2) {
    mul_basecase_wide(r, a, na, b, nb);
    return;
  }
#endif
  r[na] = mul_1(r, a, na, b[0]);
  for (size_t j = 1; j < nb; ++j) r[na + j] = addmul_1(r + j, a, na, b[j]);
}

size_t mul_scratch_size(size_t na, size_t nb) {
  // Karatsuba takes about 6h digits per level and Toom-3 about 14k (k the
  // third of the size) plus its recursion; 12x the longer operand covers
  // both with room to spare (see the ScratchBound test).
  size_t n = na > nb ? na : nb;
  return 12 * n + 64 * 32;
}

void mul(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s) {
  mul_rec(r, a, na, b, nb, s);
}

void sqr(digit* r, const digit* a, size_t n, Scratch& s) {
  sqr_rec(r, a, n, s);
}

bool mul_alloc(digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  if (na < nb) {
    const digit* t = a;
    a = b;
    b = t;
    size_t tn = na;
    na = nb;
    nb = tn;
  }
  if (nb < kKaratsubaThreshold && !(a == b && na == nb)) {
    mul_basecase(r, a, na, b, nb);
    return true;
  }
  Scratch s;
  if (!s.init(mul_scratch_size(na, nb))) return false;
  mul_rec(r, a, na, b, nb, s);
  return true;
}

}  // namespace mp
}  // namespace molt
