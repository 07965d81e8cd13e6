// float_test.cc — float repr and hash against values printed by CPython 3.12.
#include "objects/float.h"

#include <gtest/gtest.h>
#include <math.h>

#include <string>

namespace molt {
namespace {

std::string repr(double d) {
  char buf[40];
  size_t n = format_float_repr(d, buf);
  return std::string(buf, n);
}

TEST(FloatRepr, MatchesCPython) {
  struct Case {
    double value;
    const char* text;
  };
  // Expected strings from CPython 3.12's repr().
  const Case cases[] = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {0.1, "0.1"},
      {0.5, "0.5"},
      {1.0 / 3, "0.3333333333333333"},
      {2.0 / 3, "0.6666666666666666"},
      {1e+16, "1e+16"},
      {1000000000000000.0, "1000000000000000.0"},
      {0.0001, "0.0001"},
      {1e-05, "1e-05"},
      {123456789.123, "123456789.123"},
      {1.7976931348623157e+308, "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {2.5e-300, "2.5e-300"},
      {1e+22, "1e+22"},
      {1e+21, "1e+21"},
      {1.2345678901234568e+16, "1.2345678901234568e+16"},
      {0.3, "0.3"},
      {100.0, "100.0"},
      {-1.5, "-1.5"},
      {1e+100, "1e+100"},
      {9.999999999999999e22, "1e+23"},
      {INFINITY, "inf"},
      {-INFINITY, "-inf"},
      {NAN, "nan"},
  };
  for (const Case& c : cases) EXPECT_EQ(repr(c.value), c.text) << c.text;
}

TEST(FloatHash, MatchesCPython) {
  // hash(float) from CPython 3.12.
  EXPECT_EQ(float_hash_double(0.0), 0);
  EXPECT_EQ(float_hash_double(1.0), 1);
  EXPECT_EQ(float_hash_double(-1.0), -2);
  EXPECT_EQ(float_hash_double(1.5), 1152921504606846977);
  EXPECT_EQ(float_hash_double(0.1), 230584300921369408);
  EXPECT_EQ(float_hash_double(1e300), 1224995262755759164);
  EXPECT_EQ(float_hash_double(-2.5), -1152921504606846978);
  EXPECT_EQ(float_hash_double(INFINITY), 314159);
  EXPECT_EQ(float_hash_double(-INFINITY), -314159);
  EXPECT_EQ(float_hash_double(1180591620717411303424.0), 512);  // 2.0**70
  EXPECT_EQ(float_hash_double(123.456), 1051464412201451643);
}

TEST(FloatValue, NanIsCanonicalisedWithSign) {
  MoltValue p = molt_from_double(NAN);
  MoltValue n = molt_from_double(-NAN);
  EXPECT_TRUE(molt_is_double(p));
  EXPECT_TRUE(molt_is_double(n));
  EXPECT_TRUE(isnan(molt_as_double(p)));
  EXPECT_TRUE(signbit(molt_as_double(n)));
  EXPECT_FALSE(molt_is_small_int(n));
}

}  // namespace
}  // namespace molt
