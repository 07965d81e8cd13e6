// str_test.cc — str construction, UTF-8 round trips, hashing and repr,
// with expected values from CPython 3.12 (PYTHONHASHSEED=0).
#include "objects/str.h"

#include <gtest/gtest.h>

#include <string>

#include "core/errors.h"

namespace molt {
namespace {

std::string utf8(Value s) {
  size_t n = 0;
  const char* p = str_utf8(s, &n);
  return std::string(p, n);
}

TEST(Str, KindsFromUtf8) {
  Ref a(str_from_utf8("abc", 3));
  EXPECT_EQ(as_str(a.get())->kind, 1);
  EXPECT_TRUE(as_str(a.get())->ascii);
  Ref b(str_from_cstr("h\xc3\xa9llo"));
  EXPECT_EQ(as_str(b.get())->kind, 1);
  EXPECT_EQ(str_length(b.get()), 5);
  Ref c(str_from_cstr("\xe2\x82\xac"));
  EXPECT_EQ(as_str(c.get())->kind, 2);
  Ref d(str_from_cstr("\xf0\x9f\x98\x80!"));
  EXPECT_EQ(as_str(d.get())->kind, 4);
  EXPECT_EQ(str_length(d.get()), 2);
  EXPECT_EQ(utf8(d.get()), "\xf0\x9f\x98\x80!");
}

TEST(Str, HashMatchesCPython) {
  struct Case {
    const char* text;
    int64_t hash;
  };
  const Case cases[] = {
      {"", 0},
      {"a", 4644417185603328019},
      {"abc", -4594863902769663758},
      {"hello world", -5642461784034726774},
      {"\xc3\xa9", 6047309291227476195},
      {"\xe2\x82\xac", -5529981157763016009},
      {"\xf0\x9f\x98\x80", -3536540696076613844},
      {"abcdefgh", 4574395652268504554},
      {"abcdefghi", -532774252720507163},
  };
  for (const Case& c : cases) {
    Ref s(str_from_cstr(c.text));
    EXPECT_EQ(str_hash(s.get()), c.hash) << c.text;
  }
  Ref x(str_repeat(Ref(str_from_cstr("x")).get(), 100));
  EXPECT_EQ(str_hash(x.get()), 1359644457043326220);
}

TEST(Str, ReprQuotesAndEscapes) {
  struct Case {
    const char* text;
    const char* repr;
  };
  const Case cases[] = {
      {"abc", "'abc'"},
      {"it's", "\"it's\""},
      {"say \"hi\"", "'say \"hi\"'"},
      {"both ' and \"", "'both \\' and \"'"},
      {"tab\there\n", "'tab\\there\\n'"},
      {"\x01\x7f", "'\\x01\\x7f'"},
      {"back\\slash", "'back\\\\slash'"},
      {"caf\xc3\xa9", "'caf\xc3\xa9'"},
      {"\xc2\xa0", "'\\xa0'"},
  };
  for (const Case& c : cases) {
    Ref s(str_from_cstr(c.text));
    Ref r(str_repr(s.get()));
    EXPECT_EQ(utf8(r.get()), c.repr);
  }
}

TEST(Str, ConcatRepeatCompare) {
  Ref a(str_from_cstr("foo"));
  Ref b(str_from_cstr("\xe2\x82\xac"));
  Ref ab(str_concat(a.get(), b.get()));
  EXPECT_EQ(utf8(ab.get()), "foo\xe2\x82\xac");
  EXPECT_EQ(str_length(ab.get()), 4);
  Ref rep(str_repeat(ab.get(), 3));
  EXPECT_EQ(str_length(rep.get()), 12);
  EXPECT_EQ(str_compare(a.get(), ab.get()), -1);
  EXPECT_EQ(str_compare(ab.get(), a.get()), 1);
  EXPECT_TRUE(str_equal(Ref(str_from_cstr("foo")).get(), a.get()));
  Ref empty(str_repeat(a.get(), -2));
  EXPECT_EQ(str_length(empty.get()), 0);
}

TEST(Str, LoneSurrogateCannotEncode) {
  Ref s(str_from_code_point(0xD800));
  size_t n = 0;
  EXPECT_EQ(str_utf8(s.get(), &n), nullptr);
  EXPECT_TRUE(error_occurred());
  clear_error();
}

}  // namespace
}  // namespace molt
