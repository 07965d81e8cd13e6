// int_mp_test.cc — randomized cross-checks of the digit-level algorithms
// (int_mp.cc, int_mul.cc, int_div.cc): Karatsuba and Toom-3 products and
// squares against the schoolbook product, and quotient/remainder identities
// for algorithm D and Burnikel–Ziegler division, at sizes on both sides of
// every threshold and with digit patterns that stress carries.
#include <gtest/gtest.h>

#include <vector>

#include "objects/int_impl.h"

namespace molt::mp {
namespace {

// Deterministic generator (splitmix64).
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

// n digits with a nonzero top digit: random, all ones, sparse, or
// alternating runs, which stress carry and borrow propagation.
std::vector<digit> make(Rng& rng, size_t n) {
  std::vector<digit> d(n);
  switch (rng.below(4)) {
    case 0:
      for (auto& x : d) x = static_cast<digit>(rng.next());
      break;
    case 1:
      for (auto& x : d) x = 0xFFFFFFFFu;
      break;
    case 2:
      for (auto& x : d) x = rng.below(8) == 0 ? static_cast<digit>(rng.next()) : 0;
      break;
    default:
      for (size_t i = 0; i < n; ++i) d[i] = (i / 3) % 2 ? 0xFFFFFFFFu : static_cast<digit>(rng.below(3));
      break;
  }
  if (d[n - 1] == 0) d[n - 1] = 1 + static_cast<digit>(rng.below(0xFFFFFFFE));
  return d;
}

// The reference product: digit-by-digit schoolbook written here, independent
// of the library's kernels.
std::vector<digit> basecase_product(const std::vector<digit>& a, const std::vector<digit>& b) {
  std::vector<digit> r(a.size() + b.size());
  for (size_t j = 0; j < b.size(); ++j) {
    uint64_t carry = 0;
    for (size_t i = 0; i < a.size(); ++i) {
      uint64_t t = static_cast<uint64_t>(a[i]) * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<digit>(t);
      carry = t >> 32;
    }
    r[j + a.size()] = static_cast<digit>(carry);
  }
  return r;
}

const size_t kSizes[] = {1,  2,   3,   4,   5,   17,  39,  40,  41,  63,  64,  65,
                         80, 127, 199, 200, 201, 239, 240, 241, 300, 451, 602, 1000};

TEST(IntMp, ProductsMatchSchoolbook) {
  Rng rng(1);
  for (size_t na : kSizes) {
    for (size_t nb : kSizes) {
      if (nb > na) continue;
      auto a = make(rng, na), b = make(rng, nb);
      std::vector<digit> r(na + nb);
      ASSERT_TRUE(mul_alloc(r.data(), a.data(), na, b.data(), nb));
      EXPECT_EQ(r, basecase_product(a, b)) << na << "x" << nb;
    }
  }
}

TEST(IntMp, NearlyBalancedProductsMatchSchoolbook) {
  // Shapes that pick Toom-3 or Karatsuba with uneven halves and thirds.
  Rng rng(2);
  for (int i = 0; i < 60; ++i) {
    size_t nb = 200 + rng.below(900);
    size_t na = nb + rng.below(nb);
    auto a = make(rng, na), b = make(rng, nb);
    std::vector<digit> r(na + nb);
    ASSERT_TRUE(mul_alloc(r.data(), a.data(), na, b.data(), nb));
    EXPECT_EQ(r, basecase_product(a, b)) << na << "x" << nb;
  }
}

TEST(IntMp, BasecaseKernelMatchesReference) {
  // mul_basecase (the 64-bit-limb kernel on 64-bit hosts) for every parity
  // of both sizes, including single-digit operands.
  Rng rng(7);
  for (size_t na = 1; na <= 12; ++na) {
    for (size_t nb = 1; nb <= na; ++nb) {
      auto a = make(rng, na), b = make(rng, nb);
      std::vector<digit> r(na + nb);
      mul_basecase(r.data(), a.data(), na, b.data(), nb);
      EXPECT_EQ(r, basecase_product(a, b)) << na << "x" << nb;
    }
  }
}

TEST(IntMp, SquaresMatchSchoolbook) {
  Rng rng(3);
  for (size_t n : kSizes) {
    for (int rep = 0; rep < 3; ++rep) {
      auto a = make(rng, n);
      std::vector<digit> r(2 * n);
      ASSERT_TRUE(mul_alloc(r.data(), a.data(), n, a.data(), n));  // same pointer: squaring
      EXPECT_EQ(r, basecase_product(a, a)) << n;
    }
  }
}

// a == q*b + r and r < b.
void check_division(const std::vector<digit>& a, const std::vector<digit>& b) {
  size_t na = a.size(), nb = b.size();
  std::vector<digit> q(na - nb + 1), r(nb);
  if (nb == 1) {
    r[0] = divrem_1(q.data(), a.data(), na, b[0]);
  } else {
    ASSERT_TRUE(divrem(q.data(), r.data(), a.data(), na, b.data(), nb));
  }
  ASSERT_LT(cmp(r.data(), normalized_size(r.data(), nb), b.data(), nb), 0) << na << "/" << nb;
  std::vector<digit> back = basecase_product(q, b);
  back.push_back(0);
  add_into(back.data(), back.size(), r.data(), nb);
  back.resize(na + 1);
  std::vector<digit> want = a;
  want.push_back(0);
  EXPECT_EQ(back, want) << na << "/" << nb;
  if (nb == 1) EXPECT_EQ(mod_1(a.data(), na, b[0]), r[0]);
}

TEST(IntMp, DivisionIdentities) {
  Rng rng(4);
  const size_t divisors[] = {1, 2, 3, 59, 60, 61, 100, 128, 250, 480, 700};
  const size_t extra[] = {0, 1, 2, 59, 60, 61, 200, 700, 1500};
  for (size_t nb : divisors) {
    for (size_t e : extra) {
      auto a = make(rng, nb + e), b = make(rng, nb);
      if (cmp(a.data(), a.size(), b.data(), nb) < 0 && e == 0) std::swap(a, b);
      check_division(a, b);
    }
  }
}

TEST(IntMp, DivisionOfExactProducts) {
  // q*b + r with q of all-ones digits: every quotient digit estimate is at
  // its maximum, and the remainder is known.
  Rng rng(5);
  for (size_t nb : {2, 7, 60, 64, 130, 333}) {
    for (size_t nq : {1, 5, 60, 61, 300}) {
      std::vector<digit> b = make(rng, nb);
      b[nb - 1] |= 0x80000000u;
      std::vector<digit> q(nq, 0xFFFFFFFFu);
      std::vector<digit> a = basecase_product(q, b);
      std::vector<digit> r = make(rng, nb);
      r[nb - 1] = b[nb - 1] - 1;
      add_into(a.data(), a.size(), r.data(), nb);
      a.resize(normalized_size(a.data(), a.size()));
      check_division(a, b);
    }
  }
}

TEST(IntMp, ShiftsRoundTrip) {
  Rng rng(6);
  for (unsigned cnt = 0; cnt < 32; ++cnt) {
    auto a = make(rng, 9);
    std::vector<digit> s(10), back(10);
    s[9] = lshift(s.data(), a.data(), 9, cnt);
    digit out = rshift(back.data(), s.data(), 10, cnt);
    EXPECT_EQ(out, 0u);
    back.resize(9);
    EXPECT_EQ(back, a) << cnt;
  }
}

TEST(IntMp, CarriesAcrossWholeArrays) {
  std::vector<digit> a(50, 0xFFFFFFFFu), one(1, 1), r(50);
  EXPECT_EQ(add(r.data(), a.data(), 50, one.data(), 1), 1u);
  EXPECT_EQ(normalized_size(r.data(), 50), 0u);
  EXPECT_EQ(sub(r.data(), r.data(), 50, one.data(), 1), 1u);
  EXPECT_EQ(r, a);
  EXPECT_EQ(bit_length(a.data(), 50), 1600u);
}

}  // namespace
}  // namespace molt::mp
