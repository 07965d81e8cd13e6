// int_big_test.cc — randomized identity checks of int arithmetic on large
// values (about 10,000 decimal digits, and unbalanced shapes): the results
// must satisfy the defining identities of Python's operators, which tests
// the sub-quadratic algorithms end to end through the Value layer.
#include <gtest/gtest.h>

#include <vector>

#include "objects/int_test_util.h"

namespace molt {
namespace {

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// A random int of `bits` bits (top bit set) with a random sign.
Value random_int(Rng& rng, size_t bits, bool allow_negative = true) {
  std::vector<uint8_t> bytes((bits + 7) / 8);
  for (auto& b : bytes) b = static_cast<uint8_t>(rng.next());
  unsigned top = static_cast<unsigned>((bits - 1) % 8);
  bytes.back() &= static_cast<uint8_t>((2u << top) - 1);
  bytes.back() |= static_cast<uint8_t>(1u << top);
  Value v = int_from_bytes(bytes.data(), bytes.size(), true, false);
  if (allow_negative && (rng.next() & 1)) {
    Value n = int_neg(v);
    decref(v);
    return n;
  }
  return v;
}

bool eq(Value a, Value b) {
  return int_compare(a, b) == 0;
}

constexpr size_t kTenThousandDigits = 33220;  // bits of a 10,000-digit number

TEST(IntBig, ProductQuotientIdentities) {
  Rng rng(10);
  const size_t shapes[][2] = {{kTenThousandDigits, kTenThousandDigits},
                              {kTenThousandDigits, kTenThousandDigits / 3},
                              {kTenThousandDigits, 1700},
                              {kTenThousandDigits, 64},
                              {kTenThousandDigits, 33},
                              {5000, 4990}};
  for (auto& shape : shapes) {
    for (int rep = 0; rep < 3; ++rep) {
      Ref a(random_int(rng, shape[0])), b(random_int(rng, shape[1]));
      Ref p(int_mul(a.get(), b.get()));
      ASSERT_FALSE(p.is_error());
      EXPECT_TRUE(testing::normalized(p.get()));
      // (a*b) // b == a and (a*b) % b == 0.
      Ref q(int_floordiv(p.get(), b.get()));
      EXPECT_TRUE(eq(q.get(), a.get())) << shape[0] << "x" << shape[1];
      Ref m(int_mod(p.get(), b.get()));
      EXPECT_EQ(int_sign(m.get()), 0);
      // divmod(a, b): a == q*b + r with r of b's sign and |r| < |b|.
      Value qr[2];
      ASSERT_TRUE(int_divmod_parts(a.get(), b.get(), &qr[0], &qr[1]));
      Ref q2(qr[0]), r2(qr[1]);
      Ref qb(int_mul(q2.get(), b.get()));
      Ref back(int_add(qb.get(), r2.get()));
      EXPECT_TRUE(eq(back.get(), a.get()));
      EXPECT_TRUE(int_sign(r2.get()) == 0 || int_sign(r2.get()) == int_sign(b.get()));
      Ref absr(int_abs(r2.get())), absb(int_abs(b.get()));
      EXPECT_LT(int_compare(absr.get(), absb.get()), 0);
      // a*(b+1) == a*b + a.
      Ref b1(int_add(b.get(), molt_from_small_int(1)));
      Ref ab1(int_mul(a.get(), b1.get()));
      Ref sum(int_add(p.get(), a.get()));
      EXPECT_TRUE(eq(ab1.get(), sum.get()));
    }
  }
}

TEST(IntBig, SquaresAndPowers) {
  Rng rng(11);
  Ref a(random_int(rng, kTenThousandDigits));
  Ref a_copy(int_add(a.get(), molt_from_small_int(0)));
  Ref a_plus(int_add(a.get(), molt_from_small_int(1)));
  Ref a_back(int_sub(a_plus.get(), molt_from_small_int(1)));  // a distinct object equal to a
  ASSERT_NE(a.get(), a_back.get());
  Ref sq(int_mul(a.get(), a.get()));         // squaring path
  Ref prod(int_mul(a.get(), a_back.get()));  // general product path
  EXPECT_TRUE(eq(sq.get(), prod.get()));
  Ref cube(int_pow(a.get(), molt_from_small_int(3), MOLT_NONE));
  Ref cube2(int_mul(sq.get(), a.get()));
  EXPECT_TRUE(eq(cube.get(), cube2.get()));
  // 3**(2k) == (3**k)**2 and 6**k == 3**k << k.
  Ref p3(int_pow(molt_from_small_int(3), molt_from_small_int(50001), MOLT_NONE));
  Ref p3sq(int_mul(p3.get(), p3.get()));
  Ref p3b(int_pow(molt_from_small_int(3), molt_from_small_int(100002), MOLT_NONE));
  EXPECT_TRUE(eq(p3sq.get(), p3b.get()));
  Ref p6(int_pow(molt_from_small_int(6), molt_from_small_int(50001), MOLT_NONE));
  Ref p3s(int_lshift(p3.get(), molt_from_small_int(50001)));
  EXPECT_TRUE(eq(p6.get(), p3s.get()));
}

TEST(IntBig, BitwiseAndShiftIdentities) {
  Rng rng(12);
  for (int rep = 0; rep < 6; ++rep) {
    Ref a(random_int(rng, 5000 + rep * 300)), b(random_int(rng, 3000 + rep * 700));
    // (a & b) + (a | b) == a + b and (a ^ b) ^ b == a.
    Ref x(int_and(a.get(), b.get())), o(int_or(a.get(), b.get()));
    Ref lhs(int_add(x.get(), o.get())), rhs(int_add(a.get(), b.get()));
    EXPECT_TRUE(eq(lhs.get(), rhs.get()));
    Ref xr(int_xor(a.get(), b.get()));
    Ref xx(int_xor(xr.get(), b.get()));
    EXPECT_TRUE(eq(xx.get(), a.get()));
    // ~a == -a - 1; (a << k) >> k == a; a >> k == a // 2**k.
    Ref inv(int_invert(a.get()));
    Ref neg(int_neg(a.get()));
    Ref neg1(int_sub(neg.get(), molt_from_small_int(1)));
    EXPECT_TRUE(eq(inv.get(), neg1.get()));
    for (int k : {1, 31, 32, 33, 1000, 4097}) {
      Ref sh(int_lshift(a.get(), molt_from_small_int(k)));
      Ref back(int_rshift(sh.get(), molt_from_small_int(k)));
      EXPECT_TRUE(eq(back.get(), a.get()));
      Ref p2(int_lshift(molt_from_small_int(1), molt_from_small_int(k)));
      Ref fd(int_floordiv(a.get(), p2.get()));
      Ref rs(int_rshift(a.get(), molt_from_small_int(k)));
      EXPECT_TRUE(eq(fd.get(), rs.get())) << k;
    }
  }
}

TEST(IntBig, ModularPowerAndInverse) {
  Rng rng(13);
  for (int rep = 0; rep < 4; ++rep) {
    Ref m(random_int(rng, 600 + 200 * rep, false));
    Ref m_odd(int_or(m.get(), molt_from_small_int(1)));
    Ref a(random_int(rng, 900));
    Ref e1(random_int(rng, 70, false)), e2(random_int(rng, 40, false));
    // a^(e1+e2) == a^e1 * a^e2 (mod m).
    Ref e12(int_add(e1.get(), e2.get()));
    Ref x(int_pow(a.get(), e12.get(), m_odd.get()));
    Ref y1(int_pow(a.get(), e1.get(), m_odd.get())), y2(int_pow(a.get(), e2.get(), m_odd.get()));
    Ref y(int_mul(y1.get(), y2.get()));
    Ref ym(int_mod(y.get(), m_odd.get()));
    EXPECT_TRUE(eq(x.get(), ym.get()));
    // pow(a, -1, m) * a == 1 (mod m) whenever the inverse exists.
    Ref inv(int_pow(a.get(), molt_from_small_int(-1), m_odd.get()));
    if (inv.is_error()) {
      clear_error();
      continue;
    }
    Ref prod(int_mul(inv.get(), a.get()));
    Ref one(int_mod(prod.get(), m_odd.get()));
    EXPECT_TRUE(eq(one.get(), molt_from_small_int(1)));
  }
}

TEST(IntBig, DecimalRoundTrip) {
  Rng rng(14);
  g_int_max_str_digits = 0;
  for (size_t bits : {3000, 33220, 100000}) {
    Ref a(random_int(rng, bits));
    Ref s(int_repr(a.get()));
    ASSERT_FALSE(s.is_error());
    std::string text = testing::str_text(s.get());
    Ref back(int_from_string(text.data(), text.size(), 10));
    EXPECT_TRUE(eq(back.get(), a.get())) << bits;
    // Text of a*10^k ends in k zeros and starts with the text of a.
    Ref p10(int_pow(molt_from_small_int(10), molt_from_small_int(1234), MOLT_NONE));
    Ref scaled(int_mul(a.get(), p10.get()));
    Ref st(int_repr(scaled.get()));
    EXPECT_EQ(testing::str_text(st.get()), text + std::string(1234, '0'));
  }
  g_int_max_str_digits = 4300;
}

}  // namespace
}  // namespace molt
