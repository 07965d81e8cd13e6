// dict_test.cc — dict against CPython 3.12: lookups, methods, update and
// construction, operators, equality, repr, views with their set
// operations, iteration and the mutation-during-iteration errors.
// Expected values come from CPython 3.12.1 runs of the statement quoted
// before each group.
#include "objects/dict.h"

#include <gtest/gtest.h>

#include <utility>

#include "core/abstract.h"
#include "core/iter.h"
#include "objects/container_test_util.h"
#include "objects/iterators.h"
#include "objects/range.h"
#include "objects/set.h"

namespace molt {
namespace {

using namespace molt::testing;

/// A dict of the given (key, value) pairs, both stolen.
Value dict_of(std::initializer_list<std::pair<Value, Value>> items) {
  Value d = dict_new();
  for (auto& kv : items) {
    dict_setitem(d, kv.first, kv.second);
    decref(kv.first);
    decref(kv.second);
  }
  return d;
}

Value set_of(std::initializer_list<Value> items) {
  Ref l(list_steal(items));
  return set_new(l.get());
}

TEST(Dict, GetSetdefaultPop) {
  // d={1:'a',2:'b'}; d.get(1), d.get(3), d.get(3,'z')
  Ref d(dict_of({{I(1), S("a")}, {I(2), S("b")}}));
  Ref z(S("z"));
  EXPECT_EQ(R(call(d.get(), "get", {I(1)})), "'a'");
  EXPECT_EQ(R(call(d.get(), "get", {I(3)})), "None");
  EXPECT_EQ(R(call(d.get(), "get", {I(3), z.get()})), "'z'");
  EXPECT_EQ(R(call(d.get(), "get")), "!! TypeError: get expected at least 1 argument, got 0");
  EXPECT_EQ(R(call(d.get(), "get", {I(1), I(2), I(3)})),
            "!! TypeError: get expected at most 2 arguments, got 3");
  Ref l(ints({1}));
  EXPECT_EQ(R(call(d.get(), "get", {l.get()})), "!! TypeError: unhashable type: 'list'");
  // {}.pop([1], 5) is 5; {1:1}.pop([1], 5) raises.
  Ref e(dict_new());
  EXPECT_EQ(R(call(e.get(), "pop", {l.get(), I(5)})), "5");
  EXPECT_EQ(R(call(d.get(), "pop", {l.get(), I(5)})), "!! TypeError: unhashable type: 'list'");
  Ref dflt(S("dflt"));
  EXPECT_EQ(R(call(d.get(), "pop", {I(7), dflt.get()})), "'dflt'");
  EXPECT_EQ(R(call(d.get(), "pop", {I(1)})), "'a'");
  EXPECT_EQ(R(call(d.get(), "pop", {I(1)})), "!! KeyError: 1");
  EXPECT_EQ(R(call(d.get(), "pop")), "!! TypeError: pop expected at least 1 argument, got 0");
  EXPECT_EQ(repr_of(d.get()), "{2: 'b'}");
  // d={'a':1}; d.setdefault('a', 5), d.setdefault('b'), d
  Ref s(dict_of({{S("a"), I(1)}}));
  Ref a(S("a")), b(S("b"));
  EXPECT_EQ(R(call(s.get(), "setdefault", {a.get(), I(5)})), "1");
  EXPECT_EQ(R(call(s.get(), "setdefault", {b.get()})), "None");
  EXPECT_EQ(R(call(s.get(), "setdefault")), "!! TypeError: setdefault expected at least 1 argument, got 0");
  EXPECT_EQ(repr_of(s.get()), "{'a': 1, 'b': None}");
  // d={1:2,3:4}; d.popitem(), d.popitem(), d.popitem()
  Ref p(dict_of({{I(1), I(2)}, {I(3), I(4)}}));
  EXPECT_EQ(R(call(p.get(), "popitem")), "(3, 4)");
  EXPECT_EQ(R(call(p.get(), "popitem")), "(1, 2)");
  EXPECT_EQ(R(call(p.get(), "popitem")), "!! KeyError: 'popitem(): dictionary is empty'");
}

TEST(Dict, Subscript) {
  Ref d(dict_of({{I(1), I(2)}}));
  EXPECT_EQ(R(object_getitem(d.get(), I(1))), "2");
  EXPECT_EQ(R(object_getitem(d.get(), molt_from_double(1.0))), "2");
  EXPECT_EQ(R(object_getitem(d.get(), MOLT_TRUE)), "2");
  EXPECT_EQ(R(object_getitem(d.get(), I(3))), "!! KeyError: 3");
  Ref t(tuple_steal({I(1), I(2)}));
  EXPECT_EQ(R(object_getitem(d.get(), t.get())), "!! KeyError: (1, 2)");
  Ref l(ints({1}));
  EXPECT_EQ(status_text(object_setitem(d.get(), l.get(), I(2))), "!! TypeError: unhashable type: 'list'");
  EXPECT_EQ(object_contains(d.get(), l.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(status_text(object_delitem(d.get(), I(3))), "!! KeyError: 3");
  EXPECT_EQ(R(call(d.get(), "__getitem__", {I(1)})), "2");
  EXPECT_EQ(R(call(d.get(), "__contains__", {I(1)})), "True");
  EXPECT_EQ(R(call(d.get(), "__len__")), "1");
  // {1:1, 1.0:2, True:3} keeps the first key; {0.0: 'a', -0.0: 'b'} likewise.
  Ref m(dict_of({{I(1), I(1)}, {molt_from_double(1.0), I(2)}, {MOLT_TRUE, I(3)}}));
  EXPECT_EQ(repr_of(m.get()), "{1: 3}");
  Ref z(dict_of({{molt_from_double(0.0), S("a")}, {molt_from_double(-0.0), S("b")}}));
  EXPECT_EQ(repr_of(z.get()), "{0.0: 'b'}");
}

TEST(Dict, UpdateAndConstruction) {
  // d={1:2}; d.update({3:4}, x=5)
  Ref d(dict_of({{I(1), I(2)}}));
  Ref other(dict_of({{I(3), I(4)}}));
  EXPECT_EQ(R(call(d.get(), "update", {other.get()}, {{"x", I(5)}})), "None");
  EXPECT_EQ(repr_of(d.get()), "{1: 2, 3: 4, 'x': 5}");
  // d.update([(5,6),[7,8]]) and d.update(['ab', 'cd'])
  Ref pairs(list_steal({tuple_steal({I(5), I(6)}), ints({7, 8}), S("ab")}));
  EXPECT_EQ(R(call(d.get(), "update", {pairs.get()})), "None");
  EXPECT_EQ(repr_of(d.get()), "{1: 2, 3: 4, 'x': 5, 5: 6, 7: 8, 'a': 'b'}");
  Ref bad_len(list_steal({tuple_steal({I(5), I(6), I(7)})}));
  EXPECT_EQ(R(call(d.get(), "update", {bad_len.get()})),
            "!! ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  Ref bad_item(ints({1}));
  EXPECT_EQ(R(call(d.get(), "update", {bad_item.get()})),
            "!! TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  EXPECT_EQ(R(call(d.get(), "update", {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call(d.get(), "update", {I(1), I(2)})),
            "!! TypeError: update expected at most 1 argument, got 2");
  // d.update(keys view) merges through keys() and __getitem__? No: a
  // dict_items view has no keys(), so it is an iterable of pairs.
  Ref items(call(other.get(), "items"));
  Ref e(dict_new());
  EXPECT_EQ(R(call(e.get(), "update", {items.get()})), "None");
  EXPECT_EQ(repr_of(e.get()), "{3: 4}");
  // dict(a=1, b=2), dict([(1,2)], c=3), dict({1:2}), dict(zip('ab', 'cd'))
  Value dt = type_value(dict_type);
  EXPECT_EQ(R(call_type(dt, {}, {{"a", I(1)}, {"b", I(2)}})), "{'a': 1, 'b': 2}");
  Ref p1(list_steal({tuple_steal({I(1), I(2)})}));
  EXPECT_EQ(R(call_type(dt, {p1.get()}, {{"c", I(3)}})), "{1: 2, 'c': 3}");
  EXPECT_EQ(R(call_type(dt, {other.get()})), "{3: 4}");
  Ref ab(S("ab")), cd(S("cd"));
  Ref zipped(call_type(type_value(zip_type), {ab.get(), cd.get()}));
  EXPECT_EQ(R(call_type(dt, {zipped.get()})), "{'a': 'c', 'b': 'd'}");
  EXPECT_EQ(R(call_type(dt, {I(1), I(2)})), "!! TypeError: dict expected at most 1 argument, got 2");
  EXPECT_EQ(R(call_type(dt, {bad_item.get()})),
            "!! TypeError: cannot convert dictionary update sequence element #0 to a sequence");
  EXPECT_EQ(R(call_type(dt, {I(1)})), "!! TypeError: 'int' object is not iterable");
  // fromkeys: dict.fromkeys(range(3)), ('ab', []), ({3,1,2}, 0), ({'b':1,'a':2})
  Ref r3(call_type(type_value(range_type), {I(3)}));
  EXPECT_EQ(R(call(dt, "fromkeys", {r3.get()})), "{0: None, 1: None, 2: None}");
  Ref empty_list(list_new(0));
  EXPECT_EQ(R(call(dt, "fromkeys", {ab.get(), empty_list.get()})), "{'a': [], 'b': []}");
  Ref s312(set_of({I(3), I(1), I(2)}));
  EXPECT_EQ(R(call(dt, "fromkeys", {s312.get(), I(0)})), "{1: 0, 2: 0, 3: 0}");
  Ref ba(dict_of({{S("b"), I(1)}, {S("a"), I(2)}}));
  EXPECT_EQ(R(call(dt, "fromkeys", {ba.get()})), "{'b': None, 'a': None}");
  EXPECT_EQ(R(call(dt, "fromkeys")), "!! TypeError: fromkeys expected at least 1 argument, got 0");
  EXPECT_EQ(R(call(d.get(), "fromkeys", {ab.get()})), "{'a': None, 'b': None}");
}

TEST(Dict, OperatorsAndEquality) {
  Ref a(dict_of({{I(1), I(2)}})), b(dict_of({{I(3), I(4)}})), c(dict_of({{I(1), I(3)}}));
  EXPECT_EQ(R(binary_op(BinOp::BitOr, a.get(), b.get())), "{1: 2, 3: 4}");
  EXPECT_EQ(R(binary_op(BinOp::BitOr, a.get(), c.get())), "{1: 3}");
  Ref pairs(list_steal({tuple_steal({I(3), I(4)})}));
  EXPECT_EQ(R(binary_op(BinOp::BitOr, a.get(), pairs.get())),
            "!! TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
  Ref d(dict_of({{I(1), I(2)}}));
  Value r = inplace_binary_op(BinOp::BitOr, d.get(), pairs.get());
  EXPECT_EQ(r, d.get());
  decref(r);
  EXPECT_EQ(repr_of(d.get()), "{1: 2, 3: 4}");
  EXPECT_EQ(R(inplace_binary_op(BinOp::BitOr, d.get(), I(5))), "!! TypeError: 'int' object is not iterable");
  Ref a2(dict_of({{I(1), I(2)}})), e1(dict_new()), e2(dict_new());
  EXPECT_EQ(R(rich_compare(a.get(), a2.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(a.get(), c.get(), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(a.get(), b.get(), CompareOp::Ne)), "True");
  EXPECT_EQ(R(rich_compare(e1.get(), e2.get(), CompareOp::Eq)), "True");
  Ref l(ints({1}));
  EXPECT_EQ(R(rich_compare(a.get(), l.get(), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(a.get(), a2.get(), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'dict' and 'dict'");
  Ref f(dict_of({{I(1), molt_from_double(2.0)}}));
  EXPECT_EQ(R(rich_compare(a.get(), f.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(object_truth(e1.get()), 0);
  EXPECT_EQ(object_truth(a.get()), 1);
  EXPECT_EQ(object_length(a.get()), 1);
}

TEST(Dict, Repr) {
  Ref d(dict_of({{I(1), S("a")}, {S("b"), molt_from_double(2.5)}, {MOLT_NONE, tuple_steal({I(1)})}}));
  EXPECT_EQ(repr_of(d.get()), "{1: 'a', 'b': 2.5, None: (1,)}");
  Ref n(dict_of({{S("a"), dict_new()}, {S("b"), list_new(0)}}));
  EXPECT_EQ(repr_of(n.get()), "{'a': {}, 'b': []}");
  // d={}; d[1]=d  ->  {1: {...}}
  Ref self_ref(dict_new());
  dict_setitem(self_ref.get(), I(1), self_ref.get());
  EXPECT_EQ(repr_of(self_ref.get()), "{1: {...}}");
  dict_clear(self_ref.get());
  // d={}; d[1]=d.values()  ->  {1: dict_values([...])}
  Ref v(dict_new());
  Ref values(dict_values_view(v.get()));
  dict_setitem(v.get(), I(1), values.get());
  EXPECT_EQ(repr_of(v.get()), "{1: dict_values([...])}");
  dict_clear(v.get());
}

TEST(Dict, Views) {
  Ref d(dict_of({{I(1), I(2)}}));
  Ref k(dict_keys_view(d.get())), v(dict_values_view(d.get())), it(dict_items_view(d.get()));
  EXPECT_EQ(repr_of(k.get()), "dict_keys([1])");
  EXPECT_EQ(repr_of(v.get()), "dict_values([2])");
  EXPECT_EQ(repr_of(it.get()), "dict_items([(1, 2)])");
  EXPECT_EQ(object_length(k.get()), 1);
  EXPECT_EQ(object_contains(k.get(), I(1)), 1);
  Ref p12(tuple_steal({I(1), I(2)})), p13(tuple_steal({I(1), I(3)}));
  EXPECT_EQ(object_contains(it.get(), p12.get()), 1);
  EXPECT_EQ(object_contains(it.get(), p13.get()), 0);
  EXPECT_EQ(object_contains(v.get(), I(2)), 1);
  Ref l1(ints({1}));
  EXPECT_EQ(object_contains(it.get(), l1.get()), 0);
  EXPECT_EQ(object_hash(k.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'dict_keys'");
  EXPECT_EQ(object_hash(it.get()), -1);
  EXPECT_EQ(take_error_text(), "TypeError: unhashable type: 'dict_items'");
  EXPECT_NE(object_hash(v.get()), -1);
  // d.keys() & {1,2}, {1,2} & d.keys(), d.keys() | {3}, [3] | d.keys(),
  // d.keys() - {1}, {1,5} - d.keys(), d.keys() ^ {1,9}
  Ref s12(set_of({I(1), I(2)})), s3(set_of({I(3)})), s1(set_of({I(1)})), s15(set_of({I(1), I(5)})),
      s19(set_of({I(1), I(9)})), l3(ints({3}));
  EXPECT_EQ(R(binary_op(BinOp::BitAnd, k.get(), s12.get())), "{1}");
  EXPECT_EQ(R(binary_op(BinOp::BitAnd, s12.get(), k.get())), "{1}");
  EXPECT_EQ(R(binary_op(BinOp::BitOr, k.get(), s3.get())), "{1, 3}");
  EXPECT_EQ(R(binary_op(BinOp::BitOr, l3.get(), k.get())), "{1, 3}");
  EXPECT_EQ(R(binary_op(BinOp::Sub, k.get(), s1.get())), "set()");
  EXPECT_EQ(R(binary_op(BinOp::Sub, s15.get(), k.get())), "{5}");
  EXPECT_EQ(R(binary_op(BinOp::BitXor, k.get(), s19.get())), "{9}");
  // d={1:2,3:4}; d.items() & {(1,2)}, d.items() - {(1,2)}, d.items() | {(5,6)}
  Ref d2(dict_of({{I(1), I(2)}, {I(3), I(4)}}));
  Ref items2(dict_items_view(d2.get()));
  Ref sp(set_of({tuple_steal({I(1), I(2)})})), sp56(set_of({tuple_steal({I(5), I(6)})}));
  EXPECT_EQ(R(binary_op(BinOp::BitAnd, items2.get(), sp.get())), "{(1, 2)}");
  EXPECT_EQ(R(binary_op(BinOp::Sub, items2.get(), sp.get())), "{(3, 4)}");
  EXPECT_EQ(R(binary_op(BinOp::BitOr, items2.get(), sp56.get())), "{(1, 2), (3, 4), (5, 6)}");
  // {1:2,2:3}.items() ^ {1:2,3:4}.items()
  Ref x1(dict_of({{I(1), I(2)}, {I(2), I(3)}})), x2(dict_of({{I(1), I(2)}, {I(3), I(4)}}));
  Ref xi1(dict_items_view(x1.get())), xi2(dict_items_view(x2.get()));
  EXPECT_EQ(R(binary_op(BinOp::BitXor, xi1.get(), xi2.get())), "{(2, 3), (3, 4)}");
  // Comparisons: keys == {1}, keys == other keys, items == {(1,2)}, keys < {1,2},
  // keys <= {1}, keys > set(), keys == [1]; values == values is identity.
  Ref d5(dict_of({{I(1), I(5)}}));
  Ref k5(dict_keys_view(d5.get()));
  Ref empty(set_new(MOLT_UNBOUND));
  EXPECT_EQ(R(rich_compare(k.get(), s1.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(k.get(), k5.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(it.get(), sp.get(), CompareOp::Eq)), "True");
  EXPECT_EQ(R(rich_compare(k.get(), s12.get(), CompareOp::Lt)), "True");
  EXPECT_EQ(R(rich_compare(k.get(), s1.get(), CompareOp::Le)), "True");
  EXPECT_EQ(R(rich_compare(k.get(), empty.get(), CompareOp::Gt)), "True");
  EXPECT_EQ(R(rich_compare(k.get(), l1.get(), CompareOp::Eq)), "False");
  Ref v2(dict_values_view(d.get()));
  EXPECT_EQ(R(rich_compare(v.get(), v2.get(), CompareOp::Eq)), "False");
  EXPECT_EQ(R(rich_compare(k.get(), I(1), CompareOp::Lt)),
            "!! TypeError: '<' not supported between instances of 'dict_keys' and 'int'");
  // isdisjoint
  Ref k2(dict_keys_view(d2.get()));
  Ref l5(ints({5}));
  Ref lp(list_steal({tuple_steal({I(1), I(2)})}));
  EXPECT_EQ(R(call(k2.get(), "isdisjoint", {l5.get()})), "True");
  EXPECT_EQ(R(call(k.get(), "isdisjoint", {s1.get()})), "False");
  EXPECT_EQ(R(call(it.get(), "isdisjoint", {lp.get()})), "False");
}

TEST(Dict, Iteration) {
  // d={1:2,3:4}: reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items())
  Ref d(dict_of({{I(1), I(2)}, {I(3), I(4)}}));
  Ref k(dict_keys_view(d.get())), v(dict_values_view(d.get())), items(dict_items_view(d.get()));
  EXPECT_EQ(drain(object_reversed(d.get())), "[3, 1]");
  EXPECT_EQ(drain(object_reversed(k.get())), "[3, 1]");
  EXPECT_EQ(drain(object_reversed(v.get())), "[4, 2]");
  EXPECT_EQ(drain(object_reversed(items.get())), "[(3, 4), (1, 2)]");
  EXPECT_EQ(drain(object_iter(items.get())), "[(1, 2), (3, 4)]");
  Value i1 = object_iter(d.get()), i2 = object_iter(v.get()), i3 = object_reversed(items.get());
  EXPECT_STREQ(type_name(i1), "dict_keyiterator");
  EXPECT_STREQ(type_name(i2), "dict_valueiterator");
  EXPECT_STREQ(type_name(i3), "dict_reverseitemiterator");
  decref(i1);
  decref(i2);
  decref(i3);
  // it=iter(d); next(it); d[5]=6; next(it)
  Value it = object_iter(d.get());
  decref(iter_next(it));
  dict_setitem(d.get(), I(5), I(6));
  EXPECT_EQ(drain(it), "!! RuntimeError: dictionary changed size during iteration");
  // it=reversed(d); next(it); d[7]=8; next(it)
  it = object_reversed(d.get());
  decref(iter_next(it));
  dict_setitem(d.get(), I(7), I(8));
  EXPECT_EQ(drain(it), "!! RuntimeError: dictionary changed size during iteration");
  // d={1:2,3:4}; it=iter(d.items()); d.pop(1); d[9]=9; list(it)
  Ref e(dict_of({{I(1), I(2)}, {I(3), I(4)}}));
  Ref e_items(dict_items_view(e.get()));
  it = object_iter(e_items.get());
  decref(dict_pop(e.get(), I(1), MOLT_UNBOUND));
  dict_setitem(e.get(), I(9), I(9));
  EXPECT_EQ(drain(it), "[(3, 4), (9, 9)]");
  // d={0:0,1:1,2:2}; it=iter(d); next(it); del d[0]; d[0]=0; list(it)
  Ref f(dict_of({{I(0), I(0)}, {I(1), I(1)}, {I(2), I(2)}}));
  it = object_iter(f.get());
  decref(iter_next(it));
  dict_delitem(f.get(), I(0));
  dict_setitem(f.get(), I(0), I(0));
  EXPECT_EQ(drain(it), "!! RuntimeError: dictionary keys changed during iteration");
  // d={i:i for i in range(6)}; it=iter(d); next(it); del d[3]; d[3]=3; list(it)
  Ref g(dict_new());
  for (int i = 0; i < 6; ++i) dict_setitem(g.get(), I(i), I(i));
  it = object_iter(g.get());
  decref(iter_next(it));
  dict_delitem(g.get(), I(3));
  dict_setitem(g.get(), I(3), I(3));
  EXPECT_EQ(drain(it), "[1, 2, 4, 5, 3]");
  EXPECT_EQ(R(call(d.get(), "keys", {I(1)})), "!! TypeError: dict.keys() takes no arguments (1 given)");
  EXPECT_EQ(R(call(d.get(), "copy", {I(1)})), "!! TypeError: dict.copy() takes no arguments (1 given)");
}

TEST(Dict, CopyIsIndependent) {
  Ref d(dict_of({{S("a"), I(1)}}));
  Ref d2(call(d.get(), "copy"));
  dict_setitem(d2.get(), I(2), I(2));
  EXPECT_EQ(repr_of(d.get()), "{'a': 1}");
  EXPECT_EQ(repr_of(d2.get()), "{'a': 1, 2: 2}");
  // A sparse table (many deletions) is copied by re-insertion.
  Ref big(dict_new());
  for (int i = 0; i < 100; ++i) dict_setitem(big.get(), I(i), I(i));
  for (int i = 0; i < 90; ++i) dict_delitem(big.get(), I(i));
  Ref big2(dict_copy(big.get()));
  EXPECT_EQ(repr_of(big2.get()), repr_of(big.get()));
  EXPECT_EQ(repr_of(big2.get()),
            "{90: 90, 91: 91, 92: 92, 93: 93, 94: 94, 95: 95, 96: 96, 97: 97, 98: 98, 99: 99}");
}

// A mapping that is not a dict: keys() gives [1, 2] and m[k] is k * 10
// (like a class defining keys and __getitem__).
Value mapping_keys(Value self, const Value* args, size_t nargs, Value kwnames) {
  return ints({1, 2});
}
Value mapping_subscript(Value self, Value key) {
  return binary_op(BinOp::Mult, key, molt_from_small_int(10));
}
const MethodDef kMappingMethods[] = {{"keys", mapping_keys, kMethodPlain}, {nullptr, nullptr, 0}};
const MappingMethods kMappingMapping = {.length = nullptr, .subscript = mapping_subscript};
Type mapping_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "Mapping",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(Object),
    .dealloc = nullptr,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = &kMappingMapping,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = kMappingMethods,
};
Object g_mapping = {kImmortalRefcount, &mapping_type};

TEST(Dict, GeneralMapping) {
  Value m = from_object(&g_mapping);
  EXPECT_EQ(R(call_type(type_value(dict_type), {m})), "{1: 10, 2: 20}");
  Ref d(dict_of({{I(2), I(0)}, {I(5), I(5)}}));
  EXPECT_EQ(R(call(d.get(), "update", {m})), "None");
  EXPECT_EQ(repr_of(d.get()), "{2: 20, 5: 5, 1: 10}");
  EXPECT_EQ(status_text(dict_merge(d.get(), m, 2)), "!! KeyError: 1");
  Ref e(dict_of({{I(2), I(0)}}));
  EXPECT_EQ(status_text(dict_merge(e.get(), m, 0)), "ok");
  EXPECT_EQ(repr_of(e.get()), "{2: 0, 1: 10}");
}

TEST(Dict, Presized) {
  Ref d(dict_new_presized(1000));
  for (int i = 0; i < 1000; ++i) dict_setitem(d.get(), I(i * 7), I(i));
  EXPECT_EQ(dict_size(d.get()), 1000);
  EXPECT_EQ(R(object_getitem(d.get(), I(6993))), "999");
}

}  // namespace
}  // namespace molt
