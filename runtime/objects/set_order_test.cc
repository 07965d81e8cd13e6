// set_order_test.cc — replays the generated programs of
// set_order_cases_test.inc (random set, frozenset and dict operations
// recorded from CPython 3.12 with PYTHONHASHSEED=0) and checks every repr,
// popped item and frozenset hash, so that iteration orders after inserts,
// deletions, resizes and set algebra match CPython's exactly.
#include <gtest/gtest.h>
#include <stdint.h>
#include <stdlib.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "objects/container_test_util.h"
#include "objects/dict.h"
#include "objects/set.h"

namespace molt {
namespace {

using namespace molt::testing;

struct TableValue {
  char kind;  ///< 'i' int (decimal text), 's' str (UTF-8), 'f' float (hex text)
  const char* text;
  size_t len;
};

#include "objects/set_order_cases_test.inc"

constexpr size_t kNumValues = sizeof kTableValues / sizeof kTableValues[0];

class TableOrder : public ::testing::Test {
 protected:
  void SetUp() override {
    for (size_t i = 0; i < kNumValues; ++i) {
      const TableValue& tv = kTableValues[i];
      Value v = MOLT_ERROR;
      if (tv.kind == 'i') v = int_from_string(tv.text, strlen(tv.text), 10);
      if (tv.kind == 's') v = str_from_utf8(tv.text, tv.len);
      if (tv.kind == 'f') v = molt_from_double(strtod(tv.text, nullptr));
      ASSERT_FALSE(molt_is_error(v));
      values_.push_back(v);
    }
  }
  void TearDown() override {
    for (Value v : values_) decref(v);
  }
  std::vector<Value> values_;
};

uint64_t fnv(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

std::vector<int64_t> permutation(int64_t n, uint64_t seed) {
  std::vector<int64_t> a(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) a[i] = i;
  uint64_t state = seed;
  for (int64_t i = n - 1; i > 0; --i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    int64_t j = static_cast<int64_t>((state >> 33) % static_cast<uint64_t>(i + 1));
    std::swap(a[i], a[j]);
  }
  return a;
}

/// A range value: the int i, or the str "k<i>".
Value range_value(const std::string& kind, int64_t i) {
  return kind == "int" ? int_from_i64(i) : str_from_format("k%lld", static_cast<long long>(i));
}

BinOp binop_of(const std::string& op) {
  if (op == "|" || op == "|=") return BinOp::BitOr;
  if (op == "&" || op == "&=") return BinOp::BitAnd;
  if (op == "-" || op == "-=") return BinOp::Sub;
  return BinOp::BitXor;
}

TEST_F(TableOrder, ProgramsMatchCPython) {
  int program_index = 0;
  for (const char* program : kTablePrograms) {
    Value regs[4] = {MOLT_NONE, MOLT_NONE, MOLT_NONE, MOLT_NONE};
    auto set_reg = [&](int r, Value owned) {
      ASSERT_FALSE(molt_is_error(owned)) << take_error_text();
      decref(regs[r]);
      regs[r] = owned;
    };
    std::istringstream lines(program);
    std::string line;
    int line_no = 0;
    while (std::getline(lines, line)) {
      ++line_no;
      SCOPED_TRACE("program " + std::to_string(program_index) + " line " + std::to_string(line_no) + ": " +
                   line.substr(0, 200));
      std::istringstream in(line);
      std::string op, reg;
      in >> op >> reg;
      int r = reg.size() > 1 ? reg[1] - '0' : 0;
      auto reg_arg = [&]() {
        std::string t;
        in >> t;
        return regs[t[1] - '0'];
      };
      auto value_arg = [&]() {
        size_t i;
        in >> i;
        return values_.at(i);
      };
      auto rest = [&]() {
        std::string t;
        std::getline(in, t);
        return t.empty() ? t : t.substr(1);
      };
      if (op == "new" || op == "list") {
        std::string kind;
        in >> kind;
        Ref items(list_new(0));
        size_t i;
        while (in >> i) list_append(items.get(), values_.at(i));
        Type* t = kind == "set" ? &set_type : &frozenset_type;
        set_reg(r, call_type(type_value(*t), {items.get()}));
      } else if (op == "dnew") {
        Value d = dict_new();
        size_t i;
        while (in >> i) dict_setitem(d, values_.at(i), molt_from_small_int(static_cast<int64_t>(i)));
        set_reg(r, d);
      } else if (op == "add") {
        EXPECT_EQ(R(call(regs[r], "add", {value_arg()})), "None");
      } else if (op == "discard") {
        EXPECT_EQ(R(call(regs[r], "discard", {value_arg()})), "None");
      } else if (op == "remove") {
        Value v = value_arg();
        std::string got = R(call(regs[r], "remove", {v}));
        EXPECT_EQ(got == "None" ? "ok" : got, rest());
      } else if (op == "pop") {
        EXPECT_EQ(R(call(regs[r], "pop")), rest());
      } else if (op == "clear" || op == "dclear") {
        EXPECT_EQ(R(call(regs[r], "clear")), "None");
      } else if (op == "update" || op == "dupdate") {
        EXPECT_EQ(R(call(regs[r], "update", {reg_arg()})), "None");
      } else if (op == "op") {
        Value a = reg_arg();
        std::string o;
        in >> o;
        Value b = reg_arg();
        set_reg(r, binary_op(binop_of(o), a, b));
      } else if (op == "iop") {
        std::string o;
        in >> o;
        Value b = reg_arg();
        Value result = inplace_binary_op(binop_of(o), regs[r], b);
        EXPECT_EQ(result, regs[r]);
        set_reg(r, result);
      } else if (op == "call") {
        Value self = reg_arg();
        std::string method;
        in >> method;
        std::vector<Value> args;
        std::string t;
        bool has_result = false;
        while (in >> t) {
          if (t == "->") {
            has_result = true;
            break;
          }
          args.push_back(regs[t[1] - '0']);
        }
        Value name = S(method.c_str());
        Value result = call_method(self, name, args.data(), args.size(), MOLT_NONE);
        decref(name);
        if (has_result) {
          EXPECT_EQ(R(result), rest());
        } else {
          set_reg(r, result);
        }
      } else if (op == "dset") {
        Value k = value_arg();
        int64_t j;
        in >> j;
        EXPECT_EQ(status_text(object_setitem(regs[r], k, molt_from_small_int(j))), "ok");
      } else if (op == "ddel") {
        Value k = value_arg();
        EXPECT_EQ(status_text(object_delitem(regs[r], k)), rest());
      } else if (op == "dpop") {
        EXPECT_EQ(R(call(regs[r], "pop", {value_arg()})), rest());
      } else if (op == "dpopitem") {
        EXPECT_EQ(R(call(regs[r], "popitem")), rest());
      } else if (op == "dsetdefault") {
        Value k = value_arg();
        int64_t j;
        in >> j;
        EXPECT_EQ(R(call(regs[r], "setdefault", {k, molt_from_small_int(j)})), rest());
      } else if (op == "dcopy") {
        set_reg(r, call(reg_arg(), "copy"));
      } else if (op == "dkeys" || op == "ditems") {
        Ref view(call(reg_arg(), op == "dkeys" ? "keys" : "items"));
        set_reg(r, call_type(type_value(set_type), {view.get()}));
      } else if (op == "expect") {
        EXPECT_EQ(repr_of(regs[r]), rest());
      } else if (op == "hash") {
        int64_t h;
        in >> h;
        EXPECT_EQ(object_hash(regs[r]), h);
      } else if (op == "rnew") {
        std::string type, kind;
        int64_t lo, hi;
        uint64_t seed;
        in >> type >> kind >> lo >> hi >> seed;
        std::vector<int64_t> order(static_cast<size_t>(hi - lo));
        for (int64_t i = 0; i < hi - lo; ++i) order[i] = i;
        if (seed != 0) order = permutation(hi - lo, seed);
        Ref items(list_new(0));
        for (int64_t i : order) {
          Value v = range_value(kind, lo + i);
          list_append(items.get(), v);
          decref(v);
        }
        if (type == "dict") {
          Value d = dict_new();
          for (int64_t i = 0; i < list_size(items.get()); ++i) {
            dict_setitem(d, list_item_borrowed(items.get(), i), molt_from_small_int(0));
          }
          set_reg(r, d);
        } else {
          set_reg(r, call_type(type_value(type == "set" ? set_type : frozenset_type), {items.get()}));
        }
      } else if (op == "radd" || op == "rdel") {
        std::string kind;
        int64_t lo, hi, step;
        in >> kind >> lo >> hi >> step;
        bool is_dict = dict_type.ob.type == type_of(regs[r])->ob.type && is_dict_exact(regs[r]);
        for (int64_t i = lo; i < hi; i += step) {
          Ref v(range_value(kind, i));
          if (op == "radd") {
            if (is_dict) {
              EXPECT_EQ(dict_setitem(regs[r], v.get(), molt_from_small_int(1)), 0);
            } else {
              EXPECT_EQ(set_add(regs[r], v.get()), 0);
            }
          } else if (is_dict) {
            Value got = dict_pop(regs[r], v.get(), MOLT_NONE);
            EXPECT_FALSE(molt_is_error(got));
            decref(got);
          } else {
            EXPECT_GE(set_discard(regs[r], v.get()), 0);
          }
        }
      } else if (op == "rpop") {
        int n;
        in >> n;
        Ref popped(list_new(0));
        for (int k = 0; k < n; ++k) {
          Value v = set_pop(regs[r]);
          ASSERT_FALSE(molt_is_error(v));
          list_append(popped.get(), v);
          decref(v);
        }
        EXPECT_EQ(repr_of(popped.get()), rest());
      } else if (op == "expectsum") {
        size_t len;
        uint64_t sum;
        in >> len >> sum;
        std::string text = repr_of(regs[r]);
        EXPECT_EQ(text.size(), len);
        EXPECT_EQ(fnv(text), sum);
      } else {
        FAIL() << "unknown operation " << op;
      }
      if (::testing::Test::HasFailure()) break;
    }
    for (Value& v : regs) decref(v);
    if (::testing::Test::HasFailure()) break;
    ++program_index;
  }
  EXPECT_EQ(program_index, static_cast<int>(sizeof kTablePrograms / sizeof kTablePrograms[0]));
}

}  // namespace
}  // namespace molt
