// bool_test.cc — the bool type object and the parts of int's protocol that
// bool changes (repr, & | ^ of two bools). Operator results against CPython
// for mixed bool/int operands are in int_cases_test.inc (the slot_* cases).
#include <gtest/gtest.h>

#include "objects/int_test_util.h"

namespace molt {
namespace {

using testing::describe;

TEST(Bool, TypeObject) {
  EXPECT_STREQ(bool_type.name, "bool");
  EXPECT_EQ(bool_type.base, &int_type);
  EXPECT_TRUE(bool_type.flags & kTypeIsIntSubclass);
  EXPECT_FALSE(bool_type.flags & kTypeAcceptsSubclasses);  // bool cannot be subclassed
  EXPECT_EQ(type_of(MOLT_TRUE), &bool_type);
  EXPECT_TRUE(is_subtype(&bool_type, &int_type));
  EXPECT_STREQ(int_type.name, "int");
  EXPECT_EQ(int_type.base, &object_type);
  EXPECT_TRUE(int_type.flags & kTypeAcceptsSubclasses);
  EXPECT_EQ(int_type.as_number->matrix_multiply, nullptr);
}

TEST(Bool, IsIntLike) {
  EXPECT_TRUE(is_int_like(MOLT_TRUE));
  EXPECT_TRUE(is_int_like(MOLT_FALSE));
  EXPECT_FALSE(is_int_exact(MOLT_TRUE));
  EXPECT_EQ(int_from_bool_or_int(MOLT_TRUE), molt_from_small_int(1));
  EXPECT_EQ(int_from_bool_or_int(MOLT_FALSE), molt_from_small_int(0));
  EXPECT_FALSE(is_int_like(MOLT_NONE));
  EXPECT_FALSE(is_int_like(molt_from_double(1.0)));
}

TEST(Bool, ReprAndStr) {
  EXPECT_EQ(describe(bool_type.repr(MOLT_TRUE)), "s:True");
  EXPECT_EQ(describe(bool_type.str(MOLT_FALSE)), "s:False");
}

TEST(Bool, BitwiseOfTwoBoolsIsBool) {
  const NumberMethods* nm = bool_type.as_number;
  EXPECT_EQ(nm->and_(MOLT_TRUE, MOLT_FALSE), MOLT_FALSE);
  EXPECT_EQ(nm->or_(MOLT_TRUE, MOLT_FALSE), MOLT_TRUE);
  EXPECT_EQ(nm->xor_(MOLT_TRUE, MOLT_TRUE), MOLT_FALSE);
  // With an int on either side the result is an int (True & 3 == 1).
  EXPECT_EQ(nm->and_(MOLT_TRUE, molt_from_small_int(3)), molt_from_small_int(1));
  EXPECT_EQ(int_type.as_number->or_(molt_from_small_int(2), MOLT_TRUE), molt_from_small_int(3));
}

TEST(Bool, ArithmeticIsInt) {
  const NumberMethods* nm = bool_type.as_number;
  EXPECT_EQ(nm->add(MOLT_TRUE, MOLT_TRUE), molt_from_small_int(2));
  EXPECT_EQ(nm->negative(MOLT_TRUE), molt_from_small_int(-1));
  EXPECT_EQ(nm->positive(MOLT_TRUE), molt_from_small_int(1));
  EXPECT_EQ(nm->invert(MOLT_FALSE), molt_from_small_int(-1));
  EXPECT_EQ(nm->index(MOLT_TRUE), molt_from_small_int(1));
  EXPECT_EQ(nm->truth(MOLT_FALSE), 0);
  EXPECT_EQ(describe(nm->floor_divide(MOLT_TRUE, MOLT_FALSE)),
            "E:ZeroDivisionError:integer division or modulo by zero");
  EXPECT_EQ(bool_type.hash(MOLT_TRUE), 1);
  EXPECT_EQ(bool_type.hash(MOLT_FALSE), 0);
}

TEST(Bool, CompareWithInts) {
  EXPECT_EQ(bool_type.richcompare(MOLT_TRUE, molt_from_small_int(1), CompareOp::Eq), MOLT_TRUE);
  EXPECT_EQ(int_type.richcompare(molt_from_small_int(0), MOLT_FALSE, CompareOp::Eq), MOLT_TRUE);
  EXPECT_EQ(bool_type.richcompare(MOLT_FALSE, MOLT_TRUE, CompareOp::Lt), MOLT_TRUE);
  EXPECT_TRUE(is_not_implemented(bool_type.richcompare(MOLT_TRUE, MOLT_NONE, CompareOp::Eq)));
}

}  // namespace
}  // namespace molt
