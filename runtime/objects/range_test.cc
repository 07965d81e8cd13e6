// range_test.cc — range against CPython 3.12: construction errors, len
// (with OverflowError), indexing and slicing (giving ranges), `in`,
// count/index, equality and hash, repr, truth, attributes, and both
// iterator types forwards and reversed, including values beyond int64.
// Expected values come from CPython 3.12.1.
#include "objects/range.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "core/iter.h"
#include "objects/container_test_util.h"
#include "objects/iterators.h"
#include "objects/slice.h"

namespace molt {
namespace {

using namespace molt::testing;

/// -big(base, exp).
Value neg_big(int64_t base, int64_t exp);

Value big(int64_t base, int64_t exp, int64_t add = 0) {
  Value p = int_pow(I(base), I(exp), MOLT_NONE);
  Value r = int_add(p, I(add));
  decref(p);
  return r;
}

Value neg_big(int64_t base, int64_t exp) {
  Value b = big(base, exp);
  Value r = int_neg(b);
  decref(b);
  return r;
}

/// range(*args) with the args stolen.
Value rng(std::initializer_list<Value> args) {
  std::vector<Value> v(args);
  Value r = range_type.construct(&range_type, v.data(), v.size(), MOLT_NONE);
  for (Value a : v) decref(a);
  return r;
}

std::string L(Value owned_range) {
  std::string out = drain(object_iter(owned_range));
  decref(owned_range);
  return out;
}
std::string Rev(Value owned_range) {
  std::string out = drain(object_reversed(owned_range));
  decref(owned_range);
  return out;
}

TEST(Range, IterationAndLength) {
  EXPECT_EQ(L(rng({I(5)})), "[0, 1, 2, 3, 4]");
  EXPECT_EQ(L(rng({I(2), I(8), I(3)})), "[2, 5]");
  EXPECT_EQ(L(rng({I(10), I(0), I(-3)})), "[10, 7, 4, 1]");
  EXPECT_EQ(L(rng({I(0)})), "[]");
  EXPECT_EQ(L(rng({I(5), I(1)})), "[]");
  Ref r1(rng({I(10), I(0), I(-3)}));
  EXPECT_EQ(object_length(r1.get()), 4);
  Ref r2(rng({big(10, 20)}));
  EXPECT_EQ(object_length(r2.get()), -1);
  EXPECT_EQ(take_error_text(), "OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(object_truth(r2.get()), 1);
  Ref r0(rng({I(0)}));
  EXPECT_EQ(object_truth(r0.get()), 0);
  // list(range(2**63-3, 2**63+2)); list(range(2**47-2, 2**47+2))
  EXPECT_EQ(L(rng({big(2, 63, -3), big(2, 63, 2)})),
            "[9223372036854775805, 9223372036854775806, 9223372036854775807, 9223372036854775808, "
            "9223372036854775809]");
  EXPECT_EQ(L(rng({big(2, 47, -2), big(2, 47, 2)})),
            "[140737488355326, 140737488355327, 140737488355328, 140737488355329]");
  // type names of iter(range(10)), (10**20), (2**63-1), (-2**63, 0), reversed(range(2**62))
  auto iter_type = [](Value owned_range, bool reverse) {
    Value it = reverse ? object_reversed(owned_range) : object_iter(owned_range);
    std::string name = type_name(it);
    decref(it);
    decref(owned_range);
    return name;
  };
  EXPECT_EQ(iter_type(rng({I(10)}), false), "range_iterator");
  EXPECT_EQ(iter_type(rng({big(10, 20)}), false), "longrange_iterator");
  EXPECT_EQ(iter_type(rng({big(2, 63, -1)}), false), "range_iterator");
  Value min = neg_big(2, 63);
  EXPECT_EQ(iter_type(rng({min, I(0)}), false), "longrange_iterator");
  EXPECT_EQ(iter_type(rng({big(2, 62)}), true), "range_iterator");
  Ref it(object_iter(r1.get()));
  EXPECT_EQ(R(call(it.get(), "__length_hint__")), "4");
}

TEST(Range, Reversed) {
  EXPECT_EQ(Rev(rng({I(1), I(10), I(3)})), "[7, 4, 1]");
  EXPECT_EQ(Rev(rng({big(10, 20), big(10, 20, 3)})),
            "[100000000000000000002, 100000000000000000001, 100000000000000000000]");
  EXPECT_EQ(Rev(rng({I(0)})), "[]");
  EXPECT_EQ(Rev(rng({I(5), I(0), I(-2)})), "[1, 3, 5]");
  Value min = neg_big(2, 63);
  Value min3 = int_add(min, I(3));
  EXPECT_EQ(Rev(rng({min, min3})), "[-9223372036854775806, -9223372036854775807, -9223372036854775808]");
}

TEST(Range, Subscript) {
  Ref r10(rng({I(10)}));
  auto sub = [&](Value owned_range, Value a, Value b, Value c) {
    Ref s(slice_new(a, b, c));
    decref(a);
    decref(b);
    decref(c);
    std::string out = R(object_getitem(owned_range, s.get()));
    decref(owned_range);
    return out;
  };
  EXPECT_EQ(sub(rng({I(10)}), I(2), I(8), I(2)), "range(2, 8, 2)");
  EXPECT_EQ(sub(rng({I(10)}), MOLT_NONE, MOLT_NONE, I(-1)), "range(9, -1, -1)");
  EXPECT_EQ(sub(rng({I(0), big(10, 20), I(3)}), I(5), MOLT_NONE, I(7)),
            "range(15, 100000000000000000002, 21)");
  EXPECT_EQ(sub(rng({I(10)}), big(10, 30), MOLT_NONE, MOLT_NONE), "range(10, 10)");
  EXPECT_EQ(sub(rng({I(-5), I(5)}), MOLT_NONE, MOLT_NONE, I(-3)), "range(4, -6, -3)");
  EXPECT_EQ(sub(rng({I(10)}), I(-3), MOLT_NONE, MOLT_NONE), "range(7, 10)");
  EXPECT_EQ(sub(rng({I(10)}), MOLT_NONE, MOLT_NONE, I(0)), "!! ValueError: slice step cannot be zero");
  Ref r3(rng({I(3)}));
  EXPECT_EQ(R(object_getitem(r3.get(), MOLT_TRUE)), "1");
  EXPECT_EQ(R(object_getitem(r3.get(), I(-3))), "0");
  EXPECT_EQ(R(object_getitem(r3.get(), I(3))), "!! IndexError: range object index out of range");
  EXPECT_EQ(R(object_getitem(r3.get(), I(-4))), "!! IndexError: range object index out of range");
  Ref b30(big(10, 30));
  EXPECT_EQ(R(object_getitem(r3.get(), b30.get())), "!! IndexError: range object index out of range");
  Ref a(S("a"));
  EXPECT_EQ(R(object_getitem(r3.get(), a.get())),
            "!! TypeError: range indices must be integers or slices, not str");
  Ref huge(rng({big(10, 20)}));
  EXPECT_EQ(R(object_getitem(huge.get(), I(5))), "5");
  EXPECT_EQ(R(object_getitem(huge.get(), I(-1))), "99999999999999999999");
  EXPECT_EQ(status_text(object_setitem(r3.get(), I(0), I(1))),
            "!! TypeError: 'range' object does not support item assignment");
}

TEST(Range, ContainsCountIndex) {
  Ref r5(rng({I(5)})), r10(rng({I(10)})), even(rng({I(0), I(10), I(2)})), neg(rng({I(0), I(-10), I(-2)}));
  EXPECT_EQ(object_contains(r5.get(), I(3)), 1);
  EXPECT_EQ(object_contains(r5.get(), I(5)), 0);
  EXPECT_EQ(object_contains(r5.get(), molt_from_double(3.0)), 1);
  EXPECT_EQ(object_contains(r5.get(), MOLT_TRUE), 1);
  EXPECT_EQ(object_contains(even.get(), I(4)), 1);
  EXPECT_EQ(object_contains(even.get(), I(5)), 0);
  EXPECT_EQ(object_contains(neg.get(), I(-4)), 1);
  Ref a(S("a"));
  EXPECT_EQ(object_contains(r5.get(), a.get()), 0);
  Ref h(rng({I(0), big(10, 20), big(10, 19)}));
  Ref b19(big(10, 19));
  EXPECT_EQ(object_contains(h.get(), b19.get()), 1);
  EXPECT_EQ(R(call(r10.get(), "count", {I(3)})), "1");
  EXPECT_EQ(R(call(r10.get(), "count", {molt_from_double(3.0)})), "1");
  EXPECT_EQ(R(call(r10.get(), "count", {a.get()})), "0");
  EXPECT_EQ(R(call(r10.get(), "index", {MOLT_TRUE})), "1");
  EXPECT_EQ(R(call(r5.get(), "index", {molt_from_double(3.0)})), "3");
  Ref by5(rng({I(0), I(20), I(5)}));
  EXPECT_EQ(R(call(by5.get(), "index", {I(15)})), "3");
  Ref huge(rng({big(10, 20)}));
  EXPECT_EQ(R(call(huge.get(), "index", {b19.get()})), "10000000000000000000");
  EXPECT_EQ(R(call(r10.get(), "index", {I(11)})), "!! ValueError: 11 is not in range");
  EXPECT_EQ(R(call(r10.get(), "index", {molt_from_double(3.5)})),
            "!! ValueError: sequence.index(x): x not in sequence");
  EXPECT_EQ(R(call(even.get(), "index", {I(3)})), "!! ValueError: 3 is not in range");
  EXPECT_EQ(R(call(r5.get(), "__len__")), "5");
  EXPECT_EQ(R(call(r5.get(), "__getitem__", {I(1)})), "1");
  EXPECT_EQ(R(call(r5.get(), "__contains__", {I(2)})), "True");
}

TEST(Range, EqualityHashRepr) {
  auto eq = [](Value a, Value b) {
    std::string out = R(rich_compare(a, b, CompareOp::Eq));
    decref(a);
    decref(b);
    return out;
  };
  EXPECT_EQ(eq(rng({I(0)}), rng({I(5), I(5)})), "True");
  EXPECT_EQ(eq(rng({I(1), I(2)}), rng({I(1), I(3), I(5)})), "True");
  EXPECT_EQ(eq(rng({I(0), I(3)}), rng({I(0), I(3)})), "True");
  EXPECT_EQ(eq(rng({I(0), I(3)}), rng({I(0), I(4)})), "False");
  EXPECT_EQ(eq(rng({I(0), I(6), I(2)}), rng({I(0), I(5), I(2)})), "True");
  EXPECT_EQ(eq(rng({I(3)}), ints({0, 1, 2})), "False");
  Ref r3(rng({I(3)})), r4(rng({I(4)}));
  EXPECT_EQ(R(rich_compare(r3.get(), r4.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'range' and 'range'");
  auto hash = [](Value owned) {
    int64_t h = object_hash(owned);
    decref(owned);
    return h;
  };
  EXPECT_EQ(hash(rng({I(10)})), -7546101314042312252);
  EXPECT_EQ(hash(rng({I(0)})), 2676694398852732306);
  EXPECT_EQ(hash(rng({I(5), I(6)})), -7048428680432378585);
  EXPECT_EQ(hash(rng({I(5), I(6), I(9)})), -7048428680432378585);
  EXPECT_EQ(hash(rng({I(0), I(10), I(2)})), -6143170332311272345);
  EXPECT_EQ(hash(rng({big(10, 20)})), 6178378689728963704);
  EXPECT_EQ(R(rng({I(1), I(5), I(2)})), "range(1, 5, 2)");
  EXPECT_EQ(R(rng({I(3)})), "range(0, 3)");
  EXPECT_EQ(R(rng({I(-1), I(-5), I(-1)})), "range(-1, -5, -1)");
  EXPECT_EQ(R(rng({big(10, 20)})), "range(0, 100000000000000000000)");
}

TEST(Range, ConstructionAndAttributes) {
  EXPECT_EQ(R(rng({molt_from_double(1.5)})),
            "!! TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(R(rng({S("a")})), "!! TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(rng({I(1), I(2), I(0)})), "!! ValueError: range() arg 3 must not be zero");
  EXPECT_EQ(R(rng({})), "!! TypeError: range expected at least 1 argument, got 0");
  EXPECT_EQ(R(rng({I(1), I(2), I(3), I(4)})), "!! TypeError: range expected at most 3 arguments, got 4");
  EXPECT_EQ(R(call_type(type_value(range_type), {}, {{"x", I(1)}})),
            "!! TypeError: range() takes no keyword arguments");
  EXPECT_EQ(R(rng({MOLT_TRUE})), "range(0, 1)");
  Ref r(rng({I(1), I(2), I(3)}));
  for (const char* name : {"start", "stop", "step"}) {
    Ref n(S(name));
    Value v = object_getattr(r.get(), n.get());
    EXPECT_EQ(R(v), name[2] == 'a' ? "1" : name[2] == 'o' ? "2" : "3");
  }
  Ref n(S("foo"));
  EXPECT_EQ(R(object_getattr(r.get(), n.get())), "!! AttributeError: 'range' object has no attribute 'foo'");
}

}  // namespace
}  // namespace molt
