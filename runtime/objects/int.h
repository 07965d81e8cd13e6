// int.h — Python `int`: inline 48-bit ints plus heap bigints.
//
// An int value is either an inline small int (molt_is_small_int) or a
// pointer to an IntObject holding a bigint. Invariant: a value that fits in
// the inline range is ALWAYS stored inline, so heap ints are exactly those
// outside [MOLT_SMALL_INT_MIN, MOLT_SMALL_INT_MAX]. Every function here
// normalises its result accordingly.
//
// The functions below take int operands only (small or heap int, including
// instances of int subclasses, which share IntObject's layout; callers
// convert bool to a small int first with `int_from_bool_or_int`) and return
// owned references or MOLT_ERROR with an exception set, with CPython 3.12's
// semantics and messages. Results are always exact ints.
//
// Implementation map: int.cc (type, construction, comparison, hashing,
// float conversion), int_arith.cc (+ - * // % divmod / unary), int_pow.cc
// (** and pow), int_bits.cc (shifts, & | ^, bytes), int_text.cc (str/int
// text), and the digit-level algorithms in int_mp.cc, int_mul.cc
// (schoolbook/Karatsuba/Toom-3) and int_div.cc (algorithm D,
// Burnikel–Ziegler), declared in int_impl.h.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "core/object.h"

namespace molt {

extern Type int_type;

/// A heap bigint: sign-magnitude, base 2^32 digits, least significant first.
/// (CPython uses 30-bit digits; 32-bit ones make a 32x32->64 product the
/// inner step on every target, need no masking, and on 64-bit hosts pairs
/// of them are used directly as 64-bit limbs.) Exact ints are normalized:
/// the top digit is nonzero and the value is outside the inline range;
/// instances of int subclasses may hold any value.
struct IntObject {
  Object ob;
  int32_t size;  ///< number of digits, negated for negative values; never 0 for exact ints
  uint32_t digits[1];
};

/// True for an int value (small or heap), not bool.
inline bool is_int_exact(Value v) {
  return molt_is_small_int(v) || (molt_is_ptr(v) && as_object(v)->type == &int_type);
}
/// True for an int or bool value (anything whose type derives from int).
bool is_int_like(Value v);
/// bool -> small int 0/1; int -> itself (borrowed semantics: no refcount
/// change). Precondition: is_int_like(v).
Value int_from_bool_or_int(Value v);

// --- construction ----------------------------------------------------------------
/// The int equal to a C integer (inline when it fits).
Value int_from_i64(int64_t i);
Value int_from_u64(uint64_t u);
/// int(float): truncates toward zero. Raises OverflowError "cannot convert
/// float infinity to integer" / ValueError "cannot convert float NaN to integer".
Value int_from_double(double d);
/// Parses an integer literal as the compiler saw it: optional 0x/0o/0b
/// prefix (any case), digits, no sign; underscores are skipped. The
/// int_max_str_digits limit does not apply (the compiler checks decimal
/// literals against it when it compiles them, as CPython does).
Value int_from_literal(const char* s, size_t n);
/// int(s, base) for a str's UTF-8 text: whitespace, sign, underscores,
/// base 0 prefixes, CPython's ValueError message and 4300-digit limit.
/// Unicode whitespace and decimal digits (category Nd) are accepted as
/// CPython accepts them. base must be 0 or 2..36 (else ValueError
/// "int() base must be >= 2 and <= 36, or 0").
Value int_from_string(const char* s, size_t n, int base);

// --- inspection --------------------------------------------------------------------
/// -1, 0 or 1.
int int_sign(Value v);
/// Compares two ints: -1, 0, 1.
int int_compare(Value a, Value b);
/// Exact comparison of an int with a double (NaN compares unordered: returns
/// 2). Otherwise -1, 0, 1 as `a <=> d`.
int int_compare_double(Value a, double d);
/// True and sets *out if the value fits in int64_t.
bool int_to_i64(Value v, int64_t* out);
/// float(v), correctly rounded (round-half-even); OverflowError "int too
/// large to convert to float".
Value int_to_float(Value v);
/// As int_to_float but returns the double; sets *overflow instead of raising.
double int_to_double(Value v, bool* overflow);
/// hash(int) as CPython: value modulo 2^61 - 1, sign kept, -1 -> -2.
int64_t int_hash(Value v);
/// int.bit_length().
int64_t int_bit_length(Value v);
/// int.bit_count(): the number of ones in the binary representation of |v|.
int64_t int_bit_count(Value v);
/// The exact int equal to `v` (an int or int-subclass value): inline ints
/// and exact heap ints are returned with a new reference, subclass
/// instances are copied. This is int(v) / +v / operator.index(v) for ints.
Value int_exact(Value v);
/// The richcompare slot of int and bool: compares two int-like values,
/// NotImplemented for anything else.
Value int_richcompare(Value a, Value b, CompareOp op);

// --- arithmetic (operands are ints) --------------------------------------------------
/// a + b, a - b, a * b (multiplication is sub-quadratic: Karatsuba/Toom-3).
Value int_add(Value a, Value b);
Value int_sub(Value a, Value b);
Value int_mul(Value a, Value b);
/// a // b, floor division; ZeroDivisionError "integer division or modulo by zero".
Value int_floordiv(Value a, Value b);
/// a % b with the sign of b; ZeroDivisionError "integer modulo by zero".
Value int_mod(Value a, Value b);
/// divmod(a, b) as a 2-tuple.
Value int_divmod(Value a, Value b);
/// a / b, correctly rounded; ZeroDivisionError "division by zero";
/// OverflowError "integer division result too large for a float".
Value int_truediv(Value a, Value b);
/// a ** b (b >= 0 gives an int; b < 0 gives a float as CPython does).
/// With `mod` not None: pow(a, b, mod) including negative b (modular
/// inverse) and CPython's ValueError messages.
Value int_pow(Value a, Value b, Value mod);
/// -a, abs(a), ~a (== -a - 1).
Value int_neg(Value a);
Value int_abs(Value a);
Value int_invert(Value a);
/// a << b: ValueError "negative shift count"; MemoryError when the result
/// cannot be allocated (CPython's behaviour for huge counts).
Value int_lshift(Value a, Value b);
/// a >> b, rounding toward -infinity; ValueError "negative shift count".
Value int_rshift(Value a, Value b);
/// a & b, a | b, a ^ b with infinite two's complement semantics for
/// negative operands.
Value int_and(Value a, Value b);
Value int_or(Value a, Value b);
Value int_xor(Value a, Value b);

// --- bytes ------------------------------------------------------------------------
/// The core of int.to_bytes(length, byteorder, signed=...): writes `len`
/// bytes of v into out (little- or big-endian, two's complement if
/// is_signed). Returns false with OverflowError "int too big to convert" or
/// "can't convert negative int to unsigned" set.
bool int_to_bytes(Value v, uint8_t* out, size_t len, bool little_endian, bool is_signed);
/// The core of int.from_bytes(bytes, byteorder, signed=...).
Value int_from_bytes(const uint8_t* p, size_t len, bool little_endian, bool is_signed);

// --- text ------------------------------------------------------------------------
/// str(v) / repr(v): decimal; ValueError beyond sys.get_int_max_str_digits()
/// (4300 by default) for heap ints.
Value int_repr(Value v);
/// Text in base 2, 8, 10 or 16 with an optional prefix ("0b", "0o", "0x"),
/// as bin()/oct()/hex() print it. Returns an ASCII str. Base 10 is
/// int_repr (and subject to its limit); the other bases have no limit.
Value int_to_base_string(Value v, int base, bool with_prefix);

/// The int_max_str_digits limit (sys.set_int_max_str_digits); 0 = no limit.
extern int64_t g_int_max_str_digits;

}  // namespace molt
