// str_search.cc — substring search for str.find/rfind/count/replace/split.
//
// Three algorithms, chosen per call:
//   - one code point: memchr (1-byte kind) or a plain loop;
//   - longer needles: a filter that compares the needle's first and last
//     code units with 16 / kind window positions at once (SSE2, forward and
//     backward, every kind), or where SSE2 is missing (wasm32) a
//     Horspool/Sunday loop with a 64-bit bloom filter of the needle's
//     units; candidates are verified with memcmp;
//   - both switch to Crochemore–Perrin two-way string matching (linear
//     worst case, constant space) when verification work grows beyond a
//     budget proportional to the text scanned, so adversarial inputs such
//     as 'a' * 10**6 searched for 'a' * 5000 + 'b' stay linear.
// Reverse search runs the same algorithms on reversed views.
#include <string.h>

#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "objects/str_impl.h"

namespace molt {

namespace {

// A view of units that reads either forward or backward, so the algorithms
// below serve find and rfind alike. Index i of a reversed view of [0, n) is
// unit n - 1 - i.
template <class T, bool kReverse>
struct View {
  const T* base;
  int64_t n;
  T operator[](int64_t i) const { return kReverse ? base[n - 1 - i] : base[i]; }
};

// --- two-way ---------------------------------------------------------------------------

/// Maximal suffix of x[0..m) under the order (`greater` flips it), as in
/// Crochemore and Perrin's critical factorisation. Returns the start of the
/// suffix minus one and stores its period.
template <class V>
int64_t maximal_suffix(const V& x, int64_t m, bool greater, int64_t* period) {
  int64_t ms = -1, j = 0, k = 1, p = 1;
  while (j + k < m) {
    auto a = x[j + k], b = x[ms + k];
    if (greater ? a > b : a < b) {
      j += k;
      k = 1;
      p = j - ms;
    } else if (a == b) {
      if (k != p) {
        ++k;
      } else {
        j += p;
        k = 1;
      }
    } else {
      ms = j;
      j = ms + 1;
      k = p = 1;
    }
  }
  *period = p;
  return ms;
}

/// Two-way matcher state for needle x of length m (m >= 1).
template <class V>
struct TwoWay {
  int64_t ell = 0, per = 0;
  bool periodic = false;

  void init(const V& x, int64_t m) {
    int64_t p1, p2;
    int64_t i1 = maximal_suffix(x, m, false, &p1);
    int64_t i2 = maximal_suffix(x, m, true, &p2);
    if (i1 > i2) {
      ell = i1;
      per = p1;
    } else {
      ell = i2;
      per = p2;
    }
    periodic = true;
    // Periodic iff x[0..ell] == x[per..per+ell].
    if (per + ell + 1 > m) {
      periodic = false;
    } else {
      for (int64_t i = 0; i <= ell; ++i) {
        if (x[i] != x[i + per]) {
          periodic = false;
          break;
        }
      }
    }
    if (!periodic) per = (ell + 1 > m - ell - 1 ? ell + 1 : m - ell - 1) + 1;
  }

  /// First match at or after `from` in y[0..n), or -1.
  template <class W>
  int64_t find(const V& x, int64_t m, const W& y, int64_t n, int64_t from) const {
    int64_t j = from;
    if (periodic) {
      int64_t memory = -1;
      while (j <= n - m) {
        int64_t i = (ell > memory ? ell : memory) + 1;
        while (i < m && x[i] == y[i + j]) ++i;
        if (i >= m) {
          i = ell;
          while (i > memory && x[i] == y[i + j]) --i;
          if (i <= memory) return j;
          j += per;
          memory = m - per - 1;
        } else {
          j += i - ell;
          memory = -1;
        }
      }
    } else {
      while (j <= n - m) {
        int64_t i = ell + 1;
        while (i < m && x[i] == y[i + j]) ++i;
        if (i >= m) {
          i = ell;
          while (i >= 0 && x[i] == y[i + j]) --i;
          if (i < 0) return j;
          j += per;
        } else {
          j += i - ell;
        }
      }
    }
    return -1;
  }
};

// --- Horspool/Sunday with a bloom filter ------------------------------------------------

template <class T>
inline uint64_t bloom_bit(T c) {
  return uint64_t{1} << (static_cast<uint32_t>(c) & 63);
}

/// Searches needle x[0..m) (m >= 2) in y[0..n) from `from`; the needle's
/// unit type may be narrower than the haystack's.
template <class VY, class VX>
int64_t search(const VY& y, int64_t n, const VX& x, int64_t m, int64_t from) {
  const int64_t mlast = m - 1;
  const auto last = x[mlast];
  uint64_t bloom = 0;
  int64_t skip = mlast;
  for (int64_t i = 0; i < mlast; ++i) {
    bloom |= bloom_bit(x[i]);
    if (x[i] == last) skip = mlast - i;
  }
  bloom |= bloom_bit(last);
  // Verification work allowed before falling back to two-way.
  int64_t budget = 4096 + 8 * m;
  int64_t i = from;
  const int64_t limit = n - m;
  while (i <= limit) {
    if (y[i + mlast] == last) {
      int64_t j = 0;
      while (j < mlast && y[i + j] == x[j]) ++j;
      if (j == mlast) return i;
      budget -= j + 1;
      if (budget < 0) {
        TwoWay<VX> tw;
        tw.init(x, m);
        return tw.find(x, m, y, n, i);
      }
      if (i + m < n && !(bloom & bloom_bit(y[i + m]))) {
        i += m + 1;
      } else {
        i += skip;
      }
    } else {
      if (i + m < n && !(bloom & bloom_bit(y[i + m]))) {
        i += m + 1;
      } else {
        ++i;
      }
    }
    budget += 1;
  }
  return -1;
}

#if defined(__SSE2__)
/// Lane-wise equality of 16 bytes of units of type T with `pattern`, as a
/// bit mask with one bit per unit (bit k for unit k).
template <class T>
inline unsigned eq_mask(__m128i v, __m128i pattern) {
  if constexpr (sizeof(T) == 1) {
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, pattern)));
  } else if constexpr (sizeof(T) == 2) {
    // One bit per 16-bit lane: pack the lane results to bytes first.
    __m128i eq = _mm_cmpeq_epi16(v, pattern);
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(eq, _mm_setzero_si128())));
  } else {
    return static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, pattern))));
  }
}

template <class T>
inline __m128i splat(uint32_t c) {
  if constexpr (sizeof(T) == 1) return _mm_set1_epi8(static_cast<char>(c));
  if constexpr (sizeof(T) == 2) return _mm_set1_epi16(static_cast<short>(c));
  return _mm_set1_epi32(static_cast<int>(c));
}

/// True if y[1..m-1) equals x[1..m-1) (the ends are already known equal).
template <class T, class U>
inline bool middle_equal(const T* y, const U* x, int64_t m) {
  if constexpr (sizeof(T) == sizeof(U)) {
    return memcmp(y + 1, x + 1, static_cast<size_t>(m - 2) * sizeof(T)) == 0;
  } else {
    for (int64_t k = 1; k < m - 1; ++k) {
      if (y[k] != x[k]) return false;
    }
    return true;
  }
}

/// The SSE2 filter: compares the needle's first and last units with
/// 16 / sizeof(T) candidate windows per step, verifying candidates. Falls
/// back to two-way when verification work exceeds its budget.
template <class T, class U>
int64_t search_sse2(const T* y, int64_t n, const U* x, int64_t m, int64_t from) {
  constexpr int64_t kLanes = 16 / sizeof(T);
  const __m128i first = splat<T>(x[0]);
  const __m128i last = splat<T>(x[m - 1]);
  int64_t budget = 4096 + 8 * m;
  int64_t i = from;
  for (; i + m - 1 + kLanes <= n; i += kLanes) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + i + m - 1));
    unsigned mask = eq_mask<T>(a, first) & eq_mask<T>(b, last);
    while (mask != 0) {
      int bit = __builtin_ctz(mask);
      if (middle_equal(y + i + bit, x, m)) return i + bit;
      budget -= m;
      mask &= mask - 1;
    }
    if (budget < 0) {
      View<T, false> vy{y, n};
      View<U, false> vx{x, m};
      TwoWay<View<U, false>> tw;
      tw.init(vx, m);
      return tw.find(vx, m, vy, n, i);
    }
    budget += kLanes;
  }
  View<T, false> vy{y, n};
  View<U, false> vx{x, m};
  return search(vy, n, vx, m, i);
}

/// The reverse filter: the start of the last window of y[0..n) equal to x,
/// scanning candidate starts downward from n - m.
template <class T, class U>
int64_t rsearch_sse2(const T* y, int64_t n, const U* x, int64_t m) {
  constexpr int64_t kLanes = 16 / sizeof(T);
  const __m128i first = splat<T>(x[0]);
  const __m128i last = splat<T>(x[m - 1]);
  int64_t budget = 4096 + 8 * m;
  // Candidate starts [i, i + kLanes), moving down; the top block ends at n - m.
  int64_t i = n - m + 1 - kLanes;
  for (; i >= 0; i -= kLanes) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(y + i + m - 1));
    unsigned mask = eq_mask<T>(a, first) & eq_mask<T>(b, last);
    while (mask != 0) {
      int bit = 31 - __builtin_clz(mask);
      if (middle_equal(y + i + bit, x, m)) return i + bit;
      budget -= m;
      mask &= ~(1u << bit);
    }
    if (budget < 0) break;
    budget += kLanes;
  }
  // The remaining candidates are starts [0, i + kLanes): search the prefix
  // y[0 .. i + kLanes + m - 1) backwards.
  int64_t rest = i + kLanes + m - 1;
  if (rest < m) return -1;
  View<T, true> vy{y, rest};
  View<U, true> vx{x, m};
  int64_t r = search(vy, rest, vx, m, 0);
  return r < 0 ? -1 : rest - r - m;
}
#endif

/// First match of x[0..m) in y[0..n) at or after `from` (forward), m >= 2.
template <class T, class U>
int64_t find_forward(const T* y, int64_t n, const U* x, int64_t m, int64_t from) {
#if defined(__SSE2__)
  return search_sse2(y, n, x, m, from);
#else
  View<T, false> vy{y, n};
  View<U, false> vx{x, m};
  return search(vy, n, vx, m, from);
#endif
}

/// Start of the last match of x in y[0..n), or -1; m >= 2.
template <class T, class U>
int64_t find_backward(const T* y, int64_t n, const U* x, int64_t m) {
#if defined(__SSE2__)
  return rsearch_sse2(y, n, x, m);
#else
  View<T, true> vy{y, n};
  View<U, true> vx{x, m};
  int64_t r = search(vy, n, vx, m, 0);
  return r < 0 ? -1 : n - r - m;
#endif
}

template <class T>
int64_t find_char_t(const T* p, int64_t n, T c) {
  if constexpr (sizeof(T) == 1) {
    const void* r = memchr(p, c, static_cast<size_t>(n));
    return r == nullptr ? -1 : static_cast<const T*>(r) - p;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      if (p[i] == c) return i;
    }
    return -1;
  }
}

template <class T>
int64_t rfind_char_t(const T* p, int64_t n, T c) {
  int64_t i = n;
  if constexpr (sizeof(T) == 1) {
    // Eight bytes at a time: a zero byte in (word ^ pattern) is a match.
    const uint64_t pattern = 0x0101010101010101ull * c;
    while (i >= 8) {
      uint64_t w;
      memcpy(&w, p + i - 8, 8);
      uint64_t x = w ^ pattern;
      if (((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0) break;
      i -= 8;
    }
  }
  while (i > 0) {
    --i;
    if (p[i] == c) return i;
  }
  return -1;
}

#if defined(__SSE2__)
/// Occurrences of c in p[0..n): lane-wise compares accumulated in unit-wide
/// counters (flushed before they can overflow), then summed.
template <class T>
int64_t count_char_sse2(const T* p, int64_t n, T c) {
  constexpr int64_t kLanes = 16 / sizeof(T);
  // Steps before a lane counter could overflow (16-bit sums go through
  // _mm_madd_epi16, which reads them as signed).
  constexpr int64_t kMaxSteps = sizeof(T) == 1 ? 255 : sizeof(T) == 2 ? 32767 : (int64_t{1} << 30);
  const __m128i pattern = splat<T>(c);
  const __m128i zero = _mm_setzero_si128();
  int64_t count = 0, i = 0;
  while (n - i >= kLanes) {
    int64_t steps = (n - i) / kLanes;
    if (steps > kMaxSteps) steps = kMaxSteps;
    __m128i acc = zero;
    for (int64_t k = 0; k < steps; ++k, i += kLanes) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if constexpr (sizeof(T) == 1) {
        acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, pattern));
      } else if constexpr (sizeof(T) == 2) {
        acc = _mm_sub_epi16(acc, _mm_cmpeq_epi16(v, pattern));
      } else {
        acc = _mm_sub_epi32(acc, _mm_cmpeq_epi32(v, pattern));
      }
    }
    __m128i sums;
    if constexpr (sizeof(T) == 1) {
      sums = _mm_sad_epu8(acc, zero);  // two 64-bit sums
      count += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
      continue;
    } else if constexpr (sizeof(T) == 2) {
      sums = _mm_madd_epi16(acc, _mm_set1_epi16(1));  // four 32-bit sums
    } else {
      sums = acc;
    }
    alignas(16) uint32_t lanes[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(lanes), sums);
    count += static_cast<int64_t>(lanes[0]) + lanes[1] + lanes[2] + lanes[3];
  }
  for (; i < n; ++i) count += p[i] == c;
  return count;
}
#endif

template <class T>
int64_t count_char_t(const T* p, int64_t n, T c, int64_t maxcount) {
#if defined(__SSE2__)
  if (maxcount >= n) return count_char_sse2(p, n, c);
#endif
  if (maxcount >= n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; ++i) count += p[i] == c;
    return count;
  }
  int64_t count = 0;
  for (int64_t i = 0; i < n && count < maxcount; ++i) count += p[i] == c;
  return count;
}

/// Runs f(hay as T*, needle as U*) for the units' types, or returns
/// `absent` when the needle's kind is wider than the haystack's (strs are
/// canonical, so such a needle holds a code point the haystack cannot).
template <class F>
int64_t dispatch(const void* hay, int hkind, const void* needle, int nkind, int64_t absent, F f) {
  if (nkind > hkind) return absent;
  const uint8_t* n1 = static_cast<const uint8_t*>(needle);
  const uint16_t* n2 = static_cast<const uint16_t*>(needle);
  const uint32_t* n4 = static_cast<const uint32_t*>(needle);
  switch (hkind) {
    case 1: return f(static_cast<const uint8_t*>(hay), n1);
    case 2: {
      const uint16_t* y = static_cast<const uint16_t*>(hay);
      return nkind == 1 ? f(y, n1) : f(y, n2);
    }
    default: {
      const uint32_t* y = static_cast<const uint32_t*>(hay);
      return nkind == 1 ? f(y, n1) : nkind == 2 ? f(y, n2) : f(y, n4);
    }
  }
}

}  // namespace

int64_t str_find_char(const void* data, int kind, int64_t start, int64_t end, uint32_t ch) {
  if (start >= end) return -1;
  int64_t r;
  switch (kind) {
    case 1:
      if (ch > 0xFF) return -1;
      r = find_char_t(static_cast<const uint8_t*>(data) + start, end - start, static_cast<uint8_t>(ch));
      break;
    case 2:
      if (ch > 0xFFFF) return -1;
      r = find_char_t(static_cast<const uint16_t*>(data) + start, end - start, static_cast<uint16_t>(ch));
      break;
    default: r = find_char_t(static_cast<const uint32_t*>(data) + start, end - start, ch); break;
  }
  return r < 0 ? -1 : start + r;
}

int64_t str_rfind_char(const void* data, int kind, int64_t start, int64_t end, uint32_t ch) {
  if (start >= end) return -1;
  int64_t r;
  switch (kind) {
    case 1:
      if (ch > 0xFF) return -1;
      r = rfind_char_t(static_cast<const uint8_t*>(data) + start, end - start, static_cast<uint8_t>(ch));
      break;
    case 2:
      if (ch > 0xFFFF) return -1;
      r = rfind_char_t(static_cast<const uint16_t*>(data) + start, end - start, static_cast<uint16_t>(ch));
      break;
    default: r = rfind_char_t(static_cast<const uint32_t*>(data) + start, end - start, ch); break;
  }
  return r < 0 ? -1 : start + r;
}

int64_t str_find_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                       int64_t nlen) {
  if (nlen == 0) return start <= end ? start : -1;
  if (end - start < nlen) return -1;
  if (nlen == 1) return str_find_char(hay, hkind, start, end, read_unit(needle, nkind, 0));
  return dispatch(hay, hkind, needle, nkind, -1, [&](auto* y, auto* x) -> int64_t {
    int64_t r = find_forward(y + start, end - start, x, nlen, 0);
    return r < 0 ? -1 : start + r;
  });
}

int64_t str_rfind_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                        int64_t nlen) {
  if (nlen == 0) return start <= end ? end : -1;
  if (end - start < nlen) return -1;
  if (nlen == 1) return str_rfind_char(hay, hkind, start, end, read_unit(needle, nkind, 0));
  return dispatch(hay, hkind, needle, nkind, -1, [&](auto* y, auto* x) -> int64_t {
    int64_t r = find_backward(y + start, end - start, x, nlen);
    return r < 0 ? -1 : start + r;
  });
}

int64_t str_count_units(const void* hay, int hkind, int64_t start, int64_t end, const void* needle, int nkind,
                        int64_t nlen, int64_t maxcount) {
  if (end - start < nlen || maxcount <= 0) return 0;
  if (nlen == 1) {
    uint32_t c = read_unit(needle, nkind, 0);
    if (c > (hkind == 1 ? 0xFFu : hkind == 2 ? 0xFFFFu : 0x10FFFFu)) return 0;
    switch (hkind) {
      case 1:
        return count_char_t(static_cast<const uint8_t*>(hay) + start, end - start, static_cast<uint8_t>(c),
                            maxcount);
      case 2:
        return count_char_t(static_cast<const uint16_t*>(hay) + start, end - start, static_cast<uint16_t>(c),
                            maxcount);
      default: return count_char_t(static_cast<const uint32_t*>(hay) + start, end - start, c, maxcount);
    }
  }
  return dispatch(hay, hkind, needle, nkind, 0, [&](auto* y, auto* x) -> int64_t {
    int64_t count = 0, i = 0, n = end - start;
    auto* base = y + start;
    while (count < maxcount) {
      int64_t r = find_forward(base, n, x, nlen, i);
      if (r < 0) break;
      ++count;
      i = r + nlen;
    }
    return count;
  });
}

int64_t str_search_portable(const void* hay, int hkind, int64_t n, const void* needle, int nkind, int64_t m,
                            bool reverse) {
  if (m < 2 || n < m) {
    return reverse ? str_rfind_units(hay, hkind, 0, n, needle, nkind, m)
                   : str_find_units(hay, hkind, 0, n, needle, nkind, m);
  }
  return dispatch(hay, hkind, needle, nkind, -1, [&](auto* y, auto* x) -> int64_t {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(y)>>;
    using U = std::remove_cv_t<std::remove_pointer_t<decltype(x)>>;
    if (!reverse) {
      View<T, false> vy{y, n};
      View<U, false> vx{x, m};
      return search(vy, n, vx, m, 0);
    }
    View<T, true> vy{y, n};
    View<U, true> vx{x, m};
    int64_t r = search(vy, n, vx, m, 0);
    return r < 0 ? -1 : n - r - m;
  });
}

int64_t str_find_sub(Value s, Value sub, int64_t start, int64_t end, bool reverse) {
  StrObject* h = as_str(s);
  StrObject* n = as_str(sub);
  // CPython: after clamping, a needle longer than [start, end) is absent;
  // an empty one is found at start (find) or end (rfind).
  if (end - start < n->length) return -1;
  if (n->length == 0) return reverse ? end : start;
  if (reverse) return str_rfind_units(str_data(h), h->kind, start, end, str_data(n), n->kind, n->length);
  return str_find_units(str_data(h), h->kind, start, end, str_data(n), n->kind, n->length);
}

}  // namespace molt
