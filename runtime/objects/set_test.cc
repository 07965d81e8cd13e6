// set_test.cc — set and frozenset against CPython 3.12 (PYTHONHASHSEED=0):
// methods, operators and their in-place forms, comparisons, frozenset
// hashing, repr, construction, set keys looked up as frozensets, and the
// iterator's size check. Expected values come from CPython 3.12.1 runs of
// the statement quoted before each group.
#include "objects/set.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "core/iter.h"
#include "objects/container_test_util.h"
#include "objects/dict.h"
#include "objects/range.h"

namespace molt {
namespace {

using namespace molt::testing;

Value set_of(std::initializer_list<Value> items) {
  Ref l(list_steal(items));
  return set_new(l.get());
}
Value frozen_of(std::initializer_list<Value> items) {
  Ref l(list_steal(items));
  return frozenset_new(l.get());
}
Value range_list(int64_t n) {
  Value l = list_new(n);
  for (int64_t i = 0; i < n; ++i) list_append(l, molt_from_small_int(i));
  return l;
}

TEST(Set, AddRemoveDiscardPop) {
  // s={1,2}; s.add(3); s.add(1.0)
  Ref s(set_of({I(1), I(2)}));
  EXPECT_EQ(R(call(s.get(), "add", {I(3)})), "None");
  EXPECT_EQ(R(call(s.get(), "add", {molt_from_double(1.0)})), "None");
  EXPECT_EQ(repr_of(s.get()), "{1, 2, 3}");
  Ref l(ints({1}));
  EXPECT_EQ(R(call(s.get(), "add", {l.get()})), "!! TypeError: unhashable type: 'list'");
  EXPECT_EQ(R(call(s.get(), "add", {I(1), I(2)})),
            "!! TypeError: set.add() takes exactly one argument (2 given)");
  EXPECT_EQ(R(call(s.get(), "add")), "!! TypeError: set.add() takes exactly one argument (0 given)");
  EXPECT_EQ(R(call(s.get(), "remove", {I(7)})), "!! KeyError: 7");
  EXPECT_EQ(R(call(s.get(), "remove", {l.get()})), "!! TypeError: unhashable type: 'list'");
  EXPECT_EQ(object_contains(s.get(), l.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'list'");
  // s={1,2,3}; s.pop(), s.pop(), s
  EXPECT_EQ(R(call(s.get(), "pop")), "1");
  EXPECT_EQ(R(call(s.get(), "pop")), "2");
  EXPECT_EQ(repr_of(s.get()), "{3}");
  EXPECT_EQ(R(call(s.get(), "discard", {I(3)})), "None");
  EXPECT_EQ(R(call(s.get(), "discard", {I(3)})), "None");
  EXPECT_EQ(R(call(s.get(), "pop")), "!! KeyError: 'pop from an empty set'");
  // s={frozenset({1})}; {1} in s; s.remove({1}); s.discard({1})
  Ref fs(set_of({frozen_of({I(1)})}));
  Ref one(set_of({I(1)}));
  EXPECT_EQ(object_contains(fs.get(), one.get()), 1);
  EXPECT_EQ(R(call(fs.get(), "__contains__", {one.get()})), "True");
  EXPECT_EQ(R(call(fs.get(), "remove", {one.get()})), "None");
  EXPECT_EQ(repr_of(fs.get()), "set()");
  Ref fs2(set_of({frozen_of({I(1)})}));
  EXPECT_EQ(R(call(fs2.get(), "discard", {one.get()})), "None");
  EXPECT_EQ(repr_of(fs2.get()), "set()");
  // {1, 1.0, True}, {0.0, -0.0}
  Ref eq(set_of({I(1), molt_from_double(1.0), MOLT_TRUE}));
  EXPECT_EQ(repr_of(eq.get()), "{1}");
  Ref zeros(set_of({molt_from_double(0.0), molt_from_double(-0.0)}));
  EXPECT_EQ(repr_of(zeros.get()), "{0.0}");
}

TEST(Set, Operators) {
  Ref a(set_of({I(1), I(2)})), b(set_of({I(3)})), c(set_of({I(2), I(3)})), two(set_of({I(2)}));
  EXPECT_EQ(R(binary_op(BinOp::BitOr, a.get(), b.get())), "{1, 2, 3}");
  EXPECT_EQ(R(binary_op(BinOp::BitAnd, a.get(), c.get())), "{2}");
  EXPECT_EQ(R(binary_op(BinOp::Sub, a.get(), two.get())), "{1}");
  EXPECT_EQ(R(binary_op(BinOp::BitXor, a.get(), c.get())), "{1, 3}");
  Ref l(ints({2}));
  EXPECT_EQ(R(binary_op(BinOp::BitOr, a.get(), l.get())),
            "!! TypeError: unsupported operand type(s) for |: 'set' and 'list'");
  // frozenset({1}) | {2}, {2} | frozenset({1}), frozenset({1}) & {1}, frozenset() - set()
  Ref f1(frozen_of({I(1)})), s2(set_of({I(2)})), s1(set_of({I(1)}));
  EXPECT_EQ(R(binary_op(BinOp::BitOr, f1.get(), s2.get())), "frozenset({1, 2})");
  EXPECT_EQ(R(binary_op(BinOp::BitOr, s2.get(), f1.get())), "{1, 2}");
  EXPECT_EQ(R(binary_op(BinOp::BitAnd, f1.get(), s1.get())), "frozenset({1})");
  Ref ef(frozenset_new(MOLT_UNBOUND)), es(set_new(MOLT_UNBOUND));
  Ref diff(binary_op(BinOp::Sub, ef.get(), es.get()));
  EXPECT_STREQ(type_name(diff.get()), "frozenset");
  // s={1}; s |= {2}; s &= {2,3}; s -= {9}; s ^= {4}
  Ref s(set_of({I(1)}));
  Ref s23(set_of({I(2), I(3)})), s9(set_of({I(9)})), s4(set_of({I(4)}));
  for (auto [op, rhs] : {std::pair{BinOp::BitOr, s2.get()}, std::pair{BinOp::BitAnd, s23.get()},
                         std::pair{BinOp::Sub, s9.get()}, std::pair{BinOp::BitXor, s4.get()}}) {
    Value r = inplace_binary_op(op, s.get(), rhs);
    EXPECT_EQ(r, s.get());
    decref(r);
  }
  EXPECT_EQ(repr_of(s.get()), "{2, 4}");
  EXPECT_EQ(R(inplace_binary_op(BinOp::BitOr, s.get(), l.get())),
            "!! TypeError: unsupported operand type(s) for |=: 'set' and 'list'");
  EXPECT_EQ(R(inplace_binary_op(BinOp::BitAnd, s.get(), l.get())),
            "!! TypeError: unsupported operand type(s) for &=: 'set' and 'list'");
  // f=frozenset({1}); f |= {2} rebinds f to a new frozenset.
  Value f = inplace_binary_op(BinOp::BitOr, f1.get(), s2.get());
  EXPECT_NE(f, f1.get());
  EXPECT_EQ(R(f), "frozenset({1, 2})");
  EXPECT_EQ(repr_of(f1.get()), "frozenset({1})");
}

TEST(Set, Methods) {
  Ref a(set_of({I(1), I(2)}));
  Ref l3(ints({3})), t4(tuple_steal({I(4)})), l2(ints({2})), s23(set_of({I(2), I(3)})), l1(ints({1})),
      l25(ints({2, 5}));
  EXPECT_EQ(R(call(a.get(), "union", {l3.get(), t4.get()})), "{1, 2, 3, 4}");
  EXPECT_EQ(R(call(a.get(), "intersection", {l2.get(), s23.get()})), "{2}");
  Ref b(set_of({I(1), I(2), I(3)}));
  Ref only2(set_of({I(2)}));
  EXPECT_EQ(R(call(b.get(), "difference", {l1.get(), only2.get()})), "{3}");
  EXPECT_EQ(R(call(a.get(), "symmetric_difference", {l25.get()})), "{1, 5}");
  EXPECT_EQ(R(call(a.get(), "union")), "{1, 2}");
  EXPECT_EQ(R(call(a.get(), "intersection")), "{1, 2}");
  EXPECT_EQ(R(call(a.get(), "difference")), "{1, 2}");
  Ref l123(ints({1, 2, 3}));
  EXPECT_EQ(R(call(a.get(), "issubset", {l123.get()})), "True");
  EXPECT_EQ(R(call(a.get(), "issuperset", {l1.get()})), "True");
  EXPECT_EQ(R(call(a.get(), "isdisjoint", {l3.get()})), "True");
  Ref s1(set_of({I(1)}));
  EXPECT_EQ(R(call(s1.get(), "isdisjoint", {s1.get()})), "False");
  EXPECT_EQ(R(call(a.get(), "issubset", {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call(a.get(), "issubset")),
            "!! TypeError: set.issubset() takes exactly one argument (0 given)");
  EXPECT_EQ(R(call(a.get(), "union", {}, {{"x", I(1)}})),
            "!! TypeError: set.union() takes no keyword arguments");
  Ref fz(frozenset_new(MOLT_UNBOUND));
  EXPECT_EQ(R(call(fz.get(), "union", {}, {{"x", I(1)}})),
            "!! TypeError: frozenset.union() takes no keyword arguments");
  // s={1,2,3}; s.intersection_update([2,3],[3]) / difference_update([1],[2]) /
  // symmetric_difference_update([3,4]) / update([3],[4])
  Ref c(set_of({I(1), I(2), I(3)})), l23(ints({2, 3}));
  EXPECT_EQ(R(call(c.get(), "intersection_update", {l23.get(), l3.get()})), "None");
  EXPECT_EQ(repr_of(c.get()), "{3}");
  Ref d(set_of({I(1), I(2), I(3)}));
  EXPECT_EQ(R(call(d.get(), "difference_update", {l1.get(), l2.get()})), "None");
  EXPECT_EQ(repr_of(d.get()), "{3}");
  Ref e(set_of({I(1), I(2), I(3)})), l34(ints({3, 4}));
  EXPECT_EQ(R(call(e.get(), "symmetric_difference_update", {l34.get()})), "None");
  EXPECT_EQ(repr_of(e.get()), "{1, 2, 4}");
  Ref f(set_of({I(1), I(2)})), l4(ints({4}));
  EXPECT_EQ(R(call(f.get(), "update", {l3.get(), l4.get()})), "None");
  EXPECT_EQ(repr_of(f.get()), "{1, 2, 3, 4}");
  EXPECT_EQ(R(call(f.get(), "__len__")), "4");
  EXPECT_EQ(R(call(f.get(), "clear")), "None");
  EXPECT_EQ(repr_of(f.get()), "set()");
  // frozenset.copy returns the same object; set.copy a new set.
  Ref fr(frozen_of({I(1)}));
  Value same = call(fr.get(), "copy");
  EXPECT_EQ(same, fr.get());
  decref(same);
  Value copy = call(a.get(), "copy");
  EXPECT_NE(copy, a.get());
  EXPECT_STREQ(type_name(copy), "set");
  decref(copy);
  EXPECT_EQ(R(call(fr.get(), "add", {I(2)})), "!! AttributeError: 'frozenset' object has no attribute 'add'");
  // set(range(100)).difference_update(range(90)); {1,2,3} - {1..30}
  Ref big(range_list(100)), r90(range_list(90));
  Ref g(set_new(big.get()));
  EXPECT_EQ(R(call(g.get(), "difference_update", {r90.get()})), "None");
  EXPECT_EQ(repr_of(g.get()), "{90, 91, 92, 93, 94, 95, 96, 97, 98, 99}");
  Ref r30(range_list(31));
  Ref s30(set_new(r30.get()));
  EXPECT_EQ(R(binary_op(BinOp::Sub, b.get(), s30.get())), "set()");
}

// How much of an iterator argument the algorithms consume (CPython 3.12):
// s={1,2}; it=iter([1,2,3]); s.intersection(it); next(it) -> 3, etc.
TEST(Set, IteratorArgumentsConsumption) {
  Ref s(set_of({I(1), I(2)}));
  auto rest_after = [&](const char* method, std::initializer_list<int64_t> items, const char* want_result) {
    Ref l(ints(items));
    Ref it(object_iter(l.get()));
    EXPECT_EQ(R(call(s.get(), method, {it.get()})), want_result);
    return drain(new_ref(it.get()));
  };
  EXPECT_EQ(rest_after("intersection", {1, 2, 3}, "{1, 2}"), "[3]");
  EXPECT_EQ(rest_after("issubset", {1, 2, 3, 4}, "True"), "[3, 4]");
  EXPECT_EQ(rest_after("issuperset", {1, 5, 2}, "False"), "[2]");
  EXPECT_EQ(rest_after("isdisjoint", {3, 1, 2, 9}, "False"), "[2, 9]");
}

TEST(Set, Compare) {
  Ref a(set_of({I(1), I(2)})), b(set_of({I(2), I(1)})), s1(set_of({I(1)})), f1(frozen_of({I(1)})),
      s2(set_of({I(2)}));
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(s1.get(), f1.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(s1.get(), s2.get(), CompareOp::Ne)), "True");
  EXPECT_EQ(R(rich_compare(s1.get(), a.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Le)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), s1.get(), CompareOp::Gt)), "True");
  EXPECT_EQ(R(rich_compare(s1.get(), a.get(), CompareOp::Ge)), "False");
  Ref l(ints({1}));
  EXPECT_EQ(R(rich_compare(s1.get(), l.get(), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(s1.get(), l.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'set' and 'list'");
}

TEST(Set, FrozensetHash) {
  // hash(frozenset()), ({1,2,3}), ({'a','b'}), ({frozenset({1})}), (range(100))
  Ref e(frozenset_new(MOLT_UNBOUND));
  EXPECT_EQ(object_hash(e.get()), 133146708735736);
  Ref a(frozen_of({I(1), I(2), I(3)}));
  EXPECT_EQ(object_hash(a.get()), -272375401224217160);
  Ref b(frozen_of({S("a"), S("b")}));
  EXPECT_EQ(object_hash(b.get()), 1679668661828516449);
  Ref c(frozen_of({frozen_of({I(1)})}));
  EXPECT_EQ(object_hash(c.get()), 5515263749738256364);
  Ref r(range_list(100));
  Ref d(frozenset_new(r.get()));
  EXPECT_EQ(object_hash(d.get()), 4411996150312757951);
  Ref s(set_new(MOLT_UNBOUND));
  EXPECT_EQ(object_hash(s.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'set'");
}

TEST(Set, ReprAndConstruction) {
  EXPECT_EQ(R(set_new(MOLT_UNBOUND)), "set()");
  EXPECT_EQ(R(frozenset_new(MOLT_UNBOUND)), "frozenset()");
  EXPECT_EQ(R(set_of({I(1), S("a")})), "{1, 'a'}");
  EXPECT_EQ(R(frozen_of({tuple_steal({I(1), I(2)})})), "frozenset({(1, 2)})");
  Value st = type_value(set_type), ft = type_value(frozenset_type);
  Ref l(ints({1, 2})), t(tuple_steal({I(3)})), d(dict_new()), aa(S("aa"));
  dict_setitem(d.get(), I(5), I(6));
  Ref r3(call_type(type_value(range_type), {I(3)}));
  EXPECT_EQ(R(call_type(st, {l.get()})), "{1, 2}");
  EXPECT_EQ(R(call_type(st, {t.get()})), "{3}");
  EXPECT_EQ(R(call_type(st, {d.get()})), "{5}");
  EXPECT_EQ(R(call_type(st, {r3.get()})), "{0, 1, 2}");
  EXPECT_EQ(R(call_type(ft, {aa.get()})), "frozenset({'a'})");
  EXPECT_EQ(R(call_type(st, {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_type(st, {I(1), I(2)})), "!! TypeError: set expected at most 1 argument, got 2");
  EXPECT_EQ(R(call_type(st, {}, {{"x", I(1)}})), "!! TypeError: set() takes no keyword arguments");
  EXPECT_EQ(R(call_type(ft, {}, {{"x", I(1)}})), "!! TypeError: frozenset() takes no keyword arguments");
  Ref fz(call_type(ft, {l.get()}));
  Value same = call_type(ft, {fz.get()});
  EXPECT_EQ(same, fz.get());
  decref(same);
  Ref e(set_new(MOLT_UNBOUND)), z(set_of({I(0)}));
  EXPECT_EQ(object_truth(e.get()), 0);
  EXPECT_EQ(object_truth(z.get()), 1);
}

TEST(Set, Iteration) {
  // s={1,2}; it=iter(s); next(it); s.add(5); next(it)
  Ref s(set_of({I(1), I(2)}));
  Value it = object_iter(s.get());
  EXPECT_STREQ(type_name(it), "set_iterator");
  decref(iter_next(it));
  set_add(s.get(), I(5));
  EXPECT_EQ(drain(it), "!! RuntimeError: Set changed size during iteration");
  // s={1,2}; it=iter(s); next(it); s.discard(1); s.add(9); list(it)
  Ref t(set_of({I(1), I(2)}));
  it = object_iter(t.get());
  decref(iter_next(it));
  set_discard(t.get(), I(1));
  set_add(t.get(), I(9));
  EXPECT_EQ(drain(it), "[2]");
}

}  // namespace
}  // namespace molt
