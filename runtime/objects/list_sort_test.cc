// list_sort_test.cc — list.sort against CPython 3.12: the generated cases
// (list_sort_cases_test.inc) replay sorts of objects with a logging __lt__
// and check the number and order of comparisons, and the list left behind
// when a comparison raises; the other tests cover keys, reverse, stability
// and the errors. Expected values come from CPython 3.12.1.
#include <gtest/gtest.h>
#include <stdint.h>

#include <string>
#include <vector>

#include "core/abstract.h"
#include "exc/exceptions.h"
#include "objects/container_test_util.h"
#include "objects/function.h"
#include "objects/list.h"
#include "objects/none.h"

namespace molt {
namespace {

using namespace molt::testing;

// --- a type whose < is logged and can be made to raise ------------------------------

struct CmpObject {
  Object ob;
  int64_t v;
  int64_t id;
};

int64_t g_count = 0;
int64_t g_fail_at = -1;
uint64_t g_checksum = 0;

Value cmp_richcompare(Value a, Value b, CompareOp op);

Type cmp_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "C",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(CmpObject),
    .dealloc = nullptr,
    .repr = nullptr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = cmp_richcompare,
};

CmpObject* as_cmp(Value v) {
  return reinterpret_cast<CmpObject*>(as_object(v));
}

Value cmp_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Lt || type_of(a) != &cmp_type || type_of(b) != &cmp_type) return not_implemented();
  ++g_count;
  g_checksum = (g_checksum * 1000003) ^ static_cast<uint64_t>(as_cmp(a)->id * 65537 + as_cmp(b)->id);
  if (g_count == g_fail_at) return raise_message(&exc::ValueError, "boom");
  return molt_from_bool(as_cmp(a)->v < as_cmp(b)->v);
}

Value new_cmp(int64_t v, int64_t id) {
  Object* o = alloc_object(&cmp_type, sizeof(CmpObject));
  as_cmp(from_object(o))->v = v;
  as_cmp(from_object(o))->id = id;
  return from_object(o);
}

/// The key function of keyed cases: id -> g_key_objects[id].
Value g_key_objects = MOLT_NONE;
Value key_by_id(const Value* args, size_t nargs, Value kwnames) {
  return new_ref(list_item_borrowed(g_key_objects, molt_as_small_int(args[0])));
}
BuiltinFunctionObject g_key_by_id = {{kImmortalRefcount, &builtin_function_type}, "key", key_by_id};

struct SortCase {
  std::vector<int64_t> values;
  bool reverse;
  bool keyed;
  int64_t fail_at;
  int64_t comparisons;
  uint64_t checksum;
  bool raised;
  std::vector<int64_t> ids;
};

#define UNPAREN(...) __VA_ARGS__
const SortCase kCases[] = {
#define SORT_CASE(values, reverse, keyed, fail, count, checksum, raised, ids) \
  {{UNPAREN values}, reverse != 0, keyed != 0, fail, count, checksum, raised != 0, {UNPAREN ids}},
#include "objects/list_sort_cases_test.inc"
#undef SORT_CASE
};

TEST(ListSort, ComparisonSequenceMatchesCPython) {
  int index = 0;
  for (const SortCase& c : kCases) {
    SCOPED_TRACE("case " + std::to_string(index++) + " n=" + std::to_string(c.values.size()) +
                 " reverse=" + std::to_string(c.reverse) + " keyed=" + std::to_string(c.keyed) +
                 " fail_at=" + std::to_string(c.fail_at));
    int64_t n = static_cast<int64_t>(c.values.size());
    Ref objects(list_new(n));
    for (int64_t i = 0; i < n; ++i) {
      Value o = new_cmp(c.values[i], i);
      list_append(objects.get(), o);
      decref(o);
    }
    Ref lst(c.keyed ? list_new(n) : list_from_array(as_list(objects.get())->items, n));
    if (c.keyed) {
      for (int64_t i = 0; i < n; ++i) list_append(lst.get(), molt_from_small_int(i));
    }
    g_key_objects = objects.get();
    g_count = 0;
    g_checksum = 0;
    g_fail_at = c.fail_at;
    Value key = c.keyed ? from_object(&g_key_by_id.ob) : MOLT_NONE;
    int r = list_sort(lst.get(), key, c.reverse);
    EXPECT_EQ(r < 0, c.raised);
    if (r < 0) EXPECT_EQ(take_error_text(), "ValueError: boom");
    EXPECT_EQ(g_count, c.comparisons);
    EXPECT_EQ(g_checksum, c.checksum);
    std::vector<int64_t> ids;
    for (int64_t i = 0; i < list_size(lst.get()); ++i) {
      Value v = list_item_borrowed(lst.get(), i);
      ids.push_back(c.keyed ? molt_as_small_int(v) : as_cmp(v)->id);
    }
    EXPECT_EQ(ids, c.ids);
    if (::testing::Test::HasFailure()) break;
  }
  g_key_objects = MOLT_NONE;
  EXPECT_EQ(index, static_cast<int>(sizeof kCases / sizeof kCases[0]));
  EXPECT_GT(index, 700);
}

// --- ordinary sorts ---------------------------------------------------------------------

std::string sorted_text(Value owned_list, Value key = MOLT_NONE, bool reverse = false) {
  int r = list_sort(owned_list, key, reverse);
  std::string out = r < 0 ? "!! " + take_error_text() : repr_of(owned_list);
  decref(owned_list);
  return out;
}

Value negate(const Value* args, size_t nargs, Value kwnames) {
  return unary_negative(args[0]);
}
BuiltinFunctionObject g_negate = {{kImmortalRefcount, &builtin_function_type}, "negate", negate};
Value first(const Value* args, size_t nargs, Value kwnames) {
  return object_getitem(args[0], molt_from_small_int(0));
}
BuiltinFunctionObject g_first = {{kImmortalRefcount, &builtin_function_type}, "first", first};

TEST(ListSort, Basics) {
  EXPECT_EQ(sorted_text(ints({3, 1, 2})), "[1, 2, 3]");
  EXPECT_EQ(sorted_text(ints({3, 1, 2}), MOLT_NONE, true), "[3, 2, 1]");
  EXPECT_EQ(sorted_text(ints({3, 1, 2}), from_object(&g_negate.ob)), "[3, 2, 1]");
  // sorted([0.0, -0.0, 1, -1.5, 2**60, 0]) keeps equal keys in order.
  Value big = int_pow(I(2), I(60), MOLT_NONE);
  EXPECT_EQ(sorted_text(list_steal(
                {molt_from_double(0.0), molt_from_double(-0.0), I(1), molt_from_double(-1.5), big, I(0)})),
            "[-1.5, 0.0, -0.0, 0, 1, 1152921504606846976]");
  EXPECT_EQ(sorted_text(list_steal({molt_from_double(0.0), molt_from_double(-0.0), molt_from_double(-0.0)}),
                        MOLT_NONE, true),
            "[0.0, -0.0, -0.0]");
  EXPECT_EQ(sorted_text(list_steal({S("b"), S("a"), S("é"), S("B"), S("")})), "['', 'B', 'a', 'b', 'é']");
  Value huge = int_pow(I(10), I(30), MOLT_NONE);
  Value nhuge = int_neg(huge);
  EXPECT_EQ(sorted_text(list_steal({huge, I(5), nhuge, I(-5)})),
            "[-1000000000000000000000000000000, -5, 5, 1000000000000000000000000000000]");
  // Stability with key and reverse: sorted(pairs, key=first, reverse=True).
  EXPECT_EQ(sorted_text(list_steal({tuple_steal({I(1), S("a")}), tuple_steal({I(2), S("b")}),
                                    tuple_steal({I(1), S("c")}), tuple_steal({I(2), S("d")})}),
                        from_object(&g_first.ob), true),
            "[(2, 'b'), (2, 'd'), (1, 'a'), (1, 'c')]");
  EXPECT_EQ(sorted_text(list_steal(
                {tuple_steal({I(2), S("b")}), tuple_steal({I(1), S("z")}), tuple_steal({I(1), S("a")})})),
            "[(1, 'a'), (1, 'z'), (2, 'b')]");
  EXPECT_EQ(sorted_text(list_new(0)), "[]");
}

TEST(ListSort, Errors) {
  EXPECT_EQ(sorted_text(list_steal({I(1), S("a")})),
            "!! TypeError: '<' not supported between instances of 'str' and 'int'");
  EXPECT_EQ(sorted_text(list_steal({S("a"), I(1)})),
            "!! TypeError: '<' not supported between instances of 'int' and 'str'");
  // A failing key function leaves the list untouched.
  Ref l(list_steal({I(3), S("x"), I(1)}));
  EXPECT_EQ(status_text(list_sort(l.get(), from_object(&g_negate.ob), false)),
            "!! TypeError: bad operand type for unary -: 'str'");
  EXPECT_EQ(repr_of(l.get()), "[3, 'x', 1]");
  Ref m(ints({3, 1}));
  EXPECT_EQ(R(call(m.get(), "sort", {I(1)})), "!! TypeError: sort() takes no positional arguments");
  EXPECT_EQ(R(call(m.get(), "sort", {}, {{"foo", I(1)}})),
            "!! TypeError: 'foo' is an invalid keyword argument for sort()");
  Ref x(S("x"));
  EXPECT_EQ(R(call(m.get(), "sort", {}, {{"reverse", x.get()}})), "None");
  EXPECT_EQ(repr_of(m.get()), "[3, 1]");
  EXPECT_EQ(R(call(m.get(), "sort", {}, {{"key", MOLT_NONE}, {"reverse", MOLT_NONE}})), "None");
  EXPECT_EQ(repr_of(m.get()), "[1, 3]");
}

std::string sorted_builtin(std::initializer_list<Value> args,
                           std::initializer_list<std::pair<const char*, Value>> kwargs = {}) {
  return R(call_type(from_object(&g_builtin_sorted.ob), args, kwargs));
}

TEST(ListSort, SortedBuiltin) {
  Ref l(ints({3, 1, 2})), bca(S("bca"));
  EXPECT_EQ(sorted_builtin({}), "!! TypeError: sorted expected 1 argument, got 0");
  EXPECT_EQ(sorted_builtin({l.get(), l.get()}), "!! TypeError: sorted expected 1 argument, got 2");
  EXPECT_EQ(sorted_builtin({l.get()}, {{"x", I(1)}}),
            "!! TypeError: 'x' is an invalid keyword argument for sort()");
  EXPECT_EQ(sorted_builtin({l.get()}, {{"reverse", MOLT_TRUE}}), "[3, 2, 1]");
  EXPECT_EQ(sorted_builtin({}, {{"iterable", l.get()}}), "!! TypeError: sorted expected 1 argument, got 0");
  EXPECT_EQ(sorted_builtin({I(1)}), "!! TypeError: 'int' object is not iterable");
  EXPECT_EQ(sorted_builtin({bca.get()}, {{"key", MOLT_NONE}}), "['a', 'b', 'c']");
  EXPECT_EQ(repr_of(l.get()), "[3, 1, 2]");
}

Value g_sorting = MOLT_NONE;
Value append_during_sort(const Value* args, size_t nargs, Value kwnames) {
  list_append(g_sorting, molt_from_small_int(1));
  return new_ref(args[0]);
}
BuiltinFunctionObject g_append_key = {{kImmortalRefcount, &builtin_function_type}, "k", append_during_sort};
Value clear_during_sort(const Value* args, size_t nargs, Value kwnames) {
  // The list looks empty during the sort: clearing it changes nothing.
  EXPECT_EQ(list_size(g_sorting), 0);
  list_clear(g_sorting);
  return new_ref(args[0]);
}
BuiltinFunctionObject g_clear_key = {{kImmortalRefcount, &builtin_function_type}, "k", clear_during_sort};

TEST(ListSort, ModifiedDuringSort) {
  // a = [3, 1, 2]; a.sort(key=lambda x: a.append(1) or x)
  Ref a(ints({3, 1, 2}));
  g_sorting = a.get();
  EXPECT_EQ(status_text(list_sort(a.get(), from_object(&g_append_key.ob), false)),
            "!! ValueError: list modified during sort");
  EXPECT_EQ(repr_of(a.get()), "[1, 2, 3]");
  // a = [3, 1, 2]; a.sort(key=lambda x: a.clear() or x)
  Ref b(ints({3, 1, 2}));
  g_sorting = b.get();
  EXPECT_EQ(status_text(list_sort(b.get(), from_object(&g_clear_key.ob), false)), "ok");
  EXPECT_EQ(repr_of(b.get()), "[1, 2, 3]");
  // a = []; a.sort(key=lambda x: a.append(1)) never calls the key.
  Ref c(list_new(0));
  g_sorting = c.get();
  EXPECT_EQ(status_text(list_sort(c.get(), from_object(&g_append_key.ob), false)), "ok");
  g_sorting = MOLT_NONE;
}

}  // namespace
}  // namespace molt
