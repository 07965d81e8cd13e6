// int_bits.cc — shifts, bitwise and/or/xor, bit_count, and the cores of
// int.to_bytes / int.from_bytes, all with Python's infinite two's
// complement semantics for negative ints (CPython 3.12 behaviour and
// messages).
//
// Negative operands of & | ^ are converted to two's complement over one
// digit more than the longer operand, combined digit by digit, and the
// result converted back to sign-magnitude.
#include "core/errors.h"
#include "objects/int_impl.h"

namespace molt {

using mp::digit;
using mp::kDigitBits;

// --- shifts ---------------------------------------------------------------------------

namespace {

// Shift counts are ints; the ones that matter fit in 64 bits. Returns false
// (with ValueError set) for negative counts; *huge is set for counts that
// do not fit in int64_t.
bool shift_count(Value b, uint64_t* count, bool* huge) {
  if (int_sign(b) < 0) {
    raise(ErrorId::NegativeShiftCount);
    return false;
  }
  int64_t c;
  *huge = !int_to_i64(b, &c);
  *count = *huge ? UINT64_MAX : static_cast<uint64_t>(c);
  return true;
}

}  // namespace

Value int_lshift(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t x = molt_as_small_int(a), c = molt_as_small_int(b);
    // 48-bit x shifted by at most 15 stays within int64_t.
    if (c >= 0 && c < 16) return int_from_i64_inline(static_cast<int64_t>(static_cast<uint64_t>(x) << c));
  }
  uint64_t count;
  bool huge;
  if (!shift_count(b, &count, &huge)) return MOLT_ERROR;
  IntView va(a);
  if (va.n == 0) return molt_from_small_int(0);
  // CPython allocates the result and fails with MemoryError when it cannot.
  if (huge || count / kDigitBits > mp::kMaxDigits) return raise_no_memory();
  size_t wd = static_cast<size_t>(count / kDigitBits);
  unsigned wb = static_cast<unsigned>(count % kDigitBits);
  if (wd + va.n + 1 > mp::kMaxDigits) return raise_no_memory();
  IntObject* o = int_alloc(wd + va.n + 1);
  if (o == nullptr) return MOLT_ERROR;
  memset(o->digits, 0, wd * sizeof(digit));
  o->digits[wd + va.n] = mp::lshift(o->digits + wd, va.d, va.n, wb);
  return int_finish(o, va.neg);
}

Value int_rshift(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    int64_t x = molt_as_small_int(a), c = molt_as_small_int(b);
    // Arithmetic shift of a negative value rounds toward -infinity, as Python.
    if (c >= 0) return molt_from_small_int(c >= 63 ? (x < 0 ? -1 : 0) : x >> c);
  }
  uint64_t count;
  bool huge;
  if (!shift_count(b, &count, &huge)) return MOLT_ERROR;
  IntView va(a);
  if (huge || count >= static_cast<uint64_t>(va.n) * kDigitBits) {
    return molt_from_small_int(va.neg ? -1 : 0);
  }
  size_t wd = static_cast<size_t>(count / kDigitBits);
  unsigned wb = static_cast<unsigned>(count % kDigitBits);
  size_t n = va.n - wd;
  IntObject* o = int_alloc(n + 1);
  if (o == nullptr) return MOLT_ERROR;
  digit out = mp::rshift(o->digits, va.d + wd, n, wb);
  o->digits[n] = 0;
  if (va.neg) {
    // floor(-x / 2^c) = -ceil(x / 2^c): add one if any dropped bit was set.
    bool dropped = out != 0;
    for (size_t i = 0; i < wd && !dropped; ++i) dropped = va.d[i] != 0;
    if (dropped) mp::add_1(o->digits, o->digits, n + 1, 1);
  }
  return int_finish(o, va.neg);
}

// --- bitwise --------------------------------------------------------------------------

namespace {

enum class BitOp { And, Or, Xor };

inline digit apply(BitOp op, digit x, digit y) {
  switch (op) {
    case BitOp::And: return x & y;
    case BitOp::Or: return x | y;
    case BitOp::Xor: return x ^ y;
  }
  return 0;
}

// out[0..n) = two's complement of the signed magnitude (d, dn, neg) over n
// digits (n > dn).
void to_twos(digit* out, const digit* d, size_t dn, bool neg, size_t n) {
  memcpy(out, d, dn * sizeof(digit));
  memset(out + dn, 0, (n - dn) * sizeof(digit));
  if (neg) {
    for (size_t i = 0; i < n; ++i) out[i] = ~out[i];
    mp::add_1(out, out, n, 1);
  }
}

Value bitwise(BitOp op, Value a, Value b) {
  IntView va(a), vb(b);
  size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
  bool neg = apply(op, va.neg, vb.neg) != 0;
  IntObject* o = int_alloc(n);
  if (o == nullptr) return MOLT_ERROR;
  mp::Scratch s;
  if (!s.init(n)) {
    free_object(&o->ob);
    return raise_no_memory();
  }
  digit* y = s.take(n);
  to_twos(o->digits, va.d, va.n, va.neg, n);
  to_twos(y, vb.d, vb.n, vb.neg, n);
  digit* r = o->digits;
  for (size_t i = 0; i < n; ++i) r[i] = apply(op, r[i], y[i]);
  if (neg) {
    // Back to a magnitude: negate the two's complement result.
    for (size_t i = 0; i < n; ++i) r[i] = ~r[i];
    mp::add_1(r, r, n, 1);
  }
  return int_finish(o, neg);
}

}  // namespace

Value int_and(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    return molt_from_small_int(molt_as_small_int(a) & molt_as_small_int(b));
  }
  int64_t x, y;
  if (int_to_i64(a, &x) && int_to_i64(b, &y)) return int_from_i64(x & y);
  return bitwise(BitOp::And, a, b);
}

Value int_or(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    return molt_from_small_int(molt_as_small_int(a) | molt_as_small_int(b));
  }
  int64_t x, y;
  if (int_to_i64(a, &x) && int_to_i64(b, &y)) return int_from_i64(x | y);
  return bitwise(BitOp::Or, a, b);
}

Value int_xor(Value a, Value b) {
  if (molt_is_small_int(a) && molt_is_small_int(b)) {
    return molt_from_small_int(molt_as_small_int(a) ^ molt_as_small_int(b));
  }
  int64_t x, y;
  if (int_to_i64(a, &x) && int_to_i64(b, &y)) return int_from_i64(x ^ y);
  return bitwise(BitOp::Xor, a, b);
}

int64_t int_bit_count(Value v) {
  IntView va(v);
  int64_t count = 0;
  for (size_t i = 0; i < va.n; ++i) count += __builtin_popcount(va.d[i]);
  return count;
}

// --- bytes ----------------------------------------------------------------------------

bool int_to_bytes(Value v, uint8_t* out, size_t len, bool little_endian, bool is_signed) {
  IntView va(v);
  if (va.neg && !is_signed) {
    raise(ErrorId::IntNegativeToUnsigned);
    return false;
  }
  // Range check. Signed: bit_length of v (or of |v| - 1 when negative) must
  // leave the sign bit free; CPython lets 0 and -1 fit in zero bytes.
  uint64_t bits = mp::bit_length(va.d, va.n);
  if (va.neg) {
    // bit_length(|v| - 1) is bits - 1 exactly when |v| is a power of two.
    bool pow2 = true;
    for (size_t i = 0; i + 1 < va.n && pow2; ++i) pow2 = va.d[i] == 0;
    pow2 = pow2 && (va.d[va.n - 1] & (va.d[va.n - 1] - 1)) == 0;
    if (pow2) --bits;
  }
  uint64_t avail = static_cast<uint64_t>(len) * 8;
  if (is_signed && avail > 0) --avail;
  if (bits > avail) {
    raise(ErrorId::IntTooBigToConvert);
    return false;
  }
  // Little-endian bytes of |v|, then two's complement negation if needed.
  for (size_t i = 0; i < len; ++i) {
    size_t di = i / 4;
    out[i] = di < va.n ? static_cast<uint8_t>(va.d[di] >> (8 * (i % 4))) : 0;
  }
  if (va.neg) {
    unsigned carry = 1;
    for (size_t i = 0; i < len; ++i) {
      unsigned t = static_cast<uint8_t>(~out[i]) + carry;
      out[i] = static_cast<uint8_t>(t);
      carry = t >> 8;
    }
  }
  if (!little_endian) {
    for (size_t i = 0, j = len; i + 1 < j; ++i, --j) {
      uint8_t t = out[i];
      out[i] = out[j - 1];
      out[j - 1] = t;
    }
  }
  return true;
}

Value int_from_bytes(const uint8_t* p, size_t len, bool little_endian, bool is_signed) {
  size_t n = (len + 3) / 4 + 1;
  IntObject* o = int_alloc(n);
  if (o == nullptr) return MOLT_ERROR;
  memset(o->digits, 0, n * sizeof(digit));
  for (size_t i = 0; i < len; ++i) {
    uint8_t byte = little_endian ? p[i] : p[len - 1 - i];
    o->digits[i / 4] |= static_cast<digit>(byte) << (8 * (i % 4));
  }
  bool neg = false;
  if (is_signed && len > 0) {
    uint8_t top = little_endian ? p[len - 1] : p[0];
    if (top & 0x80) {
      // Value - 2^(8*len): the magnitude is the two's complement negation of
      // the bytes within 8*len bits.
      neg = true;
      size_t nd = (len + 3) / 4;
      for (size_t i = 0; i < nd; ++i) o->digits[i] = ~o->digits[i];
      if (len % 4 != 0) o->digits[nd - 1] &= (static_cast<digit>(1) << (8 * (len % 4))) - 1;
      mp::add_1(o->digits, o->digits, n, 1);
    }
  }
  return int_finish(o, neg);
}

}  // namespace molt
