// bool.cc — the `bool` type: a subclass of int whose two values are the
// inline MOLT_TRUE / MOLT_FALSE. Only repr and the bitwise operators differ
// from int (True & False is a bool, True + True is the int 2); every other
// slot is int's, which converts bool operands to 0/1.
#include "objects/bool.h"

#include "core/abstract.h"
#include "core/args.h"
#include "core/errors.h"

#include "objects/int_impl.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

namespace {

Value bool_repr(Value v) {
  // Values of type bool are always the inline constants.
  return molt_as_bool(v) ? str_from_ascii("True", 4) : str_from_ascii("False", 5);
}

// bool.__and__/__or__/__xor__: a bool when both operands are bools,
// otherwise int's operator.
Value bool_and(Value a, Value b) {
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_from_bool(molt_as_bool(a) & molt_as_bool(b));
  return int_slot_and(a, b);
}
Value bool_or(Value a, Value b) {
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_from_bool(molt_as_bool(a) | molt_as_bool(b));
  return int_slot_or(a, b);
}
Value bool_xor(Value a, Value b) {
  if (molt_is_bool(a) && molt_is_bool(b)) return molt_from_bool(molt_as_bool(a) ^ molt_as_bool(b));
  return int_slot_xor(a, b);
}

const NumberMethods bool_as_number = {
    .add = int_slot_add,
    .subtract = int_slot_sub,
    .multiply = int_slot_mul,
    .matrix_multiply = nullptr,
    .true_divide = int_slot_truediv,
    .remainder = int_slot_mod,
    .lshift = int_slot_lshift,
    .rshift = int_slot_rshift,
    .or_ = bool_or,
    .xor_ = bool_xor,
    .and_ = bool_and,
    .floor_divide = int_slot_floordiv,
    .divmod = int_slot_divmod,
    .power = int_slot_power,
    .negative = int_slot_neg,
    .positive = int_slot_pos,
    .absolute = int_slot_abs,
    .invert = int_slot_invert,
    .truth = int_slot_truth,
    .to_int = int_slot_pos,
    .to_float = int_slot_float,
    .index = int_slot_pos,
};

/// bool(x=False).
Value bool_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, "bool");
  if (nargs > 1) return raise(ErrorId::ExpectedAtMostArgs, "bool", 1, "", nargs);
  if (nargs == 0) return MOLT_FALSE;
  int t = object_truth(args[0]);
  return t < 0 ? MOLT_ERROR : molt_from_bool(t);
}

}  // namespace

Type bool_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "bool",
    .base = &int_type,
    .flags = kTypeIsIntSubclass,
    .basic_size = sizeof(Object),
    .dealloc = nullptr,
    .repr = bool_repr,
    .str = bool_repr,
    .hash = int_slot_hash,
    .richcompare = int_richcompare,
    .as_number = &bool_as_number,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = bool_construct,
};

}  // namespace molt
