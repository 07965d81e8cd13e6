// const_repr.cc — number literal classification and Python repr() of
// constants (a small base-10^9 conversion for big ints, shortest round-trip
// formatting for floats laid out as CPython's float_repr does).
#include "parse/const_repr.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "lex/py_repr.h"

namespace molt::parse {

ast::ConstValue number_value(std::string_view text, ast::AstContext& ctx) {
  ast::ConstValue v;
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean.push_back(c);
  }
  char last = clean.empty() ? '\0' : clean.back();
  bool prefixed = clean.size() > 1 && clean[0] == '0' &&
                  (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
                   clean[1] == 'b' || clean[1] == 'B');
  if (!prefixed && (last == 'j' || last == 'J')) {
    v.kind = ast::ConstKind::Complex;
    clean.pop_back();
  } else if (!prefixed && clean.find_first_of(".eE") != std::string::npos) {
    v.kind = ast::ConstKind::Float;
  } else {
    v.kind = ast::ConstKind::Int;
  }
  v.text = ctx.copy_string(clean);
  return v;
}

std::string int_literal_to_decimal(std::string_view text) {
  unsigned base = 10;
  if (text.size() > 1 && text[0] == '0') {
    char p = text[1];
    if (p == 'x' || p == 'X') base = 16;
    if (p == 'o' || p == 'O') base = 8;
    if (p == 'b' || p == 'B') base = 2;
    if (base != 10) text.remove_prefix(2);
  }
  size_t first = text.find_first_not_of('0');
  if (first == std::string_view::npos) return "0";
  text.remove_prefix(first);
  if (base == 10) return std::string(text);
  // Little-endian limbs of 10^9.
  std::vector<uint32_t> limbs{0};
  for (char c : text) {
    uint32_t d = c >= '0' && c <= '9'   ? static_cast<uint32_t>(c - '0')
                 : c >= 'a' && c <= 'f' ? static_cast<uint32_t>(c - 'a' + 10)
                                        : static_cast<uint32_t>(c - 'A' + 10);
    uint64_t carry = d;
    for (uint32_t& limb : limbs) {
      uint64_t x = static_cast<uint64_t>(limb) * base + carry;
      limb = static_cast<uint32_t>(x % 1000000000u);
      carry = x / 1000000000u;
    }
    if (carry) limbs.push_back(static_cast<uint32_t>(carry));
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

namespace {

// Lays out the shortest round-trip digits of |v| as CPython's 'r' format
// does; `add_dot_0` appends ".0" to integral fixed-point results.
std::string format_repr(double v, bool add_dot_0) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  std::string out;
  if (std::signbit(v)) {
    out.push_back('-');
    v = -v;
  }
  if (v == 0.0) {
    out += add_dot_0 ? "0.0" : "0";
    return out;
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  // sci = d[.ddd]e[+-]XX
  size_t epos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, epos)) {
    if (c != '.') digits.push_back(c);
  }
  int exp10 = std::atoi(std::string(sci.substr(epos + 1)).c_str());
  int decpt = exp10 + 1;  // digits = 0.d1d2... * 10^decpt
  int n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out.push_back(digits[0]);
    if (n > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    int e = decpt - 1;
    std::snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += buf;
  } else if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-decpt), '0');
    out += digits;
  } else if (decpt >= n) {
    out += digits;
    out.append(static_cast<size_t>(decpt - n), '0');
    if (add_dot_0) out += ".0";
  } else {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out.push_back('.');
    out.append(digits, static_cast<size_t>(decpt), std::string::npos);
  }
  return out;
}

double parse_double(std::string_view text) {
  double v = 0;
  auto res = std::from_chars(text.data(), text.data() + text.size(), v);
  if (res.ec == std::errc::result_out_of_range) {
    // from_chars leaves v untouched on overflow/underflow: decide by the
    // exponent sign.
    size_t e = text.find_first_of("eE");
    bool negative_exp = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
    return negative_exp ? 0.0 : HUGE_VAL;
  }
  return v;
}

}  // namespace

std::string float_repr(double v) {
  return format_repr(v, true);
}

std::string float_literal_repr(std::string_view text) {
  return format_repr(parse_double(text), true);
}

void append_const_repr(std::string& out, const ast::ConstValue& value) {
  switch (value.kind) {
    case ast::ConstKind::None: out += "None"; return;
    case ast::ConstKind::True: out += "True"; return;
    case ast::ConstKind::False: out += "False"; return;
    case ast::ConstKind::Ellipsis: out += "Ellipsis"; return;
    case ast::ConstKind::Int: out += int_literal_to_decimal(value.text); return;
    case ast::ConstKind::Float: out += float_literal_repr(value.text); return;
    case ast::ConstKind::Complex:
      out += format_repr(parse_double(value.text), false);
      out += 'j';
      return;
    case ast::ConstKind::Str: lex::append_repr_str(out, value.text); return;
    case ast::ConstKind::Bytes: lex::append_repr_bytes(out, value.text); return;
  }
}

}  // namespace molt::parse
