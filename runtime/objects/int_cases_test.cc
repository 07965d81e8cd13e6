// int_cases_test.cc — runs the table of int/bool operations generated from
// CPython 3.12 (int_cases_test.inc, by tests/unit/gen/gen_int_cases.py) and
// compares every result, exception type and message with CPython's.
#include <gtest/gtest.h>

#include <string>

#include "objects/int_test_util.h"

namespace molt {
namespace {

struct IntCase {
  const char* op;
  int a, b, c;  // indices into kValues, -1 for none
  const char* expect;
};

#include "objects/int_cases_test.inc"

using testing::describe;

Value operand(int i) {
  if (i < 0) return MOLT_NONE;
  std::string t = kValues[i];
  if (t == "True") return MOLT_TRUE;
  if (t == "False") return MOLT_FALSE;
  if (t.rfind("float:", 0) == 0) {
    std::string h = t.substr(6);
    if (h == "inf") return molt_from_double(INFINITY);
    if (h == "-inf") return molt_from_double(-INFINITY);
    if (h == "nan") return molt_from_double(NAN);
    return molt_from_double(strtod(h.c_str(), nullptr));
  }
  return testing::int_lit(t);
}

// The int-like operand's type owns the slot under test.
Type* slot_owner(Value a, Value b) {
  return type_of(is_int_like(a) ? a : b);
}

std::string bytes_hex(const uint8_t* p, size_t n) {
  std::string s;
  char buf[3];
  for (size_t i = 0; i < n; ++i) {
    snprintf(buf, sizeof buf, "%02x", p[i]);
    s += buf;
  }
  return s;
}

std::string run_case(const IntCase& c) {
  Ref ra(operand(c.a)), rb(operand(c.b)), rc(operand(c.c));
  Value a = ra.get(), b = rb.get(), m = rc.get();
  std::string op = c.op;
  if (op == "add") return describe(int_add(a, b));
  if (op == "sub") return describe(int_sub(a, b));
  if (op == "mul") return describe(int_mul(a, b));
  if (op == "floordiv") return describe(int_floordiv(a, b));
  if (op == "mod") return describe(int_mod(a, b));
  if (op == "divmod") return describe(int_divmod(a, b));
  if (op == "truediv") return describe(int_truediv(a, b));
  if (op == "and") return describe(int_and(a, b));
  if (op == "or") return describe(int_or(a, b));
  if (op == "xor") return describe(int_xor(a, b));
  if (op == "lshift") return describe(int_lshift(a, b));
  if (op == "rshift") return describe(int_rshift(a, b));
  if (op == "pow") return describe(int_pow(a, b, MOLT_NONE));
  if (op == "pow3") return describe(int_pow(a, b, m));
  if (op == "cmp") return "i:" + std::to_string(int_compare(a, b));
  if (op == "neg") return describe(int_neg(a));
  if (op == "abs") return describe(int_abs(a));
  if (op == "invert") return describe(int_invert(a));
  if (op == "pos") return describe(int_exact(a));
  if (op == "bit_length") return "s:" + std::to_string(int_bit_length(a));
  if (op == "bit_count") return "s:" + std::to_string(int_bit_count(a));
  if (op == "hash") return "i:" + std::to_string(int_hash(a));
  if (op == "float") return describe(int_to_float(a));
  if (op == "repr") return describe(int_repr(a));
  if (op == "hex") return describe(int_to_base_string(a, 16, true));
  if (op == "oct") return describe(int_to_base_string(a, 8, true));
  if (op == "bin") return describe(int_to_base_string(a, 2, true));
  if (op == "bool") return describe(molt_from_bool(int_type.as_number->truth(a)));
  if (op == "from_double") return describe(int_from_double(molt_as_double(a)));
  if (op == "cmp_double") return "i:" + std::to_string(int_compare_double(a, molt_as_double(b)));
  if (op == "to_bytes") {
    int64_t len = molt_as_small_int(b), flags = molt_as_small_int(m);
    uint8_t buf[32];
    if (!int_to_bytes(a, buf, static_cast<size_t>(len), flags & 1, flags & 2)) return testing::take_error();
    return "b:" + bytes_hex(buf, static_cast<size_t>(len));
  }
  if (op == "from_bytes") {
    std::string data = strchr(c.expect, '|') + 1;
    uint8_t buf[64];
    size_t n = data.size() / 2;
    for (size_t i = 0; i < n; ++i)
      buf[i] = static_cast<uint8_t>(strtoul(data.substr(2 * i, 2).c_str(), 0, 16));
    int64_t flags = molt_as_small_int(m);
    return describe(int_from_bytes(buf, n, flags & 1, flags & 2)) + "|" + data;
  }
  if (op.rfind("slot_", 0) == 0) {
    std::string s = op.substr(5);
    Type* t = slot_owner(a, b);
    const NumberMethods* nm = t->as_number;
    if (s == "add") return describe(nm->add(a, b));
    if (s == "sub") return describe(nm->subtract(a, b));
    if (s == "mul") return describe(nm->multiply(a, b));
    if (s == "floordiv") return describe(nm->floor_divide(a, b));
    if (s == "truediv") return describe(nm->true_divide(a, b));
    if (s == "lshift") return describe(nm->lshift(a, b));
    if (s == "and") return describe(nm->and_(a, b));
    if (s == "or") return describe(nm->or_(a, b));
    if (s == "xor") return describe(nm->xor_(a, b));
    if (s == "cmp") {
      bool gt = t->richcompare(a, b, CompareOp::Gt) == MOLT_TRUE;
      bool lt = t->richcompare(a, b, CompareOp::Lt) == MOLT_TRUE;
      return "i:" + std::to_string(static_cast<int>(gt) - static_cast<int>(lt));
    }
    if (s == "repr") return describe(t->repr(a));
    if (s == "hash") return "i:" + std::to_string(t->hash(a));
    if (s == "neg") return describe(nm->negative(a));
    if (s == "invert") return describe(nm->invert(a));
    if (s == "pos") return describe(nm->positive(a));
    if (s == "abs") return describe(nm->absolute(a));
    if (s == "pow") return describe(nm->power(a, b, MOLT_NONE));
    if (s == "pow3") return describe(nm->power(a, b, m));
    if (s == "float") return describe(nm->to_float(a));
  }
  return "<unknown op " + op + ">";
}

TEST(IntCases, MatchCPython) {
  int failures = 0;
  for (const IntCase& c : kCases) {
    std::string got = run_case(c);
    if (got != c.expect) {
      ++failures;
      if (failures <= 25) {
        ADD_FAILURE() << c.op << "(" << (c.a >= 0 ? kValues[c.a] : "") << ", "
                      << (c.b >= 0 ? kValues[c.b] : "") << ", " << (c.c >= 0 ? kValues[c.c] : "")
                      << ")\n  expected: " << c.expect << "\n  got:      " << got;
      }
    }
  }
  EXPECT_EQ(failures, 0) << "of " << sizeof kCases / sizeof kCases[0] << " cases";
}

}  // namespace
}  // namespace molt
