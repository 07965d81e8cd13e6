// str_search_test.cc — the substring search algorithms (str_search.cc)
// against a naive reference on random and adversarial inputs in all three
// kinds, and the canonical-form invariants of strs built by the methods.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/errors.h"
#include "objects/str.h"
#include "objects/str_impl.h"

namespace molt {
namespace {

std::vector<uint32_t> random_units(uint64_t& seed, int64_t n, const std::vector<uint32_t>& alphabet) {
  std::vector<uint32_t> v(static_cast<size_t>(n));
  for (auto& c : v) {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    c = alphabet[seed % alphabet.size()];
  }
  return v;
}

/// A str holding exactly these code points (canonical kind).
Value make(const std::vector<uint32_t>& cps) {
  StrWriter w;
  for (uint32_t c : cps) EXPECT_TRUE(w.append(c));
  return w.finish();
}

int64_t naive_find(const std::vector<uint32_t>& h, const std::vector<uint32_t>& n, int64_t start, int64_t end,
                   bool reverse) {
  int64_t m = static_cast<int64_t>(n.size());
  if (end - start < m) return -1;
  if (!reverse) {
    for (int64_t i = start; i + m <= end; ++i) {
      if (std::equal(n.begin(), n.end(), h.begin() + i)) return i;
    }
  } else {
    for (int64_t i = end - m; i >= start; --i) {
      if (std::equal(n.begin(), n.end(), h.begin() + i)) return i;
    }
  }
  return -1;
}

int64_t naive_count(const std::vector<uint32_t>& h, const std::vector<uint32_t>& n, int64_t start,
                    int64_t end) {
  int64_t m = static_cast<int64_t>(n.size()), count = 0;
  for (int64_t i = start; i + m <= end;) {
    if (std::equal(n.begin(), n.end(), h.begin() + i)) {
      ++count;
      i += m;
    } else {
      ++i;
    }
  }
  return count;
}

TEST(StrSearch, MatchesNaiveOnRandomInputs) {
  uint64_t seed = 0x9E3779B97F4A7C15ull;
  const std::vector<std::vector<uint32_t>> alphabets = {
      {'a', 'b'},          {'a', 'b', 'c', 'd'}, {'a', 0xE9, 'b'},  {'a', 0x3A3, 'b'},
      {0x3A3, 0x3C3, 'x'}, {'a', 0x1F600, 'b'},  {0x1F600, 0x1F601}};
  for (const auto& alphabet : alphabets) {
    for (int round = 0; round < 60; ++round) {
      int64_t n = static_cast<int64_t>(seed % 300);
      auto hay = random_units(seed, n, alphabet);
      Ref h(make(hay));
      for (int q = 0; q < 20; ++q) {
        int64_t m = 1 + static_cast<int64_t>(seed % 9);
        std::vector<uint32_t> needle;
        if (n > m && (seed & 1)) {
          int64_t at = static_cast<int64_t>((seed >> 8) % static_cast<uint64_t>(n - m));
          needle.assign(hay.begin() + at, hay.begin() + at + m);
        } else {
          needle = random_units(seed, m, alphabet);
        }
        Ref x(make(needle));
        int64_t start = static_cast<int64_t>((seed >> 16) % static_cast<uint64_t>(n + 1));
        int64_t end = start + static_cast<int64_t>((seed >> 24) % static_cast<uint64_t>(n - start + 1));
        EXPECT_EQ(str_find_sub(h.get(), x.get(), start, end, false),
                  naive_find(hay, needle, start, end, false));
        EXPECT_EQ(str_find_sub(h.get(), x.get(), start, end, true),
                  naive_find(hay, needle, start, end, true));
        StrObject* ho = as_str(h.get());
        StrObject* xo = as_str(x.get());
        EXPECT_EQ(str_count_units(str_data(ho), ho->kind, start, end, str_data(xo), xo->kind, xo->length,
                                  INT64_MAX),
                  naive_count(hay, needle, start, end));
        if (xo->kind <= ho->kind) {
          for (bool rev : {false, true}) {
            EXPECT_EQ(str_search_portable(str_data(ho), ho->kind, n, str_data(xo), xo->kind, xo->length, rev),
                      naive_find(hay, needle, 0, n, rev));
          }
        }
      }
    }
  }
}

TEST(StrSearch, LongInputsUseEveryPath) {
  // Long haystacks exercise the SSE2 filter (1-byte kind) and its tail.
  uint64_t seed = 12345;
  for (int64_t n : {15, 16, 17, 31, 32, 33, 1000, 4099}) {
    auto hay = random_units(seed, n, {'x', 'y', 'z', 'w'});
    Ref h(make(hay));
    for (int64_t m : {2, 3, 5, 16, 17, 40}) {
      if (m > n) continue;
      for (int64_t at : {int64_t{0}, n / 2, n - m}) {
        if (at + m > n) continue;
        std::vector<uint32_t> needle(hay.begin() + at, hay.begin() + at + m);
        Ref x(make(needle));
        EXPECT_EQ(str_find_sub(h.get(), x.get(), 0, n, false), naive_find(hay, needle, 0, n, false));
        EXPECT_EQ(str_find_sub(h.get(), x.get(), 0, n, true), naive_find(hay, needle, 0, n, true));
      }
    }
  }
}

TEST(StrSearch, CountsSingleCodePointsInLongStrings) {
  // Long enough for several flushes of the SIMD lane counters.
  uint64_t seed = 777;
  for (const std::vector<uint32_t>& alphabet :
       {std::vector<uint32_t>{'a', 'b', 'c'}, {'a', 0x3A3, 'c'}, {'a', 0x1F600, 0x3A3}}) {
    for (int64_t n : {int64_t{0}, int64_t{15}, int64_t{4080}, int64_t{4097}, int64_t{600000}}) {
      auto hay = random_units(seed, n, alphabet);
      Ref h(make(hay));
      for (uint32_t c : alphabet) {
        int64_t expected = 0;
        for (uint32_t u : hay) expected += u == c;
        Ref x(make({c}));
        StrObject* ho = as_str(h.get());
        EXPECT_EQ(str_count_units(str_data(ho), ho->kind, 0, n, str_data(as_str(x.get())),
                                  as_str(x.get())->kind, 1, INT64_MAX),
                  expected);
        EXPECT_EQ(str_count_units(str_data(ho), ho->kind, 0, n, str_data(as_str(x.get())),
                                  as_str(x.get())->kind, 1, 3),
                  expected < 3 ? expected : 3);
      }
    }
  }
}

TEST(StrSearch, AdversarialInputsStayLinear) {
  // 'a' * 2_000_000 searched for 'a' * 5000 + 'b' (and the mirror image for
  // rfind): quadratic algorithms take ~10^10 steps here.
  int64_t n = 2000000, m = 5000;
  for (uint32_t wide : {uint32_t{'a'}, uint32_t{0x3A3}, uint32_t{0x1F600}}) {
    std::vector<uint32_t> hay(static_cast<size_t>(n), wide);
    std::vector<uint32_t> needle(static_cast<size_t>(m), wide);
    needle.back() = 'b';
    Ref h(make(hay)), x(make(needle));
    EXPECT_EQ(str_find_sub(h.get(), x.get(), 0, n, false), -1);
    std::vector<uint32_t> rneedle(static_cast<size_t>(m), wide);
    rneedle.front() = 'b';
    Ref rx(make(rneedle));
    EXPECT_EQ(str_find_sub(h.get(), rx.get(), 0, n, true), -1);
    StrObject* hs = as_str(h.get());
    EXPECT_EQ(str_search_portable(str_data(hs), hs->kind, n, str_data(as_str(x.get())), as_str(x.get())->kind,
                                  m, false),
              -1);
    EXPECT_EQ(str_search_portable(str_data(hs), hs->kind, n, str_data(as_str(rx.get())),
                                  as_str(rx.get())->kind, m, true),
              -1);
    // A periodic needle that does occur, at the very end.
    hay.back() = 'b';
    Ref h2(make(hay));
    EXPECT_EQ(str_find_sub(h2.get(), x.get(), 0, n, false), n - m);
    StrObject* ho = as_str(h2.get());
    StrObject* xo = as_str(x.get());
    EXPECT_EQ(str_count_units(str_data(ho), ho->kind, 0, n, str_data(xo), xo->kind, m, INT64_MAX), 1);
  }
}

TEST(StrSearch, ResultsAreCanonical) {
  // Replacing the only wide character narrows the kind; slicing an
  // ASCII-only piece out of a Latin-1 string sets `ascii`.
  Ref s(
      str_from_cstr("a\xce\xa3"
                    "b"));  // "aΣb"
  Ref old(str_from_cstr("\xce\xa3"));
  Ref repl(str_from_cstr("-"));
  Ref r(str_replace(s.get(), old.get(), repl.get(), -1));
  EXPECT_EQ(as_str(r.get())->kind, 1);
  EXPECT_TRUE(as_str(r.get())->ascii);
  Ref expected(str_from_cstr("a-b"));
  EXPECT_TRUE(str_equal(r.get(), expected.get()));
  Ref latin(
      str_from_cstr("\xc3\xa9"
                    "abc"));  // "éabc"
  Ref piece(str_slice(latin.get(), 1, 4, 1));
  EXPECT_TRUE(as_str(piece.get())->ascii);
  Ref stepped(str_slice(latin.get(), 1, 4, 2));
  EXPECT_TRUE(as_str(stepped.get())->ascii);
  Ref wide(str_from_cstr("\xf0\x9f\x98\x80z\xc3\xa9"));  // "😀zé"
  Ref tail(str_slice(wide.get(), 1, 3, 1));
  EXPECT_EQ(as_str(tail.get())->kind, 1);
  EXPECT_FALSE(as_str(tail.get())->ascii);
  Ref sep(str_from_cstr("\xf0\x9f\x98\x80"));
  Ref parts(str_split(wide.get(), sep.get(), -1, false));
  EXPECT_FALSE(parts.is_error());
}

}  // namespace
}  // namespace molt
