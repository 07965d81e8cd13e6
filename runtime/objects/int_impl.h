// int_impl.h — internals shared by the int*.cc files: the digit-level
// ("mp") arithmetic on little-endian arrays of 32-bit digits, the scratch
// arena the sub-quadratic algorithms use, and helpers that move between
// Values and digit arrays.
//
// Why 32-bit digits (CPython uses 30): a 32x32->64 product is the cheapest
// multiply on every target we build for (x86-64 and wasm32 have it natively),
// carries need no masking, and hashing modulo 2^61-1 does not depend on the
// digit size. The cost is that intermediate sums need explicit carry
// propagation, which the loops below do with 64-bit accumulators.
//
// Conventions of the mp layer: a number is (pointer, length) with the least
// significant digit first. "Normalized" means the top digit is nonzero (the
// empty array is zero). Result arrays never alias inputs unless a function
// says so. Nothing here touches Values, refcounts or the exception state,
// so it is unit-testable on its own (int_mp_test.cc).
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "objects/int.h"

namespace molt {
namespace mp {

using digit = uint32_t;
using ddigit = uint64_t;
constexpr int kDigitBits = 32;

/// Largest digit count of a heap int: IntObject::size is an int32_t, and on
/// 32-bit targets (wasm32) the bound also keeps every scratch-size product
/// below (at most 16 * n digits) from overflowing size_t.
constexpr size_t kMaxDigits = sizeof(size_t) >= 8 ? 0x7FFFFFFF : SIZE_MAX / 64;

// --- linear-time primitives (int_mp.cc) ----------------------------------------

/// Length of `a[0..n)` without leading zero digits.
inline size_t normalized_size(const digit* a, size_t n) {
  while (n > 0 && a[n - 1] == 0) --n;
  return n;
}
/// Compares two n-digit arrays: -1, 0, 1.
int cmp_n(const digit* a, const digit* b, size_t n);
/// Compares two normalized arrays of possibly different lengths.
int cmp(const digit* a, size_t na, const digit* b, size_t nb);
/// r = a + b over n digits; returns the carry (0 or 1). r may alias a or b.
digit add_n(digit* r, const digit* a, const digit* b, size_t n);
/// r = a - b over n digits; returns the borrow (0 or 1). r may alias a or b.
digit sub_n(digit* r, const digit* a, const digit* b, size_t n);
/// r[0..na) = a + b with na >= nb; returns the carry. r may alias a.
digit add(digit* r, const digit* a, size_t na, const digit* b, size_t nb);
/// r[0..na) = a - b with na >= nb; returns the borrow. r may alias a.
digit sub(digit* r, const digit* a, size_t na, const digit* b, size_t nb);
/// r = a + d over n digits; returns the carry. r may alias a.
digit add_1(digit* r, const digit* a, size_t n, digit d);
/// r = a - d over n digits; returns the borrow. r may alias a.
digit sub_1(digit* r, const digit* a, size_t n, digit d);
/// a[0..n) += b[0..nb) in place, propagating the carry to a's end (nb <= n).
/// Returns the carry out of a[n-1].
digit add_into(digit* a, size_t n, const digit* b, size_t nb);
/// a[0..n) -= b[0..nb) in place, propagating the borrow. Returns the borrow.
digit sub_into(digit* a, size_t n, const digit* b, size_t nb);
/// r = a * m over n digits; returns the high digit. r may alias a.
digit mul_1(digit* r, const digit* a, size_t n, digit m);
/// r += a * m over n digits; returns the carry digit.
digit addmul_1(digit* r, const digit* a, size_t n, digit m);
/// r -= a * m over n digits; returns the borrow digit.
digit submul_1(digit* r, const digit* a, size_t n, digit m);
/// r = a << cnt (0 <= cnt < 32) over n digits; returns the bits shifted out.
/// r may equal a (in-place) or be above it.
digit lshift(digit* r, const digit* a, size_t n, unsigned cnt);
/// r = a >> cnt (0 <= cnt < 32) over n digits; returns the bits shifted out
/// (in the top of the returned digit). r may equal a or be below it.
digit rshift(digit* r, const digit* a, size_t n, unsigned cnt);
/// Number of significant bits of a normalized array (0 for zero).
uint64_t bit_length(const digit* a, size_t n);

// --- scratch memory ----------------------------------------------------------------

/// A bump allocator for the temporaries of the recursive algorithms. The
/// owner sizes it for the whole computation up front (so the only
/// allocation that can fail is the first one, reported as MemoryError);
/// if an estimate is ever short, further blocks come from malloc and are
/// freed with the arena. Allocation is LIFO via mark()/release().
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch();
  /// Reserves `n` digits. Returns false on allocation failure.
  bool init(size_t n);
  /// `n` digits of uninitialised memory, valid until release() below it.
  digit* take(size_t n);
  size_t mark() const { return used_; }
  void release(size_t mark) { used_ = mark; }

 private:
  struct Overflow {
    Overflow* next;
  };
  digit* buf_ = nullptr;
  size_t cap_ = 0;
  size_t used_ = 0;
  Overflow* overflow_ = nullptr;
  digit small_[256];
};

// --- multiplication (int_mul.cc) ------------------------------------------------------

/// Digits of scratch that mul()/sqr() need for operands of these sizes.
size_t mul_scratch_size(size_t na, size_t nb);
/// r[0..na+nb) = a * b. Requires na >= nb >= 1; r aliases neither input.
void mul(digit* r, const digit* a, size_t na, const digit* b, size_t nb, Scratch& s);
/// r[0..2n) = a * a; r does not alias a.
void sqr(digit* r, const digit* a, size_t n, Scratch& s);
/// Convenience: allocates its own scratch. Returns false on MemoryError
/// (nothing is raised here; callers raise).
bool mul_alloc(digit* r, const digit* a, size_t na, const digit* b, size_t nb);
/// Schoolbook product, exposed for tests and small cases. Same contract as mul.
void mul_basecase(digit* r, const digit* a, size_t na, const digit* b, size_t nb);

// 64-bit-limb schoolbook kernels (int_mul.cc) on hosts with a
// 64x64->128-bit multiply; mul_basecase and the squaring leaf use them.
#if defined(__SIZEOF_INT128__) && SIZE_MAX > 0xFFFFFFFFu && !defined(MOLT_MP_NO_WIDE)
#define MOLT_MP_WIDE 1
/// As mul_basecase; na >= 2 and nb >= 2.
void mul_basecase_wide(digit* r, const digit* a, size_t na, const digit* b, size_t nb);
/// r[0..2n) = a^2 by schoolbook; n >= 2.
void sqr_basecase_wide(digit* r, const digit* a, size_t n);
#else
#define MOLT_MP_WIDE 0
#endif

// --- division (int_div.cc) ------------------------------------------------------------

/// q[0..n) = a / d, returns a % d. q may alias a. d != 0.
digit divrem_1(digit* q, const digit* a, size_t n, digit d);
/// a % d without computing the quotient.
digit mod_1(const digit* a, size_t n, digit d);
/// Divides a (na digits) by normalized b (nb >= 2 digits, na >= nb):
/// q[0..na-nb+1) = a / b and r[0..nb) = a % b. Either q or r may be null
/// when not wanted. Returns false on MemoryError.
bool divrem(digit* q, digit* r, const digit* a, size_t na, const digit* b, size_t nb);

}  // namespace mp

// --- Value <-> digits ------------------------------------------------------------------

/// A read-only view of an int's magnitude and sign, for code that treats
/// small and heap ints alike. Small ints are expanded into `buf`.
/// Invariant: d[0..n) is normalized (n == 0 means zero).
struct IntView {
  const mp::digit* d;
  size_t n;
  bool neg;
  mp::digit buf[2];

  /// Precondition: v is an int (small or heap), not bool.
  explicit IntView(Value v) { set(v); }
  IntView(const IntView&) = delete;
  IntView& operator=(const IntView&) = delete;
  void set(Value v);
};

inline IntObject* as_int_object(Value v) {
  return reinterpret_cast<IntObject*>(as_object(v));
}

/// Allocates a heap int with room for `n` digits (size set to n, digits
/// uninitialised). Raises MemoryError / OverflowError and returns null on
/// failure.
IntObject* int_alloc(size_t n);
/// Finishes a heap int built by int_alloc: strips leading zero digits, sets
/// the sign, and returns an inline int (freeing the object) if the value
/// fits — the invariant of int.h.
Value int_finish(IntObject* o, bool negative);
/// Builds an int from a magnitude array (copied) and a sign.
Value int_from_digits(const mp::digit* d, size_t n, bool negative);
// --- slots shared by int_type and bool_type (int.cc) -----------------------------------
//
// Each accepts int or bool operands (returning NotImplemented for anything
// else) and converts bools with int_from_bool_or_int before calling the
// int_* function of the same name.
Value int_slot_add(Value a, Value b);
Value int_slot_sub(Value a, Value b);
Value int_slot_mul(Value a, Value b);
Value int_slot_truediv(Value a, Value b);
Value int_slot_mod(Value a, Value b);
Value int_slot_lshift(Value a, Value b);
Value int_slot_rshift(Value a, Value b);
Value int_slot_or(Value a, Value b);
Value int_slot_xor(Value a, Value b);
Value int_slot_and(Value a, Value b);
Value int_slot_floordiv(Value a, Value b);
Value int_slot_divmod(Value a, Value b);
Value int_slot_power(Value a, Value b, Value mod);
Value int_slot_neg(Value a);
Value int_slot_pos(Value a);
Value int_slot_abs(Value a);
Value int_slot_invert(Value a);
int int_slot_truth(Value a);
Value int_slot_float(Value a);
Value int_slot_repr(Value a);
int64_t int_slot_hash(Value a);

/// int -> float conversion helpers shared by int.cc and int_arith.cc.
/// Returns the double nearest to the magnitude d[0..n) (round-half-even),
/// or sets *overflow (result then unspecified).
double mp_to_double(const mp::digit* d, size_t n, bool* overflow);

/// Floor division returning both parts without building a tuple (either
/// pointer may be null). Returns false with an exception set on failure.
bool int_divmod_parts(Value a, Value b, Value* q, Value* r);

/// Small-int fast path for results of 64-bit arithmetic.
inline Value int_from_i64_inline(int64_t i) {
  if (molt_fits_small_int(i)) return molt_from_small_int(i);
  return int_from_i64(i);
}

}  // namespace molt
