// str_cases_test.cc — runs the generated table of str operations
// (str_cases_test.inc, from tests/unit/gen/gen_str_cases.py) and compares
// repr(result), or the exception's type and message, with what CPython
// 3.12 gave.
#include <gtest/gtest.h>
#include <math.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "core/format.h"
#include "core/iter.h"
#include "exc/exceptions.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/str_methods.h"
#include "objects/tuple.h"

namespace molt {
namespace {

std::string utf8(Value s) {
  size_t n = 0;
  const char* p = str_utf8(s, &n);
  return p ? std::string(p, n) : std::string("<unencodable>");
}

/// The pending exception as "E:<Type>:<str(exc)>", clearing it.
std::string take_error() {
  Value exc = fetch_error();
  std::string out = "E:";
  out += type_of(exc)->name;
  out += ":";
  Value s = object_str(exc);
  if (molt_is_error(s)) {
    clear_error();
    out += "<str failed>";
  } else {
    out += utf8(s);
    decref(s);
  }
  decref(exc);
  return out;
}

// Value builders used by the generated table; each returns a new reference.
Value S(const char* s, size_t n) {
  return str_from_utf8(s, n);
}
Value I(const char* hex) {
  bool neg = hex[0] == '-';
  return neg ? int_neg(Ref(int_from_literal(hex + 1, strlen(hex + 1))).get())
             : int_from_literal(hex, strlen(hex));
}
Value F(double d) {
  return molt_from_double(d);
}
Value B(int b) {
  return molt_from_bool(b);
}
Value N() {
  return MOLT_NONE;
}
Value T(std::initializer_list<Value> items) {
  Value t = tuple_new(static_cast<int64_t>(items.size()));
  int64_t i = 0;
  for (Value v : items) tuple_set_steal(t, i++, v);
  return t;
}
Value L(std::initializer_list<Value> items) {
  Value l = list_new(0);
  for (Value v : items) {
    list_append(l, v);
    decref(v);
  }
  return l;
}
Value D(std::initializer_list<std::pair<Value, Value>> items) {
  Value d = dict_new();
  for (auto& kv : items) {
    dict_setitem(d, kv.first, kv.second);
    decref(kv.first);
    decref(kv.second);
  }
  return d;
}

class Checker {
 public:
  int failures = 0;
  int count = 0;

  void run(const char* op, Value recv, std::initializer_list<Value> arg_list,
           std::initializer_list<std::pair<const char*, Value>> kw_list, const char* expect, int line) {
    ++count;
    std::vector<Value> args(arg_list);
    Value kwnames = MOLT_NONE;
    if (kw_list.size() > 0) {
      kwnames = tuple_new(static_cast<int64_t>(kw_list.size()));
      int64_t i = 0;
      for (auto& kv : kw_list) {
        tuple_set_steal(kwnames, i++, str_from_cstr(kv.first));
        args.push_back(kv.second);
      }
    }
    size_t nargs = arg_list.size();
    Value r = call(op, recv, args.data(), nargs, kwnames);
    std::string got;
    if (molt_is_error(r)) {
      got = take_error();
    } else {
      Value rep = object_repr(r);
      got = molt_is_error(rep) ? take_error() : utf8(rep);
      decref(rep);
      decref(r);
    }
    if (got != expect) {
      ++failures;
      if (failures <= 60) {
        ADD_FAILURE_AT("str_cases_test.inc", line)
            << op << " on " << describe(recv) << "\n  expected: " << expect << "\n  got:      " << got;
      }
    }
    for (Value v : args) decref(v);
    decref(kwnames);
    decref(recv);
    EXPECT_FALSE(error_occurred());
    clear_error();
  }

 private:
  static std::string describe(Value v) {
    Value r = object_repr(v);
    if (molt_is_error(r)) return take_error();
    std::string s = utf8(r);
    decref(r);
    return s;
  }

  static Value call(const char* op, Value recv, const Value* args, size_t nargs, Value kwnames) {
    std::string o = op;
    if (o == "%") return binary_op(BinOp::Mod, recv, args[0]);
    if (o == "format_value") {
      std::vector<Value> all{recv};
      all.insert(all.end(), args, args + nargs);
      return builtin_format(all.data(), all.size(), kwnames);
    }
    if (o == "[]") {
      // The slice cases arrive as (start, stop, step) tuples.
      if (is_tuple(args[0])) {
        Ref sl(slice_new(tuple_item_borrowed(args[0], 0), tuple_item_borrowed(args[0], 1),
                         tuple_item_borrowed(args[0], 2)));
        return object_getitem(recv, sl.get());
      }
      return object_getitem(recv, args[0]);
    }
    if (o == "in") {
      int r = object_contains(recv, args[0]);
      return r < 0 ? MOLT_ERROR : molt_from_bool(r);
    }
    if (o == "iter") {
      Ref it(object_iter(recv));
      if (it.is_error()) return MOLT_ERROR;
      Value l = list_new(0);
      for (;;) {
        Value x = iter_next(it.get());
        if (x == MOLT_UNBOUND) break;
        if (molt_is_error(x)) {
          decref(l);
          return x;
        }
        list_append(l, x);
        decref(x);
      }
      return l;
    }
    if (o == "repr") return object_repr(recv);
    if (o == "ascii") return object_ascii(recv);
    if (o == "chr") return builtin_chr(args, nargs, kwnames);
    if (o == "ord") return builtin_ord(args, nargs, kwnames);
    const MethodDef* def = find_method(&str_type, op, strlen(op));
    if (def == nullptr) {
      ADD_FAILURE() << "no str method " << op;
      return raise_message(&exc::SystemError, "no such method");
    }
    return def->impl(recv, args, nargs, kwnames);
  }
};

#include "objects/str_cases_test.inc"

TEST(StrCases, MatchCPython) {
  Checker ck;
  for (auto fn : kCaseFns) fn(ck);
  EXPECT_EQ(ck.failures, 0) << "of " << ck.count << " cases";
  EXPECT_GT(ck.count, 10000);
}

}  // namespace
}  // namespace molt
