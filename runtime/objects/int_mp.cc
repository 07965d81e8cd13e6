// int_mp.cc — linear-time digit-array primitives (add, subtract, multiply by
// a digit, shifts, compare) and the scratch arena, the building blocks of
// every bigint algorithm in int_mul.cc, int_div.cc and the int*.cc files.
//
// The loops use 64-bit accumulators: with 32-bit digits a*b + c + d never
// exceeds 2^64 - 1, so no carry is ever lost.
#include "objects/int_impl.h"

#include "core/errors.h"

namespace molt {
namespace mp {

int cmp_n(const digit* a, const digit* b, size_t n) {
  while (n-- > 0) {
    if (a[n] != b[n]) return a[n] < b[n] ? -1 : 1;
  }
  return 0;
}

int cmp(const digit* a, size_t na, const digit* b, size_t nb) {
  if (na != nb) return na < nb ? -1 : 1;
  return cmp_n(a, b, na);
}

#if MOLT_MP_WIDE
// On 64-bit hosts the loops below take two digits at a time as one 64-bit
// limb (see int_mul.cc for why that is valid), with 128-bit sums.
namespace {
using u64 = uint64_t;
using u128 = unsigned __int128;
inline u64 load64(const digit* p) {
  u64 v;
  memcpy(&v, p, sizeof v);
  return v;
}
inline void store64(digit* p, u64 v) {
  memcpy(p, &v, sizeof v);
}
}  // namespace
#endif

digit add_n(digit* r, const digit* a, const digit* b, size_t n) {
  ddigit c = 0;
  size_t i = 0;
#if MOLT_MP_WIDE
  for (; i + 2 <= n; i += 2) {
    u128 t = static_cast<u128>(load64(a + i)) + load64(b + i) + c;
    store64(r + i, static_cast<u64>(t));
    c = static_cast<u64>(t >> 64);
  }
#endif
  for (; i < n; ++i) {
    c += static_cast<ddigit>(a[i]) + b[i];
    r[i] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
  return static_cast<digit>(c);
}

digit sub_n(digit* r, const digit* a, const digit* b, size_t n) {
  // The borrow is kept as 0 or 1; (a - b - borrow) wraps modulo 2^64 and its
  // top bit tells whether it went negative.
  ddigit borrow = 0;
  size_t i = 0;
#if MOLT_MP_WIDE
  for (; i + 2 <= n; i += 2) {
    u128 t = static_cast<u128>(load64(a + i)) - load64(b + i) - borrow;
    store64(r + i, static_cast<u64>(t));
    borrow = static_cast<u64>(t >> 64) & 1;
  }
#endif
  for (; i < n; ++i) {
    ddigit t = static_cast<ddigit>(a[i]) - b[i] - borrow;
    r[i] = static_cast<digit>(t);
    borrow = t >> 63;
  }
  return static_cast<digit>(borrow);
}

digit add_1(digit* r, const digit* a, size_t n, digit d) {
  size_t i = 0;
  ddigit c = d;
  for (; i < n && c != 0; ++i) {
    c += a[i];
    r[i] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
  if (r != a) {
    for (; i < n; ++i) r[i] = a[i];
  }
  return static_cast<digit>(c);
}

digit sub_1(digit* r, const digit* a, size_t n, digit d) {
  size_t i = 0;
  ddigit borrow = d;
  for (; i < n && borrow != 0; ++i) {
    ddigit t = static_cast<ddigit>(a[i]) - borrow;
    r[i] = static_cast<digit>(t);
    borrow = t >> 63;
  }
  if (r != a) {
    for (; i < n; ++i) r[i] = a[i];
  }
  return static_cast<digit>(borrow);
}

digit add(digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  digit c = add_n(r, a, b, nb);
  return add_1(r + nb, a + nb, na - nb, c);
}

digit sub(digit* r, const digit* a, size_t na, const digit* b, size_t nb) {
  digit borrow = sub_n(r, a, b, nb);
  return sub_1(r + nb, a + nb, na - nb, borrow);
}

digit add_into(digit* a, size_t n, const digit* b, size_t nb) {
  return add(a, a, n, b, nb);
}

digit sub_into(digit* a, size_t n, const digit* b, size_t nb) {
  return sub(a, a, n, b, nb);
}

digit mul_1(digit* r, const digit* a, size_t n, digit m) {
  ddigit c = 0;
  size_t i = 0;
#if MOLT_MP_WIDE
  for (; i + 2 <= n; i += 2) {
    u128 t = static_cast<u128>(load64(a + i)) * m + c;
    store64(r + i, static_cast<u64>(t));
    c = static_cast<u64>(t >> 64);
  }
#endif
  for (; i < n; ++i) {
    c += static_cast<ddigit>(a[i]) * m;
    r[i] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
  return static_cast<digit>(c);
}

digit addmul_1(digit* r, const digit* a, size_t n, digit m) {
  // (2^32-1)^2 + 2*(2^32-1) = 2^64 - 1: the accumulator cannot overflow.
  ddigit c = 0;
  size_t i = 0;
#if MOLT_MP_WIDE
  for (; i + 2 <= n; i += 2) {
    u128 t = static_cast<u128>(load64(a + i)) * m + load64(r + i) + c;
    store64(r + i, static_cast<u64>(t));
    c = static_cast<u64>(t >> 64);
  }
#endif
  for (; i + 4 <= n; i += 4) {
    c += static_cast<ddigit>(a[i]) * m + r[i];
    r[i] = static_cast<digit>(c);
    c >>= kDigitBits;
    c += static_cast<ddigit>(a[i + 1]) * m + r[i + 1];
    r[i + 1] = static_cast<digit>(c);
    c >>= kDigitBits;
    c += static_cast<ddigit>(a[i + 2]) * m + r[i + 2];
    r[i + 2] = static_cast<digit>(c);
    c >>= kDigitBits;
    c += static_cast<ddigit>(a[i + 3]) * m + r[i + 3];
    r[i + 3] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
  for (; i < n; ++i) {
    c += static_cast<ddigit>(a[i]) * m + r[i];
    r[i] = static_cast<digit>(c);
    c >>= kDigitBits;
  }
  return static_cast<digit>(c);
}

digit submul_1(digit* r, const digit* a, size_t n, digit m) {
  // Subtract the product digit by digit; `c` carries the product's high
  // half plus the borrow of the previous position.
  ddigit c = 0;
  size_t i = 0;
#if MOLT_MP_WIDE
  for (; i + 2 <= n; i += 2) {
    u128 p = static_cast<u128>(load64(a + i)) * m + c;
    u64 lo = static_cast<u64>(p);
    c = static_cast<u64>(p >> 64);
    u64 ri = load64(r + i);
    store64(r + i, ri - lo);
    c += ri < lo;
  }
#endif
  for (; i < n; ++i) {
    ddigit p = static_cast<ddigit>(a[i]) * m + c;
    digit lo = static_cast<digit>(p);
    c = p >> kDigitBits;
    digit ri = r[i];
    r[i] = ri - lo;
    c += ri < lo;
  }
  return static_cast<digit>(c);
}

digit lshift(digit* r, const digit* a, size_t n, unsigned cnt) {
  if (n == 0) return 0;
  if (cnt == 0) {
    if (r != a) memmove(r, a, n * sizeof(digit));
    return 0;
  }
  // Walk from the top so that r >= a may overlap.
  digit out = a[n - 1] >> (kDigitBits - cnt);
  for (size_t i = n - 1; i > 0; --i) r[i] = (a[i] << cnt) | (a[i - 1] >> (kDigitBits - cnt));
  r[0] = a[0] << cnt;
  return out;
}

digit rshift(digit* r, const digit* a, size_t n, unsigned cnt) {
  if (n == 0) return 0;
  if (cnt == 0) {
    if (r != a) memmove(r, a, n * sizeof(digit));
    return 0;
  }
  digit out = a[0] << (kDigitBits - cnt);
  for (size_t i = 0; i + 1 < n; ++i) r[i] = (a[i] >> cnt) | (a[i + 1] << (kDigitBits - cnt));
  r[n - 1] = a[n - 1] >> cnt;
  return out;
}

uint64_t bit_length(const digit* a, size_t n) {
  if (n == 0) return 0;
  return static_cast<uint64_t>(n - 1) * kDigitBits + (kDigitBits - __builtin_clz(a[n - 1]));
}

// --- Scratch ------------------------------------------------------------------------

Scratch::~Scratch() {
  if (buf_ != small_) free(buf_);
  while (overflow_ != nullptr) {
    Overflow* next = overflow_->next;
    free(overflow_);
    overflow_ = next;
  }
}

bool Scratch::init(size_t n) {
  used_ = 0;
  if (n <= sizeof small_ / sizeof small_[0]) {
    buf_ = small_;
    cap_ = sizeof small_ / sizeof small_[0];
    return true;
  }
  if (n > SIZE_MAX / sizeof(digit)) return false;
  buf_ = static_cast<digit*>(malloc(n * sizeof(digit)));
  cap_ = buf_ ? n : 0;
  return buf_ != nullptr;
}

digit* Scratch::take(size_t n) {
  if (buf_ != nullptr && cap_ - used_ >= n) {
    digit* p = buf_ + used_;
    used_ += n;
    return p;
  }
  // The up-front estimate was short: fall back to a block of its own, kept
  // until the arena dies. Header padded to keep digits 8-byte aligned.
  void* block = malloc(16 + n * sizeof(digit));
  if (block == nullptr) fatal("out of memory in bigint scratch space");
  Overflow* o = static_cast<Overflow*>(block);
  o->next = overflow_;
  overflow_ = o;
  return reinterpret_cast<digit*>(static_cast<char*>(block) + 16);
}

}  // namespace mp
}  // namespace molt
