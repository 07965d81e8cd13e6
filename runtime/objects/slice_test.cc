// slice_test.cc — slice objects against CPython 3.12: construction, repr,
// indices() with arbitrary ints, hashing (hashable since 3.12),
// comparison, read-only attributes; and the int64 index arithmetic
// (slice_unpack / slice_adjust_indices) the sequences use.
#include "objects/slice.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "objects/container_test_util.h"

namespace molt {
namespace {

using namespace molt::testing;

/// slice(*args) with the args stolen.
Value sl(std::initializer_list<Value> args) {
  std::vector<Value> v(args);
  Value r = slice_type.construct(&slice_type, v.data(), v.size(), MOLT_NONE);
  for (Value a : v) decref(a);
  return r;
}

Value big(int64_t exp, bool negative = false) {
  Value p = int_pow(I(10), I(exp), MOLT_NONE);
  if (!negative) return p;
  Value n = int_neg(p);
  decref(p);
  return n;
}

std::string indices(Value owned_slice, Value owned_length) {
  std::string out = R(call(owned_slice, "indices", {owned_length}));
  decref(owned_slice);
  decref(owned_length);
  return out;
}

TEST(Slice, ReprAndConstruction) {
  EXPECT_EQ(R(sl({I(1), I(2), I(3)})), "slice(1, 2, 3)");
  EXPECT_EQ(R(sl({I(5)})), "slice(None, 5, None)");
  EXPECT_EQ(R(sl({MOLT_NONE})), "slice(None, None, None)");
  EXPECT_EQ(R(sl({S("a"), ints({1}), MOLT_NONE})), "slice('a', [1], None)");
  EXPECT_EQ(R(sl({})), "!! TypeError: slice expected at least 1 argument, got 0");
  EXPECT_EQ(R(sl({I(1), I(2), I(3), I(4)})), "!! TypeError: slice expected at most 3 arguments, got 4");
  EXPECT_EQ(R(call_type(type_value(slice_type), {}, {{"x", I(1)}})),
            "!! TypeError: slice() takes no keyword arguments");
}

TEST(Slice, Indices) {
  EXPECT_EQ(indices(sl({I(1), I(2), I(0)}), I(5)), "!! ValueError: slice step cannot be zero");
  EXPECT_EQ(indices(sl({I(1), I(2)}), I(-1)), "!! ValueError: length should not be negative");
  EXPECT_EQ(indices(sl({I(1), I(2)}), S("a")),
            "!! TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(indices(sl({S("a")}), I(3)),
            "!! TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(indices(sl({MOLT_NONE, MOLT_NONE, I(-1)}), I(10)), "(9, -1, -1)");
  EXPECT_EQ(indices(sl({I(-100), I(100), I(2)}), I(10)), "(0, 10, 2)");
  EXPECT_EQ(indices(sl({big(30), big(30, true), I(-3)}), big(25)), "(9999999999999999999999999, -1, -3)");
  EXPECT_EQ(indices(sl({I(2), MOLT_NONE, I(-1)}), I(0)), "(-1, -1, -1)");
  EXPECT_EQ(indices(sl({I(-3), I(-1)}), I(2)), "(0, 1, 1)");
  EXPECT_EQ(indices(sl({MOLT_NONE, I(5), I(-2)}), I(10)), "(9, 5, -2)");
  EXPECT_EQ(indices(sl({MOLT_TRUE, molt_from_double(2.0)}), I(5)),
            "!! TypeError: slice indices must be integers or None or have an __index__ method");
  Ref s(sl({I(1)}));
  EXPECT_EQ(R(call(s.get(), "indices")),
            "!! TypeError: slice.indices() takes exactly one argument (0 given)");
}

TEST(Slice, HashCompareAttributes) {
  auto hash = [](Value owned) {
    int64_t h = object_hash(owned);
    decref(owned);
    return h;
  };
  EXPECT_EQ(hash(sl({I(1), I(2)})), -2178470213028018262);
  EXPECT_EQ(hash(sl({MOLT_NONE})), 4032618106351268893);
  EXPECT_EQ(hash(sl({S("a"), S("b"), S("c")})), 3974676436067906030);
  EXPECT_EQ(hash(sl({I(1), ints({2})})), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'list'");
  Ref a(sl({I(1), I(2)})), b(sl({I(1), I(3)})), c(sl({I(1), I(2)})), d(sl({I(2)})), e(sl({I(1)}));
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(d.get(), e.get(), CompareOp::Gt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Le)), "True");
  EXPECT_EQ(R(rich_compare(e.get(), I(1), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(e.get(), I(1), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'slice' and 'int'");
  Ref s(sl({I(1), I(2), I(3)}));
  Ref start(S("start")), stop(S("stop")), step(S("step")), foo(S("foo"));
  EXPECT_EQ(R(object_getattr(s.get(), start.get())), "1");
  EXPECT_EQ(R(object_getattr(s.get(), stop.get())), "2");
  EXPECT_EQ(R(object_getattr(s.get(), step.get())), "3");
  EXPECT_EQ(status_text(object_setattr(s.get(), start.get(), I(3))), "!! AttributeError: readonly attribute");
  EXPECT_EQ(status_text(object_setattr(s.get(), foo.get(), I(3))),
            "!! AttributeError: 'slice' object has no attribute 'foo'");
}

TEST(Slice, UnpackAndAdjust) {
  struct Case {
    int64_t length;
    Value start, stop, step;
    int64_t want_start, want_stop, want_step, want_count;
  };
  // The expected values are range(length)[a:b:c] expressed as
  // (start, stop, step, len) as CPython's list slicing computes them.
  const Case cases[] = {
      {10, MOLT_NONE, MOLT_NONE, MOLT_NONE, 0, 10, 1, 10},
      {10, molt_from_small_int(-3), MOLT_NONE, MOLT_NONE, 7, 10, 1, 3},
      {10, MOLT_NONE, MOLT_NONE, molt_from_small_int(-1), 9, -1, -1, 10},
      {10, molt_from_small_int(8), molt_from_small_int(1), molt_from_small_int(-3), 8, 1, -3, 3},
      {10, molt_from_small_int(20), MOLT_NONE, molt_from_small_int(-2), 9, -1, -2, 5},
      {0, MOLT_NONE, MOLT_NONE, molt_from_small_int(-1), -1, -1, -1, 0},
      {5, molt_from_small_int(3), molt_from_small_int(1), MOLT_NONE, 3, 1, 1, 0},
  };
  for (const Case& c : cases) {
    Ref s(slice_new(c.start, c.stop, c.step));
    int64_t start, stop, step;
    ASSERT_TRUE(slice_unpack(s.get(), &start, &stop, &step));
    int64_t n = slice_adjust_indices(c.length, &start, &stop, step);
    EXPECT_EQ(start, c.want_start);
    EXPECT_EQ(stop, c.want_stop);
    EXPECT_EQ(step, c.want_step);
    EXPECT_EQ(n, c.want_count);
  }
  // Huge bounds are clamped; the most negative step is clamped to -INT64_MAX.
  Ref huge(big(30)), nhuge(big(30, true));
  Ref s(slice_new(nhuge.get(), huge.get(), nhuge.get()));
  int64_t start, stop, step;
  ASSERT_TRUE(slice_unpack(s.get(), &start, &stop, &step));
  EXPECT_EQ(start, INT64_MIN);
  EXPECT_EQ(stop, INT64_MAX);
  EXPECT_EQ(step, -INT64_MAX);
}

}  // namespace
}  // namespace molt
