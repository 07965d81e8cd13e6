// int_text_test.cc — int <-> text conversions against CPython 3.12:
// int(str, base) syntax, Unicode digits and spaces, error messages (with
// the repr of the argument), the int_max_str_digits limit both ways, and
// sub-quadratic decimal conversion of huge values (digests from CPython).
#include <gtest/gtest.h>

#include <string>

#include "objects/int_test_util.h"

namespace molt {
namespace {

struct ParseCase {
  const char* text;
  size_t len;
  int base;
  const char* expect;
};
struct ReprCase {
  const char* hex;
  int limit;
  const char* expect;
};
struct HugeCase {
  int base;
  int exp;
  const char* addend;
  const char* digest;
  const char* digest_scaled;
};

#include "objects/int_text_cases_test.inc"

using testing::describe;
using testing::str_text;

// Restores the default limit when a test ends.
class IntText : public ::testing::Test {
 protected:
  void TearDown() override { g_int_max_str_digits = 4300; }
};

std::string digest(const std::string& s) {
  const uint64_t kMod = (uint64_t{1} << 31) - 1;
  uint64_t h = 0;
  for (unsigned char c : s) h = (h * 131 + c) % kMod;
  return "d:" + std::to_string(s.size()) + ":" + s.substr(0, 30) + ":" + s.substr(s.size() - 30) + ":" +
         std::to_string(h);
}

std::string repr_result(Value v) {
  Value s = int_repr(v);
  if (molt_is_error(s)) return testing::take_error();
  std::string t = str_text(s);
  decref(s);
  return t.size() <= 80 ? "s:" + t : digest(t).substr(0, digest(t).rfind(':'));
}

TEST_F(IntText, ParseMatchesCPython) {
  for (const ParseCase& c : kParseCases) {
    std::string got = describe(int_from_string(c.text, c.len, c.base));
    EXPECT_EQ(got, c.expect) << "int(" << std::string(c.text, c.len) << ", " << c.base << ")";
  }
}

TEST_F(IntText, ReprMatchesCPython) {
  for (const ReprCase& c : kReprCases) {
    g_int_max_str_digits = 0;
    Ref v(testing::int_lit(c.hex));
    ASSERT_FALSE(v.is_error());
    g_int_max_str_digits = c.limit;
    std::string expect = c.expect;
    // Long expectations are "d:len:head:tail" without the hash.
    EXPECT_EQ(repr_result(v.get()), expect)
        << "str(" << std::string(c.hex).substr(0, 40) << "), limit " << c.limit;
  }
}

TEST_F(IntText, HugeValuesBothWays) {
  g_int_max_str_digits = 0;
  for (const HugeCase& c : kHugeCases) {
    Ref p(int_pow(molt_from_small_int(c.base), molt_from_small_int(c.exp), MOLT_NONE));
    Ref add(testing::int_lit(c.addend));
    Ref v(int_add(p.get(), add.get()));
    ASSERT_FALSE(v.is_error());
    Ref s(int_repr(v.get()));
    ASSERT_FALSE(s.is_error());
    std::string text = str_text(s.get());
    EXPECT_EQ(digest(text), c.digest) << c.base << "**" << c.exp << " + " << c.addend;
    // Parse str(v * 10**7 + 1234567) back (long enough for the
    // divide-and-conquer parser) and check it against the arithmetic.
    std::string scaled = text + "1234567";
    if (text[0] == '-') {
      Ref low(testing::int_lit("1234567"));
      Ref t10(int_pow(molt_from_small_int(10), molt_from_small_int(7), MOLT_NONE));
      Ref m(int_mul(v.get(), t10.get()));
      Ref want(int_sub(m.get(), low.get()));  // "-X" + "1234567" is -(|v|*10^7 + 1234567)
      Ref parsed(int_from_string(scaled.data(), scaled.size(), 10));
      EXPECT_EQ(int_compare(parsed.get(), want.get()), 0);
      continue;
    }
    Ref parsed(int_from_string(scaled.data(), scaled.size(), 10));
    ASSERT_FALSE(parsed.is_error());
    Ref back(int_repr(parsed.get()));
    EXPECT_EQ(digest(str_text(back.get())), c.digest_scaled);
  }
}

TEST_F(IntText, LimitIgnoresPowerOfTwoBasesAndLiterals) {
  std::string ones(5000, '1');
  Ref hex(int_from_string(ones.data(), ones.size(), 16));
  EXPECT_FALSE(hex.is_error());
  Ref lit(int_from_literal(ones.data(), ones.size()));
  EXPECT_FALSE(lit.is_error());
  Ref text(int_to_base_string(lit.get(), 16, true));  // hex() has no limit
  EXPECT_FALSE(text.is_error());
  EXPECT_EQ(describe(int_repr(lit.get())),
            "E:ValueError:Exceeds the limit (4300 digits) for integer string conversion; use "
            "sys.set_int_max_str_digits() to increase the limit");
  g_int_max_str_digits = 0;
  Ref back(int_repr(lit.get()));
  EXPECT_EQ(str_text(back.get()), ones);
}

TEST_F(IntText, Literals) {
  const char* cases[][2] = {
      {"0", "0x0"},
      {"00", "0x0"},
      {"123", "0x7b"},
      {"0x_ff", "0xff"},
      {"0XFF", "0xff"},
      {"0o777", "0x1ff"},
      {"0b1010", "0xa"},
      {"1_000_000", "0xf4240"},
      {"140737488355328", "0x800000000000"},
      {"18446744073709551616", "0x10000000000000000"},
  };
  for (auto& c : cases) EXPECT_EQ(describe(int_from_literal(c[0], strlen(c[0]))), c[1]) << c[0];
}

TEST_F(IntText, BaseStringsOfZeroAndNegatives) {
  // Values from CPython: hex(0), oct(-8), bin(-5), hex(-255) and without prefix.
  EXPECT_EQ(describe(int_to_base_string(molt_from_small_int(0), 16, true)), "s:0x0");
  EXPECT_EQ(describe(int_to_base_string(molt_from_small_int(-8), 8, true)), "s:-0o10");
  EXPECT_EQ(describe(int_to_base_string(molt_from_small_int(-5), 2, true)), "s:-0b101");
  EXPECT_EQ(describe(int_to_base_string(molt_from_small_int(-255), 16, false)), "s:-ff");
  EXPECT_EQ(describe(int_to_base_string(molt_from_small_int(-255), 10, false)), "s:-255");
}

}  // namespace
}  // namespace molt
