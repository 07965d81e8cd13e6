// int_text.cc — conversions between ints and text: str()/repr() in
// decimal, bin()/oct()/hex() text, int(str, base) and compiler literals,
// with CPython 3.12's syntax rules, error messages and the
// int_max_str_digits limit (which applies only to bases that are not powers
// of two).
//
// Decimal conversion is sub-quadratic both ways. Parsing splits the digit
// string in halves: value = high * base^len(low) + low, with the powers
// base^(c*2^k) computed once per call by squaring. Printing splits by
// dividing by 10^(9*2^k) (Burnikel–Ziegler division, int_div.cc). Small
// numbers use the quadratic digit-at-a-time loops, which are faster there.
#include <math.h>

#include "core/errors.h"
#include "objects/int_impl.h"
#include "objects/str.h"

namespace molt {

using mp::digit;
using mp::kDigitBits;

int64_t g_int_max_str_digits = 4300;

namespace {

// Above these sizes the divide-and-conquer conversions win (measured with
// bench/runtime/int_bench).
constexpr size_t kToDecimalDCDigits = 120;  // binary digits of the int
constexpr size_t kParseDCChars = 1500;      // characters of the text

// --- Unicode input ----------------------------------------------------------------------

// First code point of every run of ten decimal digits (category Nd) above
// U+007F, Unicode 15.0 (CPython 3.12's unicodedata), ascending.
constexpr uint32_t kDecimalZeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x11f50, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950, 0x1fbf0,
};

int unicode_decimal(uint32_t cp) {
  size_t lo = 0, hi = sizeof kDecimalZeros / sizeof kDecimalZeros[0];
  while (lo < hi) {  // first zero > cp
    size_t mid = (lo + hi) / 2;
    if (kDecimalZeros[mid] <= cp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return -1;
  uint32_t off = cp - kDecimalZeros[lo - 1];
  return off < 10 ? static_cast<int>(off) : -1;
}

// str.isspace() for code points above U+007F.
bool unicode_space(uint32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Decodes one code point of (generalised, already valid) UTF-8.
uint32_t decode_utf8(const unsigned char* s, size_t n, size_t* i) {
  unsigned char c = s[*i];
  int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len && *i + k < n; ++k) cp = (cp << 6) | (s[*i + k] & 0x3F);
  *i += static_cast<size_t>(len);
  return cp;
}

// Python's whitespace test used by int(): ASCII space, \t \n \v \f \r only
// (CPython maps Unicode spaces to ' ' first; \x1c..\x1f are not stripped).
inline bool ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// Value of a digit character in bases up to 36, or 99.
struct CharValues {
  uint8_t v[256];
  constexpr CharValues() : v() {
    for (int c = 0; c < 256; ++c) {
      v[c] = c >= '0' && c <= '9'   ? static_cast<uint8_t>(c - '0')
             : c >= 'a' && c <= 'z' ? static_cast<uint8_t>(c - 'a' + 10)
             : c >= 'A' && c <= 'Z' ? static_cast<uint8_t>(c - 'A' + 10)
                                    : 99;
    }
  }
};
constexpr CharValues kCharValues;
inline int char_value(unsigned char c) {
  return kCharValues.v[c];
}

// --- parsing ----------------------------------------------------------------------------

enum class ParseStatus { Ok, Invalid, Error };

// The syntax of int(text, base) on ASCII text. On success fills the digit
// values (underscores removed) into *digits (malloc'd; caller frees), their
// count, the sign and the effective base.
ParseStatus scan(const char* p, size_t n, int base, uint8_t** digits, size_t* nd, bool* neg, int* out_base) {
  size_t i = 0;
  while (i < n && ascii_space(p[i])) ++i;
  *neg = false;
  if (i < n && (p[i] == '+' || p[i] == '-')) *neg = p[i++] == '-';
  bool prefix = false, old_octal = false;
  auto has_prefix = [&](char lower) { return i + 1 < n && p[i] == '0' && (p[i + 1] | 0x20) == lower; };
  if (base == 0) {
    if (has_prefix('x')) {
      base = 16;
    } else if (has_prefix('o')) {
      base = 8;
    } else if (has_prefix('b')) {
      base = 2;
    } else {
      // "0..." without a prefix: only zeros are allowed (no old-style octal).
      old_octal = i < n && p[i] == '0';
      base = 10;
    }
    prefix = base != 10;
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) ||
             (base == 2 && has_prefix('b'))) {
    prefix = true;
  }
  if (prefix) {
    i += 2;
    if (i < n && p[i] == '_') ++i;  // "0x_1f" is allowed
  }
  uint8_t* out = static_cast<uint8_t*>(malloc(n > i ? n - i : 1));
  if (out == nullptr) {
    raise_no_memory();
    return ParseStatus::Error;
  }
  size_t count = 0;
  bool all_zero = true;
  while (i < n) {
    int v = char_value(static_cast<unsigned char>(p[i]));
    if (v >= base) {
      // An underscore must sit between two digits.
      if (p[i] != '_' || count == 0 || i + 1 >= n || char_value(static_cast<unsigned char>(p[i + 1])) >= base)
        break;
      ++i;
      continue;
    }
    out[count++] = static_cast<uint8_t>(v);
    all_zero = all_zero && v == 0;
    ++i;
  }
  while (i < n && ascii_space(p[i])) ++i;
  if (count == 0 || i != n || (old_octal && !all_zero)) {
    free(out);
    return ParseStatus::Invalid;
  }
  *digits = out;
  *nd = count;
  *out_base = base;
  return ParseStatus::Ok;
}

// Digits of a power-of-two base, packed directly.
Value digits_pow2(const uint8_t* dv, size_t nd, int base, bool neg) {
  unsigned bits = static_cast<unsigned>(__builtin_ctz(static_cast<unsigned>(base)));
  uint64_t total = static_cast<uint64_t>(nd) * bits;
  IntObject* o = int_alloc(static_cast<size_t>(total / kDigitBits) + 1);
  if (o == nullptr) return MOLT_ERROR;
  digit* d = o->digits;
  size_t k = 0;
  uint64_t acc = 0;
  unsigned have = 0;
  for (size_t i = nd; i-- > 0;) {
    acc |= static_cast<uint64_t>(dv[i]) << have;
    have += bits;
    if (have >= kDigitBits) {
      d[k++] = static_cast<digit>(acc);
      acc >>= kDigitBits;
      have -= kDigitBits;
    }
  }
  d[k++] = static_cast<digit>(acc);
  o->size = static_cast<int32_t>(k);
  return int_finish(o, neg);
}

// Largest c with base^c < 2^32, and base^c.
void chunk_of(int base, int* c, digit* power) {
  uint64_t p = 1;
  int k = 0;
  while (p * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
    p *= static_cast<uint64_t>(base);
    ++k;
  }
  *c = k;
  *power = static_cast<digit>(p);
}

// The value of the digits dv[0..len) in `base` (base^len < 2^64). Base 10,
// by far the most common, gets a loop with a constant multiplier.
inline uint64_t chunk_value(const uint8_t* dv, size_t len, int base) {
  uint64_t v = 0;
  if (base == 10) {
    for (size_t j = 0; j < len; ++j) v = v * 10 + dv[j];
  } else {
    for (size_t j = 0; j < len; ++j) v = v * static_cast<uint64_t>(base) + dv[j];
  }
  return v;
}

#if MOLT_MP_WIDE
// Quadratic conversion on 64-bit hosts: the accumulator is an array of
// 64-bit limbs multiplied by base^c (< 2^64, c = 19 for base 10) per chunk
// of c digits, half the passes of the 32-bit loop below.
Value digits_basecase(const uint8_t* dv, size_t nd, int base) {
  using u128 = unsigned __int128;
  size_t c = 0;
  uint64_t power = 1;
  while (power <= UINT64_MAX / static_cast<uint64_t>(base)) {
    power *= static_cast<uint64_t>(base);
    ++c;
  }
  double bits = static_cast<double>(nd) * log2(static_cast<double>(base));
  size_t cap = static_cast<size_t>(bits / 64) + 2;  // limbs
  IntObject* o = int_alloc(2 * cap);
  if (o == nullptr) return MOLT_ERROR;
  uint64_t small[64];
  uint64_t* x = cap <= 64 ? small : static_cast<uint64_t*>(malloc(cap * sizeof(uint64_t)));
  if (x == nullptr) {
    free_object(&o->ob);
    return raise_no_memory();
  }
  size_t n = 0, i = 0;
  size_t first = nd % c == 0 ? c : nd % c;
  for (size_t len = first; i < nd; len = c) {
    uint64_t scale = len == c ? power : 1;
    if (len != c) {
      for (size_t j = 0; j < len; ++j) scale *= static_cast<uint64_t>(base);
    }
    uint64_t carry = chunk_value(dv + i, len, base);
    i += len;
    for (size_t k = 0; k < n; ++k) {
      u128 t = static_cast<u128>(x[k]) * scale + carry;
      x[k] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    if (carry != 0) x[n++] = carry;
  }
  memcpy(o->digits, x, n * sizeof(uint64_t));  // little-endian limbs are digit pairs
  o->size = static_cast<int32_t>(2 * n);
  if (x != small) free(x);
  return int_finish(o, false);
}
#else
// Quadratic conversion of digit values in any base: c digits at a time.
Value digits_basecase(const uint8_t* dv, size_t nd, int base) {
  int c;
  digit power;
  chunk_of(base, &c, &power);
  double bits = static_cast<double>(nd) * log2(static_cast<double>(base));
  size_t cap = static_cast<size_t>(bits / kDigitBits) + 2;
  IntObject* o = int_alloc(cap);
  if (o == nullptr) return MOLT_ERROR;
  digit* d = o->digits;
  size_t n = 0;
  size_t first = nd % static_cast<size_t>(c);
  if (first == 0) first = static_cast<size_t>(c);
  size_t i = 0;
  for (size_t len = first; i < nd; len = static_cast<size_t>(c)) {
    digit scale = 1;
    for (size_t j = 0; j < len; ++j) scale *= static_cast<digit>(base);
    digit chunk = static_cast<digit>(chunk_value(dv + i, len, base));
    i += len;
    digit carry = mp::mul_1(d, d, n, scale);
    if (carry != 0) d[n++] = carry;
    carry = mp::add_1(d, d, n, chunk);
    if (carry != 0) d[n++] = carry;
  }
  o->size = static_cast<int32_t>(n);
  return int_finish(o, false);
}
#endif

// Divide and conquer: the value of dv[0..nd) given powers[k] = base^(c*2^k).
Value digits_dc(const uint8_t* dv, size_t nd, int base, size_t c, Value* powers, int k) {
  while (k >= 0 && (c << k) >= nd) --k;
  if (k < 0 || nd <= kParseDCChars) return digits_basecase(dv, nd, base);
  size_t low = c << k;  // the low part has exactly c*2^k digits
  Ref hi(digits_dc(dv, nd - low, base, c, powers, k));
  if (hi.is_error()) return MOLT_ERROR;
  Ref lo(digits_dc(dv + nd - low, low, base, c, powers, k - 1));
  if (lo.is_error()) return MOLT_ERROR;
  Ref scaled(int_mul(hi.get(), powers[k]));
  if (scaled.is_error()) return MOLT_ERROR;
  return int_add(scaled.get(), lo.get());
}

Value digits_to_int(const uint8_t* dv, size_t nd, int base, bool neg) {
  if ((base & (base - 1)) == 0) return digits_pow2(dv, nd, base, neg);
  Value r;
  if (nd <= kParseDCChars) {
    r = digits_basecase(dv, nd, base);
  } else {
    int c;
    digit p0;
    chunk_of(base, &c, &p0);
    Value powers[64];
    int levels = 0;
    powers[levels++] = molt_from_small_int(p0);
    while ((static_cast<size_t>(c) << levels) < nd) {
      Value next = int_mul(powers[levels - 1], powers[levels - 1]);
      if (molt_is_error(next)) break;
      powers[levels++] = next;
    }
    bool ok = (static_cast<size_t>(c) << (levels - 1)) * 2 >= nd;
    r = ok ? digits_dc(dv, nd, base, static_cast<size_t>(c), powers, levels - 1) : MOLT_ERROR;
    for (int i = 0; i < levels; ++i) decref(powers[i]);
  }
  if (molt_is_error(r) || !neg) return r;
  Value negated = int_neg(r);
  decref(r);
  return negated;
}

// ValueError "invalid literal for int() with base B: <repr>", with the repr
// cut to 200 characters as CPython's %.200R does.
Value raise_invalid_literal(const char* s, size_t n, int base) {
  bool ascii = true;
  for (size_t i = 0; i < n && ascii; ++i) ascii = static_cast<unsigned char>(s[i]) < 0x80;
  if (!ascii) {
    Ref text(str_from_utf8(s, n));
    if (text.is_error()) return MOLT_ERROR;
    Ref r(str_repr(text.get()));
    if (r.is_error()) return MOLT_ERROR;
    size_t len;
    const char* u = str_utf8(r.get(), &len);
    if (u == nullptr) return MOLT_ERROR;
    size_t cut = 0;
    for (int64_t cps = 0; cut < len && cps < 200; ++cps) {
      unsigned char c = static_cast<unsigned char>(u[cut]);
      cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    char* msg = static_cast<char*>(malloc(cut + 1));
    if (msg == nullptr) return raise_no_memory();
    memcpy(msg, u, cut);
    msg[cut] = '\0';
    Value e = raise(ErrorId::IntInvalidLiteral, base, msg);
    free(msg);
    return e;
  }
  // Python's repr of an ASCII str: single quotes unless the text contains
  // ' and no ", backslash escapes for \\ \t \n \r and \xhh for other
  // non-printable characters.
  bool has_single = memchr(s, '\'', n) != nullptr, has_double = memchr(s, '"', n) != nullptr;
  char quote = has_single && !has_double ? '"' : '\'';
  char buf[256];
  size_t k = 0;
  buf[k++] = quote;
  static const char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < n && k < 200; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == quote || c == '\\') {
      buf[k++] = '\\';
      buf[k++] = static_cast<char>(c);
    } else if (c == '\t' || c == '\n' || c == '\r') {
      buf[k++] = '\\';
      buf[k++] = c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
    } else if (c < 0x20 || c == 0x7F) {
      buf[k++] = '\\';
      buf[k++] = 'x';
      buf[k++] = kHex[c >> 4];
      buf[k++] = kHex[c & 15];
    } else {
      buf[k++] = static_cast<char>(c);
    }
  }
  if (k < 200) buf[k++] = quote;
  if (k > 200) k = 200;
  buf[k] = '\0';
  return raise(ErrorId::IntInvalidLiteral, base, buf);
}

// int(text, base) on ASCII text (Unicode already mapped), reporting errors
// against the original text.
Value parse_ascii(const char* p, size_t n, int base, bool limit, const char* orig, size_t orig_n) {
  uint8_t* dv;
  size_t nd;
  bool neg;
  int eff_base;
  ParseStatus st = scan(p, n, base, &dv, &nd, &neg, &eff_base);
  if (st == ParseStatus::Error) return MOLT_ERROR;
  if (st == ParseStatus::Invalid) return raise_invalid_literal(orig, orig_n, base);
  if (limit && (eff_base & (eff_base - 1)) != 0 && g_int_max_str_digits > 0 &&
      nd > static_cast<size_t>(g_int_max_str_digits)) {
    free(dv);
    return raise(ErrorId::IntStrDigitsLimit, static_cast<long long>(g_int_max_str_digits),
                 static_cast<long long>(nd));
  }
  Value r = digits_to_int(dv, nd, eff_base, neg);
  free(dv);
  return r;
}

}  // namespace

Value int_from_string(const char* s, size_t n, int base) {
  if (base != 0 && (base < 2 || base > 36)) return raise(ErrorId::IntInvalidBase);
  size_t i = 0;
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  if (i == n) return parse_ascii(s, n, base, true, s, n);
  // Map non-ASCII code points as CPython does before parsing: Unicode
  // whitespace to ' ', decimal digits to '0'..'9', anything else to a
  // character that can never be valid.
  char* buf = static_cast<char*>(malloc(n));
  if (buf == nullptr) return raise_no_memory();
  memcpy(buf, s, i);
  size_t k = i;
  const unsigned char* u = reinterpret_cast<const unsigned char*>(s);
  while (i < n) {
    if (u[i] < 0x80) {
      buf[k++] = s[i++];
      continue;
    }
    uint32_t cp = decode_utf8(u, n, &i);
    int dec = unicode_decimal(cp);
    buf[k++] = dec >= 0 ? static_cast<char>('0' + dec) : unicode_space(cp) ? ' ' : '!';
  }
  Value r = parse_ascii(buf, k, base, true, s, n);
  free(buf);
  return r;
}

Value int_from_literal(const char* s, size_t n) {
  return parse_ascii(s, n, 0, false, s, n);
}

// --- printing ----------------------------------------------------------------------------

namespace {

constexpr digit kDecimalBase = 1000000000u;  // 10^9, the largest power of ten in a digit

// Writes the 9 decimal digits of c (zero-padded) ending at `end`.
inline void put9(char* end, digit c) {
  for (int i = 0; i < 9; ++i) {
    *--end = static_cast<char>('0' + c % 10);
    c /= 10;
  }
}

// d[0..n) /= 10^9 in place, returning the remainder. The constant divisor
// lets the compiler divide by multiplication.
[[maybe_unused]] digit divrem_1e9(digit* d, size_t n) {
  uint64_t rem = 0;
  for (size_t i = n; i-- > 0;) {
    uint64_t cur = (rem << kDigitBits) | d[i];
    uint64_t q = cur / kDecimalBase;
    rem = cur - q * kDecimalBase;
    d[i] = static_cast<digit>(q);
  }
  return static_cast<digit>(rem);
}

#if MOLT_MP_WIDE
// On 64-bit hosts the leaf divides 64-bit limbs by 10^18: half the steps of
// the 10^9 loop for twice the digits per pass. Each step is a 128-by-64-bit
// division by the invariant normalized divisor d = 10^18 * 16, done with its
// precomputed reciprocal v = floor((2^128 - 1) / d) - 2^64 (the "2-by-1"
// division of Möller and Granlund, "Improved division by invariant
// integers", 2011): two multiplications and no hardware divide.
using u128 = unsigned __int128;
constexpr uint64_t kTen18 = 1000000000000000000ull;
constexpr unsigned kTen18Shift = 4;  // 10^18 < 2^60
constexpr uint64_t kTen18Norm = kTen18 << kTen18Shift;
constexpr uint64_t kTen18Inv =
    static_cast<uint64_t>(~static_cast<u128>(0) / kTen18Norm - (static_cast<u128>(1) << 64));

// (u1*2^64 + u0) / kTen18Norm for u1 < kTen18Norm; stores the remainder.
inline uint64_t div_2by1(uint64_t u1, uint64_t u0, uint64_t* rem) {
  u128 q = static_cast<u128>(kTen18Inv) * u1 + ((static_cast<u128>(u1) << 64) | u0);
  uint64_t q1 = static_cast<uint64_t>(q >> 64) + 1;
  uint64_t q0 = static_cast<uint64_t>(q);
  uint64_t r = u0 - q1 * kTen18Norm;
  if (r > q0) {
    --q1;
    r += kTen18Norm;
  }
  if (r >= kTen18Norm) {
    ++q1;
    r -= kTen18Norm;
  }
  *rem = r;
  return q1;
}

// x[0..L) /= 10^18 in place (limbs); returns the remainder. Works on the
// number shifted left by 4 bits, fed limb by limb, so the divisor is
// normalized; the quotient is unchanged and the remainder comes out shifted.
uint64_t divrem_1e18(uint64_t* x, size_t L) {
  uint64_t r = x[L - 1] >> (64 - kTen18Shift);
  for (size_t i = L; i-- > 0;) {
    uint64_t u = (x[i] << kTen18Shift) | (i > 0 ? x[i - 1] >> (64 - kTen18Shift) : 0);
    x[i] = div_2by1(r, u, &r);
  }
  return r >> kTen18Shift;
}

// Writes exactly `groups` 9-digit groups of the magnitude (d, n) ending at
// `end`, zero-padded; the value must be below 10^(9*groups). Returns false
// with MemoryError set if scratch space cannot be had.
bool leaf_to_decimal(digit* d, size_t n, char* end, size_t groups) {
  size_t L = (n + 1) / 2;
  uint64_t small[64];
  uint64_t* x = L <= 64 ? small : static_cast<uint64_t*>(malloc(L * sizeof(uint64_t)));
  if (x == nullptr) {
    raise_no_memory();
    return false;
  }
  if (L > 0) x[L - 1] = 0;
  memcpy(x, d, n * sizeof(digit));
  size_t g = 0;
  while (g < groups) {
    while (L > 0 && x[L - 1] == 0) --L;
    if (L == 0) break;
    uint64_t rem = divrem_1e18(x, L);
    put9(end - 9 * g, static_cast<digit>(rem % kDecimalBase));
    if (++g < groups) put9(end - 9 * g++, static_cast<digit>(rem / kDecimalBase));
  }
  memset(end - 9 * groups, '0', 9 * (groups - g));
  if (x != small) free(x);
  return true;
}
#else
// Writes exactly `groups` 9-digit groups of the magnitude (d, n) ending at
// `end`, zero-padded; the value must be below 10^(9*groups). Consumes d.
bool leaf_to_decimal(digit* d, size_t n, char* end, size_t groups) {
  size_t g = 0;
  for (; g < groups; ++g) {
    n = mp::normalized_size(d, n);
    if (n == 0) break;
    put9(end - 9 * g, divrem_1e9(d, n));
  }
  memset(end - 9 * groups, '0', 9 * (groups - g));
  return true;
}
#endif

// 10^(9*g) for the group counts the conversion splits at, computed on
// demand by squaring and kept for the duration of one conversion. A
// balanced split of G groups only ever needs about two distinct counts per
// level, so the table stays small.
class DecimalPowers {
 public:
  DecimalPowers() = default;
  DecimalPowers(const DecimalPowers&) = delete;
  DecimalPowers& operator=(const DecimalPowers&) = delete;
  ~DecimalPowers() {
    for (int i = 0; i < n_; ++i) decref(value_[i]);
  }
  /// 10^(9*g) (borrowed), or MOLT_ERROR with an exception set.
  Value get(size_t g) {
    if (g == 1) return molt_from_small_int(kDecimalBase);
    for (int i = 0; i < n_; ++i) {
      if (groups_[i] == g) return value_[i];
    }
    Value half = get(g / 2);
    if (molt_is_error(half)) return MOLT_ERROR;
    Value v = int_mul(half, half);
    if (g % 2 != 0 && !molt_is_error(v)) {
      Value w = int_mul(v, molt_from_small_int(kDecimalBase));
      decref(v);
      v = w;
    }
    if (molt_is_error(v)) return MOLT_ERROR;
    if (n_ == kCapacity) fatal("DecimalPowers: table full");
    groups_[n_] = g;
    value_[n_++] = v;
    return v;
  }

 private:
  static constexpr int kCapacity = 128;
  size_t groups_[kCapacity];
  Value value_[kCapacity];
  int n_ = 0;
};

// Writes the decimal digits of x (0 <= x < 10^(9*groups)) as exactly
// 9*groups characters ending at `end`, splitting into halves of equal
// group counts so every division is a balanced 2n-by-n one.
bool dc_to_decimal(Value x, size_t groups, DecimalPowers& pow10, char* end) {
  IntView vx(x);
  if (vx.n <= kToDecimalDCDigits || groups < 4) {
    mp::Scratch s;
    if (!s.init(vx.n + 1)) {
      raise_no_memory();
      return false;
    }
    digit* copy = s.take(vx.n + 1);
    memcpy(copy, vx.d, vx.n * sizeof(digit));
    return leaf_to_decimal(copy, vx.n, end, groups);
  }
  size_t low = (groups + 1) / 2;
  Value p = pow10.get(low);
  if (molt_is_error(p)) return false;
  Value q, r;
  if (!int_divmod_parts(x, p, &q, &r)) return false;
  bool ok = dc_to_decimal(r, low, pow10, end) && dc_to_decimal(q, groups - low, pow10, end - 9 * low);
  decref(q);
  decref(r);
  return ok;
}

// The decimal digits of |x| in a malloc'd buffer (*start points at the
// first significant digit, *len is the digit count).
char* to_decimal(const IntView& x, char** start, size_t* len) {
  uint64_t bits = mp::bit_length(x.d, x.n);
  // An upper bound on the digit count, in 9-digit groups.
  size_t max_digits = static_cast<size_t>(static_cast<double>(bits) * 0.30102999566398120) + 2;
  size_t groups = (max_digits + 8) / 9;
  size_t total = 9 * groups;
  char* buf = static_cast<char*>(malloc(total));
  if (buf == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  bool ok;
  if (x.n <= kToDecimalDCDigits) {
    mp::Scratch s;
    ok = s.init(x.n + 1);
    if (ok) {
      digit* copy = s.take(x.n + 1);
      memcpy(copy, x.d, x.n * sizeof(digit));
      ok = leaf_to_decimal(copy, x.n, buf + total, groups);
    } else {
      raise_no_memory();
    }
  } else {
    DecimalPowers pow10;
    Value mag = int_from_digits(x.d, x.n, false);
    ok = !molt_is_error(mag) && dc_to_decimal(mag, groups, pow10, buf + total);
    if (!molt_is_error(mag)) decref(mag);
  }
  if (!ok) {
    free(buf);
    return nullptr;
  }
  size_t first = 0;
  while (first + 1 < total && buf[first] == '0') ++first;
  *start = buf + first;
  *len = total - first;
  return buf;
}

Value small_to_str(int64_t i) {
  char buf[24];
  char* end = buf + sizeof buf;
  char* p = end;
  uint64_t m = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  do {
    *--p = static_cast<char>('0' + m % 10);
    m /= 10;
  } while (m != 0);
  if (i < 0) *--p = '-';
  return str_from_ascii(p, static_cast<size_t>(end - p));
}

}  // namespace

Value int_repr(Value v) {
  if (molt_is_small_int(v)) return small_to_str(molt_as_small_int(v));
  IntView x(v);
  int64_t limit = g_int_max_str_digits;
  if (limit > 0) {
    // A cheap lower bound on the digit count rejects huge values before any
    // conversion work; the exact count is checked afterwards.
    uint64_t bits = mp::bit_length(x.d, x.n);
    double lower = static_cast<double>(bits - 1) * 0.30102999566398114 - 1e-6;
    if (lower >= static_cast<double>(limit)) {
      return raise(ErrorId::IntStrDigitsLimitToStr, static_cast<long long>(limit));
    }
  }
  char* start;
  size_t len;
  char* buf = to_decimal(x, &start, &len);
  if (buf == nullptr) return MOLT_ERROR;
  if (limit > 0 && len > static_cast<size_t>(limit)) {
    free(buf);
    return raise(ErrorId::IntStrDigitsLimitToStr, static_cast<long long>(limit));
  }
  Value s = str_new_raw(static_cast<int64_t>(len + x.neg), 1, true);
  if (!molt_is_error(s)) {
    char* out = static_cast<char*>(str_data(as_str(s)));
    if (x.neg) *out++ = '-';
    memcpy(out, start, len);
  }
  free(buf);
  return s;
}

Value int_to_base_string(Value v, int base, bool with_prefix) {
  if (base == 10) return int_repr(v);
  unsigned bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  IntView x(v);
  uint64_t nbits = mp::bit_length(x.d, x.n);
  size_t nchars = nbits == 0 ? 1 : static_cast<size_t>((nbits + bits - 1) / bits);
  size_t len = nchars + (with_prefix ? 2 : 0) + (x.neg ? 1 : 0);
  Value s = str_new_raw(static_cast<int64_t>(len), 1, true);
  if (molt_is_error(s)) return s;
  char* out = static_cast<char*>(str_data(as_str(s)));
  if (x.neg) *out++ = '-';
  if (with_prefix) {
    *out++ = '0';
    *out++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
  }
  static const char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < nchars; ++i) {
    // Character i from the right holds bits [i*bits, (i+1)*bits).
    uint64_t pos = static_cast<uint64_t>(i) * bits;
    size_t di = static_cast<size_t>(pos / kDigitBits);
    unsigned sh = static_cast<unsigned>(pos % kDigitBits);
    uint64_t window = di < x.n ? x.d[di] : 0;
    if (di + 1 < x.n) window |= static_cast<uint64_t>(x.d[di + 1]) << kDigitBits;
    out[nchars - 1 - i] = kDigits[(window >> sh) & ((1u << bits) - 1)];
  }
  return s;
}

}  // namespace molt
