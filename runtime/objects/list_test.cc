// list_test.cc — list against CPython 3.12: methods, operators, indexing,
// slice assignment/deletion (including extended slices), comparison,
// repr, iteration and construction. Expected values come from CPython
// 3.12.1 runs of the Python statement quoted in each check.
#include "objects/list.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "core/iter.h"
#include "objects/container_test_util.h"
#include "objects/iterators.h"
#include "objects/range.h"
#include "objects/slice.h"

namespace molt {
namespace {

using namespace molt::testing;

Value sl(Value a, Value b, Value c = MOLT_NONE) {
  Value s = slice_new(a, b, c);
  decref(a);
  decref(b);
  decref(c);
  return s;
}

/// a = list(range(n)); a[key] = value; returns repr(a) or the error.
std::string assign(int64_t n, Value key_stolen, Value value_stolen) {
  Ref a(list_new(0));
  for (int64_t i = 0; i < n; ++i) list_append(a.get(), molt_from_small_int(i));
  Ref key(key_stolen), value(value_stolen);
  int r = object_setitem(a.get(), key.get(), value.get());
  return r < 0 ? "!! " + take_error_text() : repr_of(a.get());
}

std::string del(int64_t n, Value key_stolen) {
  Ref a(list_new(0));
  for (int64_t i = 0; i < n; ++i) list_append(a.get(), molt_from_small_int(i));
  Ref key(key_stolen);
  int r = object_delitem(a.get(), key.get());
  return r < 0 ? "!! " + take_error_text() : repr_of(a.get());
}

TEST(List, SliceAssignment) {
  EXPECT_EQ(assign(3, sl(I(1), I(3), I(1)), I(5)), "!! TypeError: can only assign an iterable");
  EXPECT_EQ(assign(3, sl(MOLT_NONE, MOLT_NONE, I(2)), ints({7, 8})), "[7, 1, 8]");
  EXPECT_EQ(assign(3, sl(MOLT_NONE, MOLT_NONE, I(2)), ints({1})),
            "!! ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
  EXPECT_EQ(assign(3, sl(MOLT_NONE, MOLT_NONE, I(2)), I(5)),
            "!! TypeError: must assign iterable to extended slice");
  EXPECT_EQ(assign(5, sl(MOLT_NONE, MOLT_NONE, I(-2)), S("abc")), "['c', 1, 'b', 3, 'a']");
  EXPECT_EQ(assign(5, sl(I(1), I(3)), S("abcd")), "[0, 'a', 'b', 'c', 'd', 3, 4]");
  EXPECT_EQ(assign(5, sl(I(3), I(1)), S("xy")), "[0, 1, 2, 'x', 'y', 3, 4]");
  EXPECT_EQ(assign(10, sl(I(2), I(5)), list_new(0)), "[0, 1, 5, 6, 7, 8, 9]");
  EXPECT_EQ(assign(4, sl(I(10), I(20)), ints({9})), "[0, 1, 2, 3, 9]");
  EXPECT_EQ(assign(4, sl(I(-10), I(1)), tuple_steal({I(7), I(8)})), "[7, 8, 1, 2, 3]");
  EXPECT_EQ(assign(4, sl(I(5), I(2), I(1)), ints({9})), "[0, 1, 2, 3, 9]");
  EXPECT_EQ(assign(4, sl(I(5), I(2), I(2)), list_new(0)), "[0, 1, 2, 3]");
  EXPECT_EQ(assign(3, sl(S("a"), MOLT_NONE), list_new(0)),
            "!! TypeError: slice indices must be integers or None or have an __index__ method");
  EXPECT_EQ(assign(3, sl(MOLT_NONE, MOLT_NONE, I(0)), list_new(0)),
            "!! ValueError: slice step cannot be zero");
  // a[:] = a and a[::-1] = a copy the source first.
  Ref a(ints({0, 1, 2, 3}));
  Ref all(sl(MOLT_NONE, MOLT_NONE, I(-1)));
  EXPECT_EQ(status_text(object_setitem(a.get(), all.get(), a.get())), "ok");
  EXPECT_EQ(repr_of(a.get()), "[3, 2, 1, 0]");
  Ref whole(sl(MOLT_NONE, MOLT_NONE));
  EXPECT_EQ(status_text(object_setitem(a.get(), whole.get(), a.get())), "ok");
  EXPECT_EQ(repr_of(a.get()), "[3, 2, 1, 0]");
}

TEST(List, ItemAssignmentAndDeletion) {
  EXPECT_EQ(assign(4, I(1), S("x")), "[0, 'x', 2, 3]");
  EXPECT_EQ(assign(4, I(-1), S("y")), "[0, 1, 2, 'y']");
  EXPECT_EQ(assign(4, I(-5), I(1)), "!! IndexError: list assignment index out of range");
  EXPECT_EQ(assign(4, MOLT_TRUE, I(9)), "[0, 9, 2, 3]");
  EXPECT_EQ(assign(4, int_pow(I(10), I(30), MOLT_NONE), I(9)),
            "!! IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(assign(3, S("x"), I(1)), "!! TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(del(4, I(-1)), "[0, 1, 2]");
  EXPECT_EQ(del(4, I(0)), "[1, 2, 3]");
  EXPECT_EQ(del(4, I(4)), "!! IndexError: list assignment index out of range");
  EXPECT_EQ(del(3, S("x")), "!! TypeError: list indices must be integers or slices, not str");
  EXPECT_EQ(del(10, sl(I(1), I(8), I(3))), "[0, 2, 3, 5, 6, 8, 9]");
  EXPECT_EQ(del(10, sl(I(8), I(1), I(-3))), "[0, 1, 3, 4, 6, 7, 9]");
  EXPECT_EQ(del(10, sl(MOLT_NONE, MOLT_NONE, I(-1))), "[]");
  EXPECT_EQ(del(10, sl(I(-3), MOLT_NONE)), "[0, 1, 2, 3, 4, 5, 6]");
  EXPECT_EQ(del(10, sl(MOLT_NONE, MOLT_NONE, I(2))), "[1, 3, 5, 7, 9]");
  EXPECT_EQ(del(3, sl(I(5), I(9), I(2))), "[0, 1, 2]");
}

TEST(List, Subscript) {
  Ref a(ints({0, 1, 2, 3, 4}));
  EXPECT_EQ(R(object_getitem(a.get(), I(-1))), "4");
  EXPECT_EQ(R(object_getitem(a.get(), I(5))), "!! IndexError: list index out of range");
  EXPECT_EQ(R(object_getitem(a.get(), I(-6))), "!! IndexError: list index out of range");
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  Ref nbig(int_neg(big.get()));
  EXPECT_EQ(R(object_getitem(a.get(), big.get())),
            "!! IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(R(object_getitem(a.get(), nbig.get())),
            "!! IndexError: cannot fit 'int' into an index-sized integer");
  EXPECT_EQ(R(object_getitem(a.get(), molt_from_double(1.0))),
            "!! TypeError: list indices must be integers or slices, not float");
  Ref s1(sl(MOLT_NONE, MOLT_NONE, I(-1)));
  EXPECT_EQ(R(object_getitem(a.get(), s1.get())), "[4, 3, 2, 1, 0]");
  Ref s2(sl(I(1), I(-1), I(2)));
  EXPECT_EQ(R(object_getitem(a.get(), s2.get())), "[1, 3]");
  Ref s3(sl(new_ref(nbig.get()), new_ref(big.get())));
  EXPECT_EQ(R(object_getitem(a.get(), s3.get())), "[0, 1, 2, 3, 4]");
  Ref s4(sl(MOLT_NONE, MOLT_NONE, I(0)));
  EXPECT_EQ(R(object_getitem(a.get(), s4.get())), "!! ValueError: slice step cannot be zero");
  Value copy = object_getitem(a.get(), s3.get());
  EXPECT_NE(copy, a.get());
  decref(copy);
  EXPECT_EQ(R(call(a.get(), "__getitem__", {s1.get()})), "[4, 3, 2, 1, 0]");
  EXPECT_EQ(R(call(a.get(), "__len__")), "5");
  EXPECT_EQ(R(call(a.get(), "__contains__", {I(2)})), "True");
}

TEST(List, Methods) {
  Ref a(ints({1, 2}));
  EXPECT_EQ(R(call(a.get(), "append", {I(3)})), "None");
  EXPECT_EQ(R(call(a.get(), "append")), "!! TypeError: list.append() takes exactly one argument (0 given)");
  EXPECT_EQ(R(call(a.get(), "append", {I(1), I(2)})),
            "!! TypeError: list.append() takes exactly one argument (2 given)");
  EXPECT_EQ(R(call(a.get(), "append", {}, {{"x", I(1)}})),
            "!! TypeError: list.append() takes no keyword arguments");
  EXPECT_EQ(R(call(a.get(), "extend", {a.get()})), "None");
  EXPECT_EQ(repr_of(a.get()), "[1, 2, 3, 1, 2, 3]");
  Ref r3(call_type(type_value(range_type), {I(3)}));
  Ref xy(S("xy"));
  EXPECT_EQ(R(call(a.get(), "extend", {r3.get()})), "None");
  EXPECT_EQ(R(call(a.get(), "extend", {xy.get()})), "None");
  EXPECT_EQ(repr_of(a.get()), "[1, 2, 3, 1, 2, 3, 0, 1, 2, 'x', 'y']");
  EXPECT_EQ(R(call(a.get(), "extend", {I(5)})), "!! TypeError: 'int' object is not iterable");
  Ref b(ints({1, 2}));
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_EQ(R(call(b.get(), "insert", {big.get(), I(1)})),
            "!! OverflowError: Python int too large to convert to C ssize_t");
  EXPECT_EQ(R(call(b.get(), "insert", {molt_from_double(1.0), I(2)})),
            "!! TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(R(call(b.get(), "insert", {I(1)})), "!! TypeError: insert expected 2 arguments, got 1");
  EXPECT_EQ(R(call(b.get(), "insert", {I(-100), I(0)})), "None");
  EXPECT_EQ(R(call(b.get(), "insert", {I(100), I(9)})), "None");
  EXPECT_EQ(R(call(b.get(), "insert", {I(-1), I(7)})), "None");
  EXPECT_EQ(repr_of(b.get()), "[0, 1, 2, 7, 9]");
  EXPECT_EQ(R(call(b.get(), "pop")), "9");
  EXPECT_EQ(R(call(b.get(), "pop", {I(0)})), "0");
  EXPECT_EQ(R(call(b.get(), "pop", {I(-2)})), "2");
  EXPECT_EQ(R(call(b.get(), "pop", {I(5)})), "!! IndexError: pop index out of range");
  EXPECT_EQ(R(call(b.get(), "pop", {I(-5)})), "!! IndexError: pop index out of range");
  EXPECT_EQ(R(call(b.get(), "pop", {big.get()})),
            "!! OverflowError: Python int too large to convert to C ssize_t");
  Ref s(S("a"));
  EXPECT_EQ(R(call(b.get(), "pop", {s.get()})),
            "!! TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(call(b.get(), "pop", {I(1), I(2)})), "!! TypeError: pop expected at most 1 argument, got 2");
  EXPECT_EQ(repr_of(b.get()), "[1, 7]");
  Ref e(list_new(0));
  EXPECT_EQ(R(call(e.get(), "pop")), "!! IndexError: pop from empty list");
  Ref c(ints({1, 2, 1}));
  EXPECT_EQ(R(call(c.get(), "remove", {molt_from_double(1.0)})), "None");
  EXPECT_EQ(R(call(c.get(), "remove", {MOLT_TRUE})), "None");
  EXPECT_EQ(repr_of(c.get()), "[2]");
  EXPECT_EQ(R(call(c.get(), "remove", {I(5)})), "!! ValueError: list.remove(x): x not in list");
  Ref d(ints({1, 2, 3, 2}));
  EXPECT_EQ(R(call(d.get(), "index", {I(2)})), "1");
  EXPECT_EQ(R(call(d.get(), "index", {I(2), I(2)})), "3");
  EXPECT_EQ(R(call(d.get(), "index", {I(2), I(-1)})), "3");
  EXPECT_EQ(R(call(d.get(), "index", {I(1), I(-100), I(100)})), "0");
  EXPECT_EQ(R(call(d.get(), "index", {I(3), I(0), I(2)})), "!! ValueError: 3 is not in list");
  EXPECT_EQ(R(call(d.get(), "index", {s.get()})), "!! ValueError: 'a' is not in list");
  EXPECT_EQ(R(call(d.get(), "index")), "!! TypeError: index expected at least 1 argument, got 0");
  EXPECT_EQ(R(call(d.get(), "index", {I(1), s.get()})),
            "!! TypeError: slice indices must be integers or have an __index__ method");
  EXPECT_EQ(R(call(d.get(), "count", {I(2)})), "2");
  EXPECT_EQ(R(call(d.get(), "count")), "!! TypeError: list.count() takes exactly one argument (0 given)");
  Ref f(list_steal({I(1), molt_from_double(1.0), MOLT_TRUE}));
  EXPECT_EQ(R(call(f.get(), "count", {I(1)})), "3");
  EXPECT_EQ(R(call(d.get(), "copy")), "[1, 2, 3, 2]");
  EXPECT_EQ(R(call(d.get(), "reverse")), "None");
  EXPECT_EQ(repr_of(d.get()), "[2, 3, 2, 1]");
  EXPECT_EQ(R(call(d.get(), "reverse", {I(1)})), "!! TypeError: list.reverse() takes no arguments (1 given)");
  EXPECT_EQ(R(call(d.get(), "clear")), "None");
  EXPECT_EQ(repr_of(d.get()), "[]");
}

TEST(List, Operators) {
  Ref a(ints({1, 2})), b(ints({3}));
  EXPECT_EQ(R(binary_op(BinOp::Add, a.get(), b.get())), "[1, 2, 3]");
  Ref t(tuple_steal({I(4)}));
  EXPECT_EQ(R(binary_op(BinOp::Add, a.get(), t.get())),
            "!! TypeError: can only concatenate list (not \"tuple\") to list");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), I(2))), "[1, 2, 1, 2]");
  EXPECT_EQ(R(binary_op(BinOp::Mult, I(3), b.get())), "[3, 3, 3]");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), I(-5))), "[]");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), molt_from_double(1.5))),
            "!! TypeError: can't multiply sequence by non-int of type 'float'");
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), big.get())),
            "!! OverflowError: cannot fit 'int' into an index-sized integer");
  // a += (4,) extends in place; a *= 2 repeats in place.
  Value r = inplace_binary_op(BinOp::Add, a.get(), t.get());
  EXPECT_EQ(r, a.get());
  decref(r);
  EXPECT_EQ(repr_of(a.get()), "[1, 2, 4]");
  EXPECT_EQ(R(inplace_binary_op(BinOp::Add, a.get(), I(5))), "!! TypeError: 'int' object is not iterable");
  r = inplace_binary_op(BinOp::Mult, a.get(), I(2));
  EXPECT_EQ(r, a.get());
  decref(r);
  EXPECT_EQ(repr_of(a.get()), "[1, 2, 4, 1, 2, 4]");
  Ref x(S("x"));
  EXPECT_EQ(R(inplace_binary_op(BinOp::Mult, a.get(), x.get())),
            "!! TypeError: can't multiply sequence by non-int of type 'str'");
  EXPECT_EQ(R(inplace_binary_op(BinOp::Mult, a.get(), I(0))), "[]");
  EXPECT_EQ(R(inplace_binary_op(BinOp::Sub, a.get(), I(0))),
            "!! TypeError: unsupported operand type(s) for -=: 'list' and 'int'");
}

TEST(List, Compare) {
  Ref a(ints({1, 2})), b(ints({1, 2})), c(ints({1, 2, 3})), d(ints({2})), e(ints({1, 5}));
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Ne)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(d.get(), e.get(), CompareOp::Gt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Le)), "True");
  Ref f(list_steal({I(1), S("a")}));
  EXPECT_EQ(R(rich_compare(f.get(), a.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'str' and 'int'");
  Ref t(tuple_steal({I(1), I(2)}));
  EXPECT_EQ(R(rich_compare(a.get(), t.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'list' and 'tuple'");
  EXPECT_EQ(R(rich_compare(a.get(), t.get(), CompareOp::Eq)), "False");
  Ref g(list_steal({molt_from_double(1.0), molt_from_double(2.0)}));
  EXPECT_EQ(R(rich_compare(a.get(), g.get(), CompareOp::Eq)), "True");
}

TEST(List, ReprAndTruth) {
  Ref a(list_steal(
      {I(1), S("a"), molt_from_double(2.5), MOLT_NONE, MOLT_TRUE, tuple_steal({I(1)}), list_new(0)}));
  EXPECT_EQ(repr_of(a.get()), "[1, 'a', 2.5, None, True, (1,), []]");
  Ref self_ref(list_new(0));
  list_append(self_ref.get(), self_ref.get());
  EXPECT_EQ(repr_of(self_ref.get()), "[[...]]");
  list_clear(self_ref.get());
  Ref e(list_new(0));
  EXPECT_EQ(object_truth(e.get()), 0);
  EXPECT_EQ(object_truth(a.get()), 1);
}

TEST(List, Iteration) {
  Ref a(ints({1, 2, 3}));
  EXPECT_EQ(drain(object_iter(a.get())), "[1, 2, 3]");
  Value it = object_iter(a.get());
  EXPECT_STREQ(type_name(it), "list_iterator");
  Value x = iter_next(it);
  decref(x);
  list_append(a.get(), I(4));
  EXPECT_EQ(R(call(it, "__length_hint__")), "3");
  EXPECT_EQ(drain(it), "[2, 3, 4]");
  Value rit = object_reversed(a.get());
  EXPECT_STREQ(type_name(rit), "list_reverseiterator");
  EXPECT_EQ(drain(rit), "[4, 3, 2, 1]");
  rit = object_reversed(a.get());
  decref(iter_next(rit));
  decref(call(a.get(), "pop"));
  decref(call(a.get(), "pop"));
  EXPECT_EQ(drain(rit), "[]");
}

TEST(List, Construction) {
  Value lt = type_value(list_type);
  EXPECT_EQ(R(call_type(lt)), "[]");
  Ref t(tuple_steal({I(1)}));
  EXPECT_EQ(R(call_type(lt, {t.get()})), "[1]");
  Ref s(S("ab"));
  EXPECT_EQ(R(call_type(lt, {s.get()})), "['a', 'b']");
  EXPECT_EQ(R(call_type(lt, {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_type(lt, {I(1), I(2)})), "!! TypeError: list expected at most 1 argument, got 2");
  EXPECT_EQ(R(call_type(lt, {}, {{"x", I(1)}})), "!! TypeError: list() takes no keyword arguments");
  Ref a(ints({1, 2}));
  Value copy = call_type(lt, {a.get()});
  EXPECT_NE(copy, a.get());
  EXPECT_EQ(R(copy), "[1, 2]");
}

}  // namespace
}  // namespace molt
