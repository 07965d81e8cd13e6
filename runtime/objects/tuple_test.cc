// tuple_test.cc — tuple against CPython 3.12: hash, repr, comparison,
// concatenation/repetition, indexing and slicing, methods, iteration and
// construction. Expected values were taken from CPython 3.12.1 runs.
#include "objects/tuple.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "objects/container_test_util.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"

namespace molt {
namespace {

using namespace molt::testing;

TEST(Tuple, HashMatchesCPython) {
  Ref empty(tuple_new(0));
  EXPECT_EQ(object_hash(empty.get()), 5740354900026072187);
  Ref one(tuple_pack1_steal(molt_from_small_int(1)));
  EXPECT_EQ(object_hash(one.get()), -6644214454873602895);
  Ref two(tuple_pack2_steal(molt_from_small_int(1), molt_from_small_int(2)));
  EXPECT_EQ(object_hash(two.get()), -3550055125485641917);
  Ref three(tuple_new(3));
  tuple_set_steal(three.get(), 0, str_from_cstr("a"));
  tuple_set_steal(three.get(), 1, molt_from_double(1.5));
  tuple_set_steal(three.get(), 2, MOLT_NONE);
  EXPECT_EQ(object_hash(three.get()), 9046442393729319273);
  Ref unhashable(tuple_steal({I(1), ints({1})}));
  EXPECT_EQ(object_hash(unhashable.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'list'");
}

TEST(Tuple, Repr) {
  Ref one(tuple_pack1_steal(molt_from_small_int(1)));
  EXPECT_EQ(repr_of(one.get()), "(1,)");
  Ref two(tuple_pack2_steal(str_from_cstr("x"), molt_from_double(0.5)));
  EXPECT_EQ(repr_of(two.get()), "('x', 0.5)");
  EXPECT_EQ(R(tuple_new(0)), "()");
  // t = ([],); t[0].append(t)
  Ref inner(list_new(0));
  Ref t(tuple_steal({new_ref(inner.get())}));
  list_append(inner.get(), t.get());
  EXPECT_EQ(repr_of(t.get()), "([(...)],)");
  list_clear(inner.get());
}

TEST(Tuple, EmptyIsShared) {
  Ref a(tuple_new(0)), b(tuple_new(0));
  EXPECT_EQ(a.get(), b.get());
}

TEST(Tuple, Compare) {
  Ref a(tuple_steal({I(1), I(2)})), b(tuple_steal({I(1), I(3)})), c(tuple_steal({I(1), I(2), I(0)}));
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), a.get(), CompareOp::Lt)), "False");
  EXPECT_EQ(R(rich_compare(c.get(), a.get(), CompareOp::Ge)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Ne)), "True");
  Ref e(tuple_new(0));
  EXPECT_EQ(R(rich_compare(e.get(), a.get(), CompareOp::Lt)), "True");
  // (1, [1]) == (1, [1]); (1, 2.0) == (1, 2)
  Ref x(tuple_steal({I(1), ints({1})})), y(tuple_steal({I(1), ints({1})}));
  EXPECT_EQ(R(rich_compare(x.get(), y.get(), CompareOp::Eq)), "True");
  Ref f(tuple_steal({I(1), molt_from_double(2.0)}));
  EXPECT_EQ(R(rich_compare(f.get(), a.get(), CompareOp::Eq)), "True");
  // (1, 'a') < (1, 2)
  Ref g(tuple_steal({I(1), S("a")}));
  EXPECT_EQ(R(rich_compare(g.get(), a.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(R(rich_compare(a.get(), I(1), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'tuple' and 'int'");
  EXPECT_EQ(R(rich_compare(a.get(), I(1), CompareOp::Eq)), "False");
}

TEST(Tuple, ConcatRepeat) {
  Ref a(tuple_steal({I(1), I(2)})), b(tuple_steal({S("x")}));
  EXPECT_EQ(R(binary_op(BinOp::Add, a.get(), b.get())), "(1, 2, 'x')");
  Ref l(ints({1}));
  EXPECT_EQ(R(binary_op(BinOp::Add, a.get(), l.get())),
            "!! TypeError: can only concatenate tuple (not \"list\") to tuple");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), I(3))), "(1, 2, 1, 2, 1, 2)");
  EXPECT_EQ(R(binary_op(BinOp::Mult, I(2), a.get())), "(1, 2, 1, 2)");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), I(-1))), "()");
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), MOLT_TRUE)), "(1, 2)");
  Ref s(S("a"));
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), s.get())),
            "!! TypeError: can't multiply sequence by non-int of type 'str'");
  Ref e(tuple_new(0));
  Value same = binary_op(BinOp::Add, a.get(), e.get());
  EXPECT_EQ(same, a.get());
  decref(same);
  same = binary_op(BinOp::Mult, a.get(), I(1));
  EXPECT_EQ(same, a.get());
  decref(same);
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_EQ(R(binary_op(BinOp::Mult, a.get(), big.get())),
            "!! OverflowError: cannot fit 'int' into an index-sized integer");
}

TEST(Tuple, Subscript) {
  Ref t(tuple_steal({I(0), I(1), I(2), I(3), I(4)}));
  EXPECT_EQ(R(object_getitem(t.get(), I(1))), "1");
  EXPECT_EQ(R(object_getitem(t.get(), I(-1))), "4");
  EXPECT_EQ(R(object_getitem(t.get(), MOLT_TRUE)), "1");
  EXPECT_EQ(R(object_getitem(t.get(), I(5))), "!! IndexError: tuple index out of range");
  EXPECT_EQ(R(object_getitem(t.get(), I(-6))), "!! IndexError: tuple index out of range");
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_EQ(R(object_getitem(t.get(), big.get())),
            "!! IndexError: cannot fit 'int' into an index-sized integer");
  Ref key(S("a"));
  EXPECT_EQ(R(object_getitem(t.get(), key.get())),
            "!! TypeError: tuple indices must be integers or slices, not str");
  EXPECT_EQ(R(object_getitem(t.get(), molt_from_double(1.0))),
            "!! TypeError: tuple indices must be integers or slices, not float");
  auto sl = [&](Value a, Value b, Value c) {
    Ref s(slice_new(a, b, c));
    return R(object_getitem(t.get(), s.get()));
  };
  EXPECT_EQ(sl(I(1), I(3), MOLT_NONE), "(1, 2)");
  EXPECT_EQ(sl(MOLT_NONE, MOLT_NONE, I(-1)), "(4, 3, 2, 1, 0)");
  EXPECT_EQ(sl(MOLT_NONE, MOLT_NONE, I(2)), "(0, 2, 4)");
  EXPECT_EQ(sl(I(-2), MOLT_NONE, MOLT_NONE), "(3, 4)");
  EXPECT_EQ(sl(I(4), I(1), I(-2)), "(4, 2)");
  EXPECT_EQ(sl(big.get(), MOLT_NONE, MOLT_NONE), "()");
  EXPECT_EQ(sl(MOLT_NONE, MOLT_NONE, I(0)), "!! ValueError: slice step cannot be zero");
  EXPECT_EQ(sl(key.get(), MOLT_NONE, MOLT_NONE),
            "!! TypeError: slice indices must be integers or None or have an __index__ method");
  Ref whole(slice_new(MOLT_NONE, MOLT_NONE, MOLT_NONE));
  Value same = object_getitem(t.get(), whole.get());
  EXPECT_EQ(same, t.get());
  decref(same);
  EXPECT_EQ(status_text(object_setitem(t.get(), I(0), I(1))),
            "!! TypeError: 'tuple' object does not support item assignment");
  EXPECT_EQ(status_text(object_delitem(t.get(), I(0))),
            "!! TypeError: 'tuple' object doesn't support item deletion");
}

TEST(Tuple, Methods) {
  Ref t(tuple_steal({I(1), I(2), I(3), I(2)}));
  EXPECT_EQ(R(call(t.get(), "index", {I(2)})), "1");
  EXPECT_EQ(R(call(t.get(), "index", {I(2), I(2)})), "3");
  EXPECT_EQ(R(call(t.get(), "index", {I(2), I(-1)})), "3");
  EXPECT_EQ(R(call(t.get(), "index", {I(3), I(-100), I(100)})), "2");
  EXPECT_EQ(R(call(t.get(), "index", {I(3), I(0), I(2)})), "!! ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(R(call(t.get(), "index", {molt_from_double(2.0)})), "1");
  EXPECT_EQ(R(call(t.get(), "index", {I(5)})), "!! ValueError: tuple.index(x): x not in tuple");
  EXPECT_EQ(R(call(t.get(), "index")), "!! TypeError: index expected at least 1 argument, got 0");
  EXPECT_EQ(R(call(t.get(), "index", {I(1), I(2), I(3), I(4)})),
            "!! TypeError: index expected at most 3 arguments, got 4");
  Ref a(S("a"));
  EXPECT_EQ(R(call(t.get(), "index", {I(1), a.get()})),
            "!! TypeError: slice indices must be integers or have an __index__ method");
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_EQ(R(call(t.get(), "index", {I(2), I(1), big.get()})), "1");
  EXPECT_EQ(R(call(t.get(), "count", {I(2)})), "2");
  EXPECT_EQ(R(call(t.get(), "count", {I(7)})), "0");
  EXPECT_EQ(R(call(t.get(), "count")), "!! TypeError: tuple.count() takes exactly one argument (0 given)");
  EXPECT_EQ(object_contains(t.get(), I(3)), 1);
  EXPECT_EQ(object_contains(t.get(), I(4)), 0);
  EXPECT_EQ(object_length(t.get()), 4);
}

TEST(Tuple, IterationAndConstruction) {
  Ref t(tuple_steal({I(1), S("b")}));
  EXPECT_EQ(drain(object_iter(t.get())), "[1, 'b']");
  Value it = object_iter(t.get());
  EXPECT_STREQ(type_name(it), "tuple_iterator");
  decref(it);
  Value tt = type_value(tuple_type);
  EXPECT_EQ(R(call_type(tt)), "()");
  Ref l(ints({3, 4}));
  EXPECT_EQ(R(call_type(tt, {l.get()})), "(3, 4)");
  Ref s(S("ab"));
  EXPECT_EQ(R(call_type(tt, {s.get()})), "('a', 'b')");
  Value same = call_type(tt, {t.get()});
  EXPECT_EQ(same, t.get());
  decref(same);
  EXPECT_EQ(R(call_type(tt, {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_type(tt, {I(1), I(2)})), "!! TypeError: tuple expected at most 1 argument, got 2");
  EXPECT_EQ(R(call_type(tt, {}, {{"x", I(1)}})), "!! TypeError: tuple() takes no keyword arguments");
}

}  // namespace
}  // namespace molt
