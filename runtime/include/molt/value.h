/* value.h — the NaN-boxed 64-bit value shared by the runtime and codegen.
 *
 * C-compatible on purpose: codegen mirrors these constants when it emits
 * inline fast paths, and the static_asserts below pin every mask so the two
 * sides cannot drift apart.
 *
 * Bit layout (most significant bit first):
 *
 *   63   62 ........ 52   51   50..48   47 ................................ 0
 *   sign exponent (11)    quiet tag(3)  payload (48)
 *
 * - Any value whose top 13 bits are not all ones is an IEEE-754 double,
 *   stored as itself. The negative quiet NaN 0xFFF8'0000'0000'0000 (tag 0)
 *   is also a double: x86 produces it for 0.0/0.0. Every other NaN is
 *   canonicalised to 0x7FF8'0000'0000'0000 or 0xFFF8'0000'0000'0000 before
 *   it is boxed, keeping its sign (Python can observe the sign of a NaN via
 *   math.copysign, never its payload).
 * - Top 13 bits all ones and tag != 0: a boxed non-double.
 *     tag 1  0xFFF9  int     payload = 48-bit two's complement integer
 *     tag 2  0xFFFA  bool    payload = 0 or 1
 *     tag 3  0xFFFB  None    payload = 0
 *     tag 4  0xFFFC  object  payload = pointer to a heap object (48 bits on
 *                            x86-64 user space, 32 bits on wasm32)
 *     tag 5  0xFFFD  special payload 0 = "unbound" (a local or global that
 *                            holds no value yet); never visible to Python
 *     tag 6  0xFFFE  reserved
 *     tag 7  0xFFFF  error   0xFFFF'0000'0000'0000 is the error value: a
 *                            call that raised returns it and leaves the
 *                            exception in the thread state.
 *
 * Ints outside the 48-bit range live on the heap as bigints; every
 * operation keeps the invariant that an int which fits is stored inline, so
 * two ints are equal iff their boxed bits are equal or both are heap bigints
 * with equal digits.
 */
#ifndef MOLT_VALUE_H
#define MOLT_VALUE_H

#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A Python value: a double, an inline immediate, or a tagged pointer. */
/* unsigned long long rather than uint64_t: a type distinct from size_t on
 * every target, so abi.cc can check signatures letter by letter. */
typedef unsigned long long MoltValue;

#define MOLT_TAG_SHIFT 48
#define MOLT_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull
#define MOLT_BOX_MASK 0xFFF8000000000000ull /* top 13 bits */

#define MOLT_TAG_INT 0xFFF9u
#define MOLT_TAG_BOOL 0xFFFAu
#define MOLT_TAG_NONE 0xFFFBu
#define MOLT_TAG_PTR 0xFFFCu
#define MOLT_TAG_SPECIAL 0xFFFDu
#define MOLT_TAG_ERROR 0xFFFFu

#define MOLT_NONE ((MoltValue)MOLT_TAG_NONE << MOLT_TAG_SHIFT)
#define MOLT_FALSE ((MoltValue)MOLT_TAG_BOOL << MOLT_TAG_SHIFT)
#define MOLT_TRUE (MOLT_FALSE | 1u)
#define MOLT_UNBOUND ((MoltValue)MOLT_TAG_SPECIAL << MOLT_TAG_SHIFT)
#define MOLT_ERROR ((MoltValue)MOLT_TAG_ERROR << MOLT_TAG_SHIFT)

/** Inline ints are 48-bit two's complement: [-2^47, 2^47 - 1]. */
#define MOLT_SMALL_INT_BITS 48
#define MOLT_SMALL_INT_MAX ((int64_t)0x00007FFFFFFFFFFFll)
#define MOLT_SMALL_INT_MIN (-MOLT_SMALL_INT_MAX - 1)

#define MOLT_CANONICAL_NAN 0x7FF8000000000000ull
#define MOLT_CANONICAL_NEG_NAN 0xFFF8000000000000ull

static inline uint32_t molt_tag(MoltValue v) { return (uint32_t)(v >> MOLT_TAG_SHIFT); }

static inline int molt_is_double(MoltValue v) {
  return (v & MOLT_BOX_MASK) != MOLT_BOX_MASK || v == MOLT_CANONICAL_NEG_NAN;
}
static inline int molt_is_small_int(MoltValue v) { return molt_tag(v) == MOLT_TAG_INT; }
static inline int molt_is_bool(MoltValue v) { return molt_tag(v) == MOLT_TAG_BOOL; }
static inline int molt_is_none(MoltValue v) { return v == MOLT_NONE; }
static inline int molt_is_ptr(MoltValue v) { return molt_tag(v) == MOLT_TAG_PTR; }
static inline int molt_is_error(MoltValue v) { return v == MOLT_ERROR; }
static inline int molt_is_unbound(MoltValue v) { return v == MOLT_UNBOUND; }

static inline double molt_as_double(MoltValue v) {
  double d;
  memcpy(&d, &v, sizeof d);
  return d;
}
static inline MoltValue molt_from_double(double d) {
  MoltValue v;
  memcpy(&v, &d, sizeof v);
  if (d != d) v = (v >> 63) ? MOLT_CANONICAL_NEG_NAN : MOLT_CANONICAL_NAN;
  return v;
}

static inline int64_t molt_as_small_int(MoltValue v) {
  /* Shift the payload to the top, then arithmetic-shift back to sign-extend. */
  return (int64_t)(v << 16) >> 16;
}
static inline int molt_fits_small_int(int64_t i) {
  return i >= MOLT_SMALL_INT_MIN && i <= MOLT_SMALL_INT_MAX;
}
/** Precondition: molt_fits_small_int(i). */
static inline MoltValue molt_from_small_int(int64_t i) {
  return ((MoltValue)MOLT_TAG_INT << MOLT_TAG_SHIFT) | ((uint64_t)i & MOLT_PAYLOAD_MASK);
}

static inline MoltValue molt_from_bool(int b) { return b ? MOLT_TRUE : MOLT_FALSE; }
static inline int molt_as_bool(MoltValue v) { return (int)(v & 1u); }

static inline void* molt_as_ptr(MoltValue v) { return (void*)(uintptr_t)(v & MOLT_PAYLOAD_MASK); }
static inline MoltValue molt_from_ptr(const void* p) {
  return ((MoltValue)MOLT_TAG_PTR << MOLT_TAG_SHIFT) | (MoltValue)(uintptr_t)p;
}

#ifdef __cplusplus
} /* extern "C" */

static_assert(sizeof(MoltValue) == 8, "a value is 64 bits");
static_assert(sizeof(double) == 8, "doubles are IEEE-754 binary64");
static_assert(MOLT_BOX_MASK == 0xFFF8000000000000ull, "box mask is sign+exponent+quiet bit");
static_assert((MOLT_NONE & MOLT_BOX_MASK) == MOLT_BOX_MASK, "None is boxed");
static_assert(MOLT_TRUE == 0xFFFA000000000001ull, "True layout");
static_assert(MOLT_FALSE == 0xFFFA000000000000ull, "False layout");
static_assert(MOLT_NONE == 0xFFFB000000000000ull, "None layout");
static_assert(MOLT_UNBOUND == 0xFFFD000000000000ull, "unbound layout");
static_assert(MOLT_ERROR == 0xFFFF000000000000ull, "error layout");
static_assert(MOLT_CANONICAL_NEG_NAN == MOLT_BOX_MASK, "tag 0 is the negative quiet NaN");
static_assert(((uint64_t)MOLT_TAG_INT << 48 & MOLT_BOX_MASK) == MOLT_BOX_MASK, "int tag in box space");
static_assert(MOLT_SMALL_INT_MAX == (1ll << 47) - 1, "inline ints hold 48 bits");
static_assert(sizeof(void*) <= 8, "pointers fit the payload");
#endif

#endif /* MOLT_VALUE_H */
