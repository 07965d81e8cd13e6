// unicode_test.cc — checks every code point's properties in the runtime's
// Unicode database against CPython 3.12: per-block FNV-1a digests of a
// feature text (predicates, full case mappings, decimal/digit/numeric
// values, category) built here from unicode.h and, in
// tests/unit/gen/gen_str_cases.py, from CPython's str methods.
#include "core/unicode.h"

#include <gtest/gtest.h>
#include <stdio.h>

#include <string>

#include "core/errors.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/str_impl.h"

namespace molt::unicode {
namespace {

#include "core/unicode_cases_test.inc"

std::string features(uint32_t cp) {
  bool bits[] = {is_alpha(cp),        is_decimal(cp),
                 is_digit(cp),        is_numeric(cp),
                 is_space(cp),        is_lower(cp),
                 is_upper(cp),        is_title(cp) || is_upper(cp),
                 is_printable(cp),    is_xid_start(cp) || cp == '_',
                 is_xid_continue(cp), is_linebreak(cp),
                 is_cased(cp),        is_case_ignorable(cp)};
  std::string s;
  for (bool b : bits) s += b ? '1' : '0';
  int (*maps[])(uint32_t, uint32_t*) = {to_lower_full, to_upper_full, to_title_full, to_fold_full};
  for (auto map : maps) {
    s += '|';
    uint32_t out[3];
    int n = map(cp, out);
    for (int i = 0; i < n; ++i) {
      char buf[16];
      snprintf(buf, sizeof buf, i ? ",%x" : "%x", out[i]);
      s += buf;
    }
  }
  s += '|' + std::to_string(decimal_value(cp));
  s += '|' + std::to_string(digit_value(cp));
  s += '|';
  double num = numeric_value(cp);
  if (is_numeric(cp)) {
    char buf[40];
    size_t n = format_float_repr(num, buf);
    s.append(buf, n);
  } else {
    s += '-';
  }
  s += '|';
  s += category(cp);
  s += ';';
  return s;
}

uint64_t fnv(const std::string& text, uint64_t h) {
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

TEST(Unicode, SamplesMatchCPython) {
  for (const auto& sample : kSamples)
    EXPECT_EQ(features(sample.cp), sample.features) << std::hex << sample.cp;
}

TEST(Unicode, EveryCodePointMatchesCPython) {
  int bad_blocks = 0;
  for (uint32_t block = 0; block < 0x110000 / 4096; ++block) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (uint32_t cp = block * 4096; cp < (block + 1) * 4096; ++cp) h = fnv(features(cp), h);
    if (h != kBlockDigests[block] && ++bad_blocks < 10)
      ADD_FAILURE() << "block at U+" << std::hex << block * 4096;
  }
  EXPECT_EQ(bad_blocks, 0);
}

TEST(Unicode, ReprOfEveryCodePointMatchesCPython) {
  int bad_blocks = 0;
  for (uint32_t block = 0; block < 0x110000 / 4096; ++block) {
    StrWriter w;
    for (uint32_t cp = block * 4096; cp < (block + 1) * 4096; ++cp) ASSERT_TRUE(w.append(cp));
    Ref s(w.finish());
    Ref r(str_repr(s.get()));
    Ref a(str_ascii_repr(s.get()));
    ASSERT_FALSE(r.is_error() || a.is_error());
    size_t n1 = 0, n2 = 0;
    const char* t1 = str_utf8(r.get(), &n1);
    const char* t2 = str_utf8(a.get(), &n2);
    uint64_t h = fnv(std::string(t1, n1) + std::string(t2, n2), 0xcbf29ce484222325ull);
    if (h != kReprDigests[block] && ++bad_blocks < 10)
      ADD_FAILURE() << "repr of block at U+" << std::hex << block * 4096;
  }
  EXPECT_EQ(bad_blocks, 0);
}

TEST(Unicode, OutOfRangeIsUnassigned) {
  EXPECT_STREQ(category(0x110000), "Cn");
  EXPECT_FALSE(is_printable(0xFFFFFFFF));
}

}  // namespace
}  // namespace molt::unicode
