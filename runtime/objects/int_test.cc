// int_test.cc — int behaviour outside the CPython-generated tables:
// conversions at the C integer boundaries, the inline/heap normalisation
// invariant at the 48-bit edge, instances of int subclasses (heap objects
// that may hold small or unnormalized values), and error propagation.
#include <gtest/gtest.h>

#include "objects/int_test_util.h"

namespace molt {
namespace {

using testing::describe;
using testing::int_text;

// A stand-in for a Python-level subclass of int: same layout, own type.
Type g_sub_int_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "SubInt",
    .base = &int_type,
    .flags = kTypeIsIntSubclass | kTypeAcceptsSubclasses,
    .basic_size = offsetof(IntObject, digits),
    .dealloc = nullptr,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
};

// A SubInt instance with the given digits (possibly with leading zeros,
// which int code must tolerate in subclass instances).
Value make_sub(std::initializer_list<uint32_t> digits, bool negative) {
  size_t n = digits.size();
  Object* o = alloc_object(&g_sub_int_type, offsetof(IntObject, digits) + (n ? n : 1) * sizeof(uint32_t));
  IntObject* io = reinterpret_cast<IntObject*>(o);
  size_t i = 0;
  for (uint32_t d : digits) io->digits[i++] = d;
  io->size = negative ? -static_cast<int32_t>(n) : static_cast<int32_t>(n);
  return from_object(o);
}

TEST(Int, C64Boundaries) {
  // Expected texts from CPython: str(-2**63), str(2**64 - 1), 2**47, -2**47.
  EXPECT_EQ(int_text(Ref(int_from_i64(INT64_MIN)).get()), "-9223372036854775808");
  EXPECT_EQ(int_text(Ref(int_from_i64(INT64_MAX)).get()), "9223372036854775807");
  EXPECT_EQ(int_text(Ref(int_from_u64(UINT64_MAX)).get()), "18446744073709551615");
  EXPECT_TRUE(molt_is_small_int(int_from_i64(MOLT_SMALL_INT_MAX)));
  EXPECT_TRUE(molt_is_small_int(int_from_i64(MOLT_SMALL_INT_MIN)));
  Ref above(int_from_i64(MOLT_SMALL_INT_MAX + 1)), below(int_from_i64(MOLT_SMALL_INT_MIN - 1));
  EXPECT_TRUE(molt_is_ptr(above.get()));
  EXPECT_TRUE(molt_is_ptr(below.get()));
  EXPECT_EQ(int_text(above.get()), "140737488355328");
  EXPECT_EQ(int_text(below.get()), "-140737488355329");
  int64_t out;
  EXPECT_TRUE(int_to_i64(Ref(int_from_i64(INT64_MIN)).get(), &out));
  EXPECT_EQ(out, INT64_MIN);
  EXPECT_FALSE(int_to_i64(Ref(int_from_u64(uint64_t{1} << 63)).get(), &out));
}

TEST(Int, ResultsAtTheInlineEdgeAreNormalized) {
  // 2**47 - 1 + 1 leaves the inline range; subtracting 1 comes back inline.
  Value max = molt_from_small_int(MOLT_SMALL_INT_MAX);
  Ref up(int_add(max, molt_from_small_int(1)));
  EXPECT_TRUE(molt_is_ptr(up.get()));
  Value back = int_sub(up.get(), molt_from_small_int(1));
  EXPECT_EQ(back, max);
  Ref neg(int_neg(molt_from_small_int(MOLT_SMALL_INT_MIN)));  // 2**47
  EXPECT_EQ(int_compare(neg.get(), up.get()), 0);
  EXPECT_EQ(int_neg(neg.get()), molt_from_small_int(MOLT_SMALL_INT_MIN));
  Ref big(int_mul(up.get(), up.get()));         // 2**94
  Value q = int_floordiv(big.get(), up.get());  // 2**47: heap
  EXPECT_TRUE(testing::normalized(q));
  decref(q);
  EXPECT_EQ(int_floordiv(big.get(), big.get()), molt_from_small_int(1));
  EXPECT_EQ(int_sub(big.get(), big.get()), molt_from_small_int(0));
  EXPECT_EQ(int_and(big.get(), molt_from_small_int((1 << 20) - 1)), molt_from_small_int(0));
}

TEST(Int, SubclassInstancesAreIntLike) {
  Ref five(make_sub({5}, false));
  Ref padded(make_sub({7, 0, 0}, true));  // -7 with leading zero digits
  Ref big(make_sub({1, 2, 3}, false));
  EXPECT_TRUE(is_int_like(five.get()));
  EXPECT_FALSE(is_int_exact(five.get()));
  EXPECT_EQ(int_sign(padded.get()), -1);
  EXPECT_EQ(int_add(five.get(), padded.get()), molt_from_small_int(-2));
  EXPECT_EQ(int_mul(five.get(), padded.get()), molt_from_small_int(-35));
  EXPECT_EQ(int_compare(padded.get(), molt_from_small_int(-7)), 0);
  EXPECT_EQ(int_hash(padded.get()), -7);
  EXPECT_EQ(int_bit_length(padded.get()), 3);
  EXPECT_EQ(int_exact(five.get()), molt_from_small_int(5));  // int(x) gives an exact int
  EXPECT_EQ(int_type.as_number->positive(padded.get()), molt_from_small_int(-7));
  EXPECT_EQ(int_floordiv(padded.get(), molt_from_small_int(2)), molt_from_small_int(-4));
  EXPECT_EQ(int_xor(padded.get(), five.get()), molt_from_small_int(-4));
  EXPECT_EQ(int_rshift(padded.get(), molt_from_small_int(1)), molt_from_small_int(-4));
  EXPECT_EQ(int_compare_double(padded.get(), -7.5), 1);
  EXPECT_EQ(int_text(five.get()), "5");
  // 3*2**64 + 2*2**32 + 1 == 55340232229718589441 (CPython).
  EXPECT_EQ(int_text(big.get()), "55340232229718589441");
  Ref copy(int_exact(big.get()));
  EXPECT_EQ(as_object(copy.get())->type, &int_type);
  EXPECT_EQ(int_text(copy.get()), "55340232229718589441");
  EXPECT_EQ(describe(int_type.as_number->to_float(big.get())), "f:0x1.8000000100000p+65");
}

TEST(Int, DoubleConversions) {
  bool overflow;
  Ref p1024(int_lshift(molt_from_small_int(1), molt_from_small_int(1024)));
  int_to_double(p1024.get(), &overflow);
  EXPECT_TRUE(overflow);
  EXPECT_EQ(describe(int_to_float(p1024.get())), "E:OverflowError:int too large to convert to float");
  EXPECT_EQ(int_to_double(molt_from_small_int(-3), &overflow), -3.0);
  EXPECT_FALSE(overflow);
  // int(1e300) == 10**300 rounded to a double's value, exactly (CPython:
  // int(1e300) % 2**100 == 0 and its bit_length is 997).
  Ref i300(int_from_double(1e300));
  EXPECT_EQ(int_bit_length(i300.get()), 997);
  Ref p100(int_lshift(molt_from_small_int(1), molt_from_small_int(100)));
  EXPECT_EQ(int_mod(i300.get(), p100.get()), molt_from_small_int(0));
  EXPECT_EQ(int_compare_double(i300.get(), 1e300), 0);
  EXPECT_EQ(int_from_double(-0.9), molt_from_small_int(0));
}

TEST(Int, ErrorsLeaveNoPendingStateBehind) {
  EXPECT_EQ(describe(int_floordiv(molt_from_small_int(1), molt_from_small_int(0))),
            "E:ZeroDivisionError:integer division or modulo by zero");
  EXPECT_FALSE(error_occurred());
  uint8_t buf[2];
  EXPECT_FALSE(int_to_bytes(molt_from_small_int(-1), buf, 2, true, false));
  EXPECT_EQ(testing::take_error(), "E:OverflowError:can't convert negative int to unsigned");
  EXPECT_EQ(describe(int_from_string("12", 2, 1)), "E:ValueError:int() base must be >= 2 and <= 36, or 0");
}

TEST(Int, HeapIntsAreFreedWhenReleased) {
  // LeakSanitizer checks the rest; here: a freshly made big int has one
  // reference and the type's dealloc frees it.
  Value v = int_lshift(molt_from_small_int(3), molt_from_small_int(200));
  ASSERT_TRUE(molt_is_ptr(v));
  EXPECT_EQ(as_object(v)->refcount, 1);
  EXPECT_NE(int_type.dealloc, nullptr);
  decref(v);
}

}  // namespace
}  // namespace molt
