// iterators_test.cc — the builtin iterator types and the iteration
// protocol against CPython 3.12: enumerate, zip (strict), map, filter,
// reversed, iter() and next() (including iter(callable, sentinel) and the
// sequence iterator), len() and `in` on non-containers. Expected values
// come from CPython 3.12.1.
#include "objects/iterators.h"

#include <gtest/gtest.h>

#include "core/abstract.h"
#include "core/iter.h"
#include "objects/bool.h"
#include "objects/container_test_util.h"
#include "objects/function.h"
#include "objects/range.h"
#include "objects/set.h"

namespace molt {
namespace {

using namespace molt::testing;

Value call_builtin(Type& t, std::initializer_list<Value> args,
                   std::initializer_list<std::pair<const char*, Value>> kwargs = {}) {
  return call_type(type_value(t), args, kwargs);
}

Value negate(const Value* args, size_t nargs, Value kwnames) {
  return unary_negative(args[0]);
}
BuiltinFunctionObject g_negate = {{kImmortalRefcount, &builtin_function_type}, "negate", negate};
Value power2(const Value* args, size_t nargs, Value kwnames) {
  return power(args[0], args[1], MOLT_NONE);
}
BuiltinFunctionObject g_pow = {{kImmortalRefcount, &builtin_function_type}, "pow", power2};

TEST(Iterators, Enumerate) {
  Ref abc(S("abc")), ab(S("ab"));
  EXPECT_EQ(drain(call_builtin(enumerate_type, {abc.get()})), "[(0, 'a'), (1, 'b'), (2, 'c')]");
  EXPECT_EQ(drain(call_builtin(enumerate_type, {abc.get(), I(5)})), "[(5, 'a'), (6, 'b'), (7, 'c')]");
  EXPECT_EQ(drain(call_builtin(enumerate_type, {ab.get()}, {{"start", I(-2)}})), "[(-2, 'a'), (-1, 'b')]");
  EXPECT_EQ(drain(call_builtin(enumerate_type, {}, {{"iterable", ab.get()}, {"start", I(1)}})),
            "[(1, 'a'), (2, 'b')]");
  EXPECT_EQ(drain(call_builtin(enumerate_type, {}, {{"start", I(1)}, {"iterable", ab.get()}})),
            "[(1, 'a'), (2, 'b')]");
  Ref max(int_from_i64(INT64_MAX));
  EXPECT_EQ(drain(call_builtin(enumerate_type, {ab.get(), max.get()})),
            "[(9223372036854775807, 'a'), (9223372036854775808, 'b')]");
  Ref big(int_pow(I(10), I(20), MOLT_NONE));
  EXPECT_EQ(drain(call_builtin(enumerate_type, {ab.get(), big.get()})),
            "[(100000000000000000000, 'a'), (100000000000000000001, 'b')]");
  Ref a(S("a"));
  EXPECT_EQ(R(call_builtin(enumerate_type, {I(1), a.get()})),
            "!! TypeError: 'str' object cannot be interpreted as an integer");
  EXPECT_EQ(R(call_builtin(enumerate_type, {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_builtin(enumerate_type, {a.get()}, {{"x", I(1)}})),
            "!! TypeError: 'x' is an invalid keyword argument for enumerate()");
  EXPECT_EQ(R(call_builtin(enumerate_type, {}, {{"x", a.get()}})),
            "!! TypeError: 'x' is an invalid keyword argument for enumerate()");
  EXPECT_EQ(R(call_builtin(enumerate_type, {}, {{"iterable", a.get()}, {"x", I(1)}})),
            "!! TypeError: 'x' is an invalid keyword argument for enumerate()");
  EXPECT_EQ(R(call_builtin(enumerate_type, {}, {{"a", I(1)}, {"b", I(2)}, {"c", I(3)}})),
            "!! TypeError: enumerate() missing required argument 'iterable'");
  EXPECT_EQ(R(call_builtin(enumerate_type, {a.get(), I(1), I(2)})),
            "!! TypeError: enumerate() takes at most 2 arguments (3 given)");
}

TEST(Iterators, Zip) {
  Ref ab(S("ab")), l123(ints({1, 2, 3})), abc(S("abc")), de(S("de")), f(S("f")), cd(S("cd")), c(S("c")),
      a(S("a"));
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), l123.get()})), "[('a', 1), ('b', 2)]");
  EXPECT_EQ(drain(call_builtin(zip_type, {})), "[]");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get()})), "[('a',), ('b',)]");
  EXPECT_EQ(drain(call_builtin(zip_type, {abc.get(), de.get(), f.get()})), "[('a', 'd', 'f')]");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), cd.get()}, {{"strict", MOLT_TRUE}})),
            "[('a', 'c'), ('b', 'd')]");
  EXPECT_EQ(drain(call_builtin(zip_type, {}, {{"strict", MOLT_TRUE}})), "[]");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), c.get()}, {{"strict", MOLT_TRUE}})),
            "!! ValueError: zip() argument 2 is shorter than argument 1");
  EXPECT_EQ(drain(call_builtin(zip_type, {a.get(), cd.get()}, {{"strict", MOLT_TRUE}})),
            "!! ValueError: zip() argument 2 is longer than argument 1");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), ab.get(), a.get()}, {{"strict", MOLT_TRUE}})),
            "!! ValueError: zip() argument 3 is shorter than arguments 1-2");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), ab.get(), abc.get()}, {{"strict", MOLT_TRUE}})),
            "!! ValueError: zip() argument 3 is longer than arguments 1-2");
  EXPECT_EQ(drain(call_builtin(zip_type, {a.get(), ab.get(), a.get()}, {{"strict", MOLT_TRUE}})),
            "!! ValueError: zip() argument 2 is longer than argument 1");
  EXPECT_EQ(drain(call_builtin(zip_type, {ab.get(), a.get()}, {{"strict", I(0)}})), "[('a', 'a')]");
  EXPECT_EQ(R(call_builtin(zip_type, {I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_builtin(zip_type, {a.get()}, {{"strict", MOLT_TRUE}, {"x", I(1)}})),
            "!! TypeError: zip() takes at most 1 keyword argument (2 given)");
  EXPECT_EQ(R(call_builtin(zip_type, {a.get()}, {{"x", I(1)}})),
            "!! TypeError: 'x' is an invalid keyword argument for zip()");
}

TEST(Iterators, MapFilter) {
  Value neg = from_object(&g_negate.ob), pw = from_object(&g_pow.ob);
  Ref l(ints({-1, 2, -3})), l23(ints({2, 3})), l321(ints({3, 2, 1})), e(list_new(0));
  EXPECT_EQ(drain(call_builtin(map_type, {neg, l.get()})), "[1, -2, 3]");
  EXPECT_EQ(drain(call_builtin(map_type, {pw, l23.get(), l321.get()})), "[8, 9]");
  EXPECT_EQ(drain(call_builtin(map_type, {neg, e.get()})), "[]");
  EXPECT_EQ(R(call_builtin(map_type, {neg})), "!! TypeError: map() must have at least two arguments.");
  EXPECT_EQ(R(call_builtin(map_type, {neg, I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_builtin(map_type, {neg, l.get()}, {{"x", I(1)}})),
            "!! TypeError: map() takes no keyword arguments");
  Ref s(S("x"));
  Ref bad(list_steal({S("x")}));
  EXPECT_EQ(drain(call_builtin(map_type, {neg, bad.get()})),
            "!! TypeError: bad operand type for unary -: 'str'");
  // filter(None, [0, 1, '', 2, None, [], [3]]), filter(bool, [0, 1]), filter(negate, [0, -1])
  Ref mixed(list_steal({I(0), I(1), S(""), I(2), MOLT_NONE, list_new(0), ints({3})}));
  EXPECT_EQ(drain(call_builtin(filter_type, {MOLT_NONE, mixed.get()})), "[1, 2, [3]]");
  Ref l01(ints({0, 1})), l0m1(ints({0, -1}));
  EXPECT_EQ(drain(call_builtin(filter_type, {type_value(bool_type), l01.get()})), "[1]");
  EXPECT_EQ(drain(call_builtin(filter_type, {neg, l0m1.get()})), "[-1]");
  EXPECT_EQ(R(call_builtin(filter_type, {MOLT_NONE})), "!! TypeError: filter expected 2 arguments, got 1");
  EXPECT_EQ(R(call_builtin(filter_type, {MOLT_NONE, e.get(), I(1)})),
            "!! TypeError: filter expected 2 arguments, got 3");
  EXPECT_EQ(R(call_builtin(filter_type, {MOLT_NONE, I(1)})), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(R(call_builtin(filter_type, {}, {{"x", I(1)}})),
            "!! TypeError: filter() takes no keyword arguments");
}

TEST(Iterators, Reversed) {
  Ref l(ints({1, 2, 3})), t(tuple_steal({I(1), I(2), I(3)})), s(S("abc"));
  Ref r3(call_type(type_value(range_type), {I(3)}));
  EXPECT_EQ(drain(call_builtin(reversed_type, {l.get()})), "[3, 2, 1]");
  EXPECT_EQ(drain(call_builtin(reversed_type, {t.get()})), "[3, 2, 1]");
  EXPECT_EQ(drain(call_builtin(reversed_type, {s.get()})), "['c', 'b', 'a']");
  EXPECT_EQ(drain(call_builtin(reversed_type, {r3.get()})), "[2, 1, 0]");
  Value rt = call_builtin(reversed_type, {t.get()});
  EXPECT_STREQ(type_name(rt), "reversed");
  EXPECT_EQ(R(call(rt, "__length_hint__")), "3");
  decref(rt);
  Ref st(set_new(MOLT_UNBOUND));
  EXPECT_EQ(R(call_builtin(reversed_type, {st.get()})), "!! TypeError: 'set' object is not reversible");
  EXPECT_EQ(R(call_builtin(reversed_type, {I(1)})), "!! TypeError: 'int' object is not reversible");
  EXPECT_EQ(R(call_builtin(reversed_type, {})), "!! TypeError: reversed expected 1 argument, got 0");
  EXPECT_EQ(R(call_builtin(reversed_type, {l.get(), l.get()})),
            "!! TypeError: reversed expected 1 argument, got 2");
  EXPECT_EQ(R(call_builtin(reversed_type, {}, {{"seq", l.get()}})),
            "!! TypeError: reversed() takes no keyword arguments");
}

Value pop_last(const Value* args, size_t nargs, Value kwnames);
Value g_pop_source = MOLT_NONE;
Value pop_last(const Value* args, size_t nargs, Value kwnames) {
  Ref name(S("pop"));
  return call_method(g_pop_source, name.get(), nullptr, 0, MOLT_NONE);
}
BuiltinFunctionObject g_pop = {{kImmortalRefcount, &builtin_function_type}, "pop", pop_last};

/// next(*args) / iter(*args) through the builtin entry points.
std::string next_of(std::initializer_list<Value> args) {
  std::vector<Value> v(args);
  return R(builtin_next(v.data(), v.size(), MOLT_NONE));
}
std::string iter_of(std::initializer_list<Value> args) {
  std::vector<Value> v(args);
  return drain(builtin_iter(v.data(), v.size(), MOLT_NONE));
}

TEST(Iterators, IterAndNext) {
  Ref l1(ints({1})), e(list_new(0)), d(S("d"));
  Ref it1(object_iter(l1.get())), it0(object_iter(e.get()));
  EXPECT_EQ(next_of({it1.get()}), "1");
  EXPECT_EQ(next_of({it0.get(), d.get()}), "'d'");
  EXPECT_EQ(next_of({it0.get()}), "!! StopIteration");
  EXPECT_EQ(next_of({I(1)}), "!! TypeError: 'int' object is not an iterator");
  EXPECT_EQ(next_of({}), "!! TypeError: next expected at least 1 argument, got 0");
  EXPECT_EQ(next_of({it0.get(), I(1), I(2)}), "!! TypeError: next expected at most 2 arguments, got 3");
  EXPECT_EQ(iter_of({I(1)}), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(iter_of({I(1), I(2)}), "!! TypeError: iter(object, sentinel): object must be callable");
  EXPECT_EQ(iter_of({}), "!! TypeError: iter expected at least 1 argument, got 0");
  EXPECT_EQ(iter_of({I(1), I(2), I(3)}), "!! TypeError: iter expected at most 2 arguments, got 3");
  // it = iter([1,2,3,4].pop, 2); list(it)
  Ref source(ints({1, 2, 3, 4}));
  g_pop_source = source.get();
  Value popper = from_object(&g_pop.ob);
  Value cit = builtin_iter(std::vector<Value>{popper, I(2)}.data(), 2, MOLT_NONE);
  EXPECT_STREQ(type_name(cit), "callable_iterator");
  EXPECT_EQ(drain(cit), "[4, 3]");
  // The callable raising StopIteration... here IndexError from pop propagates.
  cit = builtin_iter(std::vector<Value>{popper, I(99)}.data(), 2, MOLT_NONE);
  EXPECT_EQ(drain(cit), "!! IndexError: pop from empty list");
  g_pop_source = MOLT_NONE;
  EXPECT_EQ(object_length(I(1)), -1);
  EXPECT_EQ(take_error_text(), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(object_contains(I(1), I(1)), -1);
  EXPECT_EQ(take_error_text(), "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(object_contains(MOLT_NONE, I(1)), -1);
  EXPECT_EQ(take_error_text(), "TypeError: argument of type 'NoneType' is not iterable");
}

// --- a type with only a sequence item slot (like a class defining
// __getitem__ and __len__): iteration, `in`, reversed and indexing go
// through the sequence protocol.

int64_t squares_len(Value) {
  return 4;
}
Value squares_item(Value, int64_t i) {
  if (i < 0 || i >= 4) return raise_message(&exc::IndexError, "out of range");
  return molt_from_small_int(i * i);
}
const SequenceMethods kSquaresSequence = {.length = squares_len, .item = squares_item};
Type squares_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "Squares",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(Object),
    .dealloc = nullptr,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = &kSquaresSequence,
};
Object g_squares = {kImmortalRefcount, &squares_type};

TEST(Iterators, SequenceProtocol) {
  Value sq = from_object(&g_squares);
  Value it = object_iter(sq);
  EXPECT_STREQ(type_name(it), "iterator");
  EXPECT_EQ(drain(it), "[0, 1, 4, 9]");
  EXPECT_EQ(drain(object_reversed(sq)), "[9, 4, 1, 0]");
  EXPECT_EQ(object_contains(sq, I(4)), 1);
  EXPECT_EQ(object_contains(sq, I(5)), 0);
  EXPECT_EQ(R(object_getitem(sq, I(-1))), "9");
  EXPECT_EQ(R(object_getitem(sq, I(7))), "!! IndexError: out of range");
  Ref k(S("k"));
  EXPECT_EQ(R(object_getitem(sq, k.get())), "!! TypeError: sequence index must be integer, not 'str'");
  EXPECT_EQ(R(object_getitem(I(1), I(0))), "!! TypeError: 'int' object is not subscriptable");
  EXPECT_EQ(status_text(object_setitem(sq, I(0), I(0))),
            "!! TypeError: 'Squares' object does not support item assignment");
  EXPECT_EQ(status_text(object_delitem(sq, I(0))),
            "!! TypeError: 'Squares' object doesn't support item deletion");
  Ref l(list_from_iterable(sq));
  EXPECT_EQ(repr_of(l.get()), "[0, 1, 4, 9]");
}

TEST(Iterators, NumberIndex) {
  EXPECT_EQ(R(number_index(MOLT_TRUE)), "1");
  EXPECT_EQ(R(number_index(molt_from_double(1.0))),
            "!! TypeError: 'float' object cannot be interpreted as an integer");
  int64_t out = 0;
  Ref big(int_pow(I(10), I(30), MOLT_NONE));
  EXPECT_TRUE(number_as_ssize(big.get(), nullptr, &out));
  EXPECT_EQ(out, INT64_MAX);
  EXPECT_FALSE(number_as_ssize(big.get(), &exc::OverflowError, &out));
  EXPECT_EQ(take_error_text(), "OverflowError: cannot fit 'int' into an index-sized integer");
  EXPECT_FALSE(number_as_ssize(big.get(), &exc::IndexError, &out));
  EXPECT_EQ(take_error_text(), "IndexError: cannot fit 'int' into an index-sized integer");
}

}  // namespace
}  // namespace molt
