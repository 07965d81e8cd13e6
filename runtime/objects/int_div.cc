// int_div.cc — bigint division: by a single digit, Knuth's algorithm D for
// small divisors or quotients, and Burnikel–Ziegler recursive division
// (cost about two multiplications of the same size, so sub-quadratic with
// Karatsuba/Toom-3) when both the divisor and the quotient are large.
//
// All routines produce the truncated quotient and remainder of magnitudes;
// int_arith.cc applies Python's floor rules on top.
#include "objects/int_impl.h"

namespace molt {
namespace mp {

namespace {

// Below this many divisor digits Burnikel–Ziegler recursion stops and
// algorithm D runs (measured: the crossover is flat between 40 and 100).
constexpr size_t kBZThreshold = 60;

constexpr ddigit kBase = static_cast<ddigit>(1) << kDigitBits;

// Algorithm D on a divisor whose top bit is set. u[0..nu) is replaced by the
// remainder in u[0..nv) (digits above become zero); q[0..nu-nv) receives the
// quotient. Precondition: the top nv digits of u are less than v, so the
// quotient fits in nu - nv digits. nv >= 2.
void knuth_normalized(digit* q, digit* u, size_t nu, const digit* v, size_t nv) {
  const digit vtop = v[nv - 1];
  const digit vnext = v[nv - 2];
  for (size_t j = nu - nv; j-- > 0;) {
    // Estimate the quotient digit from the top two digits of the window
    // u[j..j+nv] and refine it with the next divisor digit; the estimate is
    // then at most one too large.
    ddigit num = (static_cast<ddigit>(u[j + nv]) << kDigitBits) | u[j + nv - 1];
    ddigit qhat = num / vtop;
    ddigit rhat = num - qhat * vtop;
    while (qhat >= kBase || qhat * vnext > ((rhat << kDigitBits) | u[j + nv - 2])) {
      --qhat;
      rhat += vtop;
      if (rhat >= kBase) break;
    }
    digit borrow = submul_1(u + j, v, nv, static_cast<digit>(qhat));
    digit top = u[j + nv];
    u[j + nv] = top - borrow;
    if (top < borrow) {
      // The estimate was one too large: add the divisor back.
      --qhat;
      digit c = add_n(u + j, u + j, v, nv);
      u[j + nv] += c;
    }
    q[j] = static_cast<digit>(qhat);
  }
}

void div2n1n(digit* q, digit* a, const digit* b, size_t n, Scratch& s);

// Divides the 3h-digit a by the 2h-digit b = [b_lo, b_hi] (top bit set),
// given a < b * B^h. q[0..h) gets the quotient, a[0..2h) the remainder and
// a[2h..3h) becomes zero.
void div3n2n(digit* q, digit* a, const digit* b, size_t h, Scratch& s) {
  const digit* b_lo = b;
  const digit* b_hi = b + h;
  digit* a_hi = a + 2 * h;  // A1
  int64_t top = 0;          // digit above a[3h) in the running value, signed
  if (cmp_n(a_hi, b_hi, h) < 0) {
    // Qhat = [A1 A2] / B1, remainder R1 left in a[h..2h).
    div2n1n(q, a + h, b_hi, h, s);
  } else {
    // A1 == B1 here (a < b*B^h forces A1 <= B1). Qhat = B^h - 1 and
    // R1 = [A1 A2] - Qhat*B1 = [A1 A2] - B1*B^h + B1.
    memset(q, 0xFF, h * sizeof(digit));
    top -= sub_into(a + 2 * h, h, b_hi, h);
    top += add_into(a + h, 2 * h, b_hi, h);
  }
  // R = R1*B^h + A3 - Qhat*B2; while R < 0: Qhat -= 1, R += b.
  size_t m = s.mark();
  digit* d = s.take(2 * h);
  mul(d, q, h, b_lo, h, s);
  top -= sub_into(a, 3 * h, d, 2 * h);
  while (top < 0) {
    sub_1(q, q, h, 1);
    top += add_into(a, 3 * h, b, 2 * h);
  }
  s.release(m);
}

// Divides the 2n-digit a by the n-digit b (top bit set), given a < b*B^n.
// q[0..n) gets the quotient; a[0..n) the remainder, a[n..2n) becomes zero.
void div2n1n(digit* q, digit* a, const digit* b, size_t n, Scratch& s) {
  if (n % 2 != 0 || n < kBZThreshold) {
    knuth_normalized(q, a, 2 * n, b, n);
    return;
  }
  size_t h = n / 2;
  div3n2n(q + h, a + h, b, h, s);
  div3n2n(q, a, b, h, s);
}

bool bz_divrem(digit* q, digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  // Block size n >= nb of the form j*2^k with j <= kBZThreshold, so the
  // recursion halves evenly down to algorithm D.
  size_t j = nb, k = 0;
  while (j > kBZThreshold) {
    j = (j + 1) / 2;
    ++k;
  }
  size_t n = j << k;
  unsigned bits = static_cast<unsigned>(__builtin_clz(b[nb - 1]));
  size_t pad = n - nb;
  // a' = a << (pad digits + bits), cut into t >= 2 blocks of n digits. The
  // first step needs its top block below b'; as b' >= B^n/2 > top/2, one
  // subtraction of b' (a quotient digit 1 above the others) ensures it.
  uint64_t abits = bit_length(a, na) + static_cast<uint64_t>(pad) * kDigitBits + bits;
  uint64_t block_bits = static_cast<uint64_t>(n) * kDigitBits;
  size_t t = static_cast<size_t>((abits + block_bits - 1) / block_bits);
  if (t < 2) t = 2;

  Scratch s;
  if (!s.init(n + t * n + (t - 1) * n + 1 + 2 * n + 14 * n + 4096)) return false;
  digit* bs = s.take(n);
  memset(bs, 0, pad * sizeof(digit));
  lshift(bs + pad, b, nb, bits);
  digit* as = s.take(t * n);
  memset(as, 0, t * n * sizeof(digit));
  digit carry = lshift(as + pad, a, na, bits);
  if (pad + na < t * n) as[pad + na] = carry;
  digit* qs = s.take((t - 1) * n + 1);
  digit* top = as + (t - 1) * n;
  qs[(t - 1) * n] = cmp_n(top, bs, n) >= 0;
  if (qs[(t - 1) * n] != 0) sub_n(top, top, bs, n);
  digit* z = s.take(2 * n);
  memcpy(z, as + (t - 2) * n, 2 * n * sizeof(digit));
  for (size_t i = t - 1; i-- > 0;) {
    div2n1n(qs + i * n, z, bs, n, s);
    if (i > 0) {
      memcpy(z + n, z, n * sizeof(digit));
      memcpy(z, as + (i - 1) * n, n * sizeof(digit));
    }
  }
  if (q != nullptr) {
    size_t qn = na - nb + 1;
    size_t have = (t - 1) * n + 1;
    if (have >= qn) {
      memcpy(q, qs, qn * sizeof(digit));
    } else {
      memcpy(q, qs, have * sizeof(digit));
      memset(q + have, 0, (qn - have) * sizeof(digit));
    }
  }
  if (r != nullptr) {
    // The remainder is z[0..n) = (a mod b) << (pad digits + bits).
    rshift(r, z + pad, nb, bits);
  }
  return true;
}

}  // namespace

digit divrem_1(digit* q, const digit* a, size_t n, digit d) {
  ddigit rem = 0;
  for (size_t i = n; i-- > 0;) {
    ddigit cur = (rem << kDigitBits) | a[i];
    digit qd = static_cast<digit>(cur / d);
    rem = cur - static_cast<ddigit>(qd) * d;
    q[i] = qd;
  }
  return static_cast<digit>(rem);
}

digit mod_1(const digit* a, size_t n, digit d) {
  ddigit rem = 0;
  for (size_t i = n; i-- > 0;) rem = ((rem << kDigitBits) | a[i]) % d;
  return static_cast<digit>(rem);
}

bool divrem(digit* q, digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  if (nb >= kBZThreshold && na - nb >= kBZThreshold) return bz_divrem(q, r, a, na, b, nb);
  // Algorithm D on copies shifted so the divisor's top bit is set.
  unsigned bits = static_cast<unsigned>(__builtin_clz(b[nb - 1]));
  Scratch s;
  if (!s.init(nb + (na + 1) + (na - nb + 1))) return false;
  digit* v = s.take(nb);
  digit* u = s.take(na + 1);
  digit* qq = s.take(na - nb + 1);
  lshift(v, b, nb, bits);
  u[na] = lshift(u, a, na, bits);
  knuth_normalized(qq, u, na + 1, v, nb);
  if (q != nullptr) memcpy(q, qq, (na - nb + 1) * sizeof(digit));
  if (r != nullptr) rshift(r, u, nb, bits);
  return true;
}

}  // namespace mp
}  // namespace molt
