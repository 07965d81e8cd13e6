// abstract.cc — the abstract object protocol: repr/str/truth/hash, binary
// and unary operators, rich comparison. Mirrors the dispatch rules of
// CPython's Objects/abstract.c and Objects/object.c.
#include "core/abstract.h"

#include <stdio.h>

#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

const char* type_name(Value v) { return type_of(v)->name; }

Value object_repr(Value v) {
  Type* t = type_of(v);
  if (t->repr == nullptr) return str_from_format("<%s object at %p>", t->name, molt_as_ptr(v));
  Value r = t->repr(v);
  if (molt_is_error(r)) return r;
  if (!is_str(r)) {
    const char* name = type_name(r);
    decref(r);
    return raise(ErrorId::ReprReturnedNonStr, name);
  }
  return r;
}

Value object_str(Value v) {
  if (is_str_exact(v)) return new_ref(v);
  Type* t = type_of(v);
  if (t->str == nullptr) return object_repr(v);
  Value r = t->str(v);
  if (molt_is_error(r)) return r;
  if (!is_str(r)) {
    const char* name = type_name(r);
    decref(r);
    return raise(ErrorId::StrReturnedNonStr, name);
  }
  return r;
}

int object_truth(Value v) {
  if (v == MOLT_TRUE) return 1;
  if (v == MOLT_FALSE || v == MOLT_NONE) return 0;
  if (molt_is_small_int(v)) return molt_as_small_int(v) != 0;
  if (molt_is_double(v)) return molt_as_double(v) != 0.0;
  Type* t = type_of(v);
  if (t->as_number && t->as_number->truth) return t->as_number->truth(v);
  if (t->as_mapping && t->as_mapping->length) {
    int64_t n = t->as_mapping->length(v);
    return n < 0 ? -1 : n > 0;
  }
  if (t->as_sequence && t->as_sequence->length) {
    int64_t n = t->as_sequence->length(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t object_hash(Value v) {
  Type* t = type_of(v);
  if (t->hash == nullptr) {
    raise(ErrorId::Unhashable, t->name);
    return -1;
  }
  return t->hash(v);
}

// --- binary operators -------------------------------------------------------------

namespace {

using NumberSlot = BinaryFunc NumberMethods::*;

NumberSlot slot_for(BinOp op) {
  switch (op) {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) \
  case BinOp::Name:                                              \
    return &NumberMethods::slot;
#include "core/binops.def"
#undef MOLT_BINOP
    case BinOp::Pow:
      break;
  }
  return nullptr;
}

const char* symbol_for(BinOp op) {
  switch (op) {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) \
  case BinOp::Name:                                              \
    return symbol;
#include "core/binops.def"
#undef MOLT_BINOP
    case BinOp::Pow:
      return "** or pow()";
  }
  return "?";
}

BinaryFunc get_slot(Type* t, NumberSlot slot) { return t->as_number ? t->as_number->*slot : nullptr; }

/// CPython's binary_op1: try the left operand's slot, or the right's first
/// when the right operand's type is a proper subclass of the left's.
Value binary_op1(Value v, Value w, NumberSlot slot) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  BinaryFunc slotv = get_slot(tv, slot);
  BinaryFunc slotw = nullptr;
  if (tw != tv) {
    slotw = get_slot(tw, slot);
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(tw, tv)) {
      Value x = slotw(v, w);
      if (!is_not_implemented(x)) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w);
    if (!is_not_implemented(x)) return x;
  }
  if (slotw) return slotw(v, w);
  return not_implemented();
}

Value binop_type_error(Value v, Value w, const char* symbol) {
  return raise(ErrorId::UnsupportedBinary, symbol, type_name(v), type_name(w));
}

/// Converts a repeat count to int64 as PyNumber_AsSsize_t(n, OverflowError).
Value sequence_repeat(Value (*repeat)(Value, int64_t), Value seq, Value n) {
  if (!is_int_like(n)) return raise(ErrorId::SeqMulNonInt, type_name(n));
  int64_t count = 0;
  if (!int_to_i64(int_from_bool_or_int(n), &count)) return raise(ErrorId::RepeatTooLarge);
  return repeat(seq, count);
}

}  // namespace

Value binary_op(BinOp op, Value a, Value b) {
  if (op == BinOp::Pow) return power(a, b, MOLT_NONE);
  Value r = binary_op1(a, b, slot_for(op));
  if (!is_not_implemented(r)) return r;
  if (op == BinOp::Add) {
    Type* ta = type_of(a);
    if (ta->as_sequence && ta->as_sequence->concat) return ta->as_sequence->concat(a, b);
  } else if (op == BinOp::Mult) {
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (ta->as_sequence && ta->as_sequence->repeat) return sequence_repeat(ta->as_sequence->repeat, a, b);
    if (tb->as_sequence && tb->as_sequence->repeat) return sequence_repeat(tb->as_sequence->repeat, b, a);
  }
  return binop_type_error(a, b, symbol_for(op));
}

Value inplace_op(BinOp op, Value a, Value b) {
  // No builtin type has in-place number slots yet, so the in-place protocol
  // reduces to the binary one with the augmented symbol in messages.
  if (op == BinOp::Pow) {
    Value r = power(a, b, MOLT_NONE);
    if (molt_is_error(r) && error_matches(&exc::TypeError) && !is_int_like(a) && type_of(a)->as_number == nullptr) {
      clear_error();
      return raise(ErrorId::UnsupportedBinary, "**=", type_name(a), type_name(b));
    }
    return r;
  }
  Value r = binary_op1(a, b, slot_for(op));
  if (!is_not_implemented(r)) return r;
  if (op == BinOp::Add) {
    Type* ta = type_of(a);
    if (ta->as_sequence && ta->as_sequence->concat) return ta->as_sequence->concat(a, b);
  } else if (op == BinOp::Mult) {
    Type* ta = type_of(a);
    Type* tb = type_of(b);
    if (ta->as_sequence && ta->as_sequence->repeat) return sequence_repeat(ta->as_sequence->repeat, a, b);
    if (tb->as_sequence && tb->as_sequence->repeat) return sequence_repeat(tb->as_sequence->repeat, b, a);
  }
  char symbol[8];
  snprintf(symbol, sizeof symbol, "%s=", symbol_for(op));
  return binop_type_error(a, b, symbol);
}

Value power(Value v, Value w, Value z) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  TernaryFunc slotv = tv->as_number ? tv->as_number->power : nullptr;
  TernaryFunc slotw = nullptr;
  if (tw != tv) {
    slotw = tw->as_number ? tw->as_number->power : nullptr;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && is_subtype(tw, tv)) {
      Value x = slotw(v, w, z);
      if (!is_not_implemented(x)) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w, z);
    if (!is_not_implemented(x)) return x;
  }
  if (slotw) {
    Value x = slotw(v, w, z);
    if (!is_not_implemented(x)) return x;
  }
  if (z != MOLT_NONE) {
    Type* tz = type_of(z);
    TernaryFunc slotz = tz->as_number ? tz->as_number->power : nullptr;
    if (slotz && slotz != slotv && slotz != slotw) {
      Value x = slotz(v, w, z);
      if (!is_not_implemented(x)) return x;
    }
    return raise_message(&exc::TypeError, "unsupported operand type(s) for ** or pow()");
  }
  return raise(ErrorId::UnsupportedPow, type_name(v), type_name(w));
}

namespace {

Value unary(Value v, UnaryFunc NumberMethods::*slot, const char* symbol) {
  Type* t = type_of(v);
  if (t->as_number && t->as_number->*slot) return (t->as_number->*slot)(v);
  return raise(ErrorId::BadUnaryOperand, symbol, t->name);
}

}  // namespace

Value unary_negative(Value v) { return unary(v, &NumberMethods::negative, "-"); }
Value unary_positive(Value v) { return unary(v, &NumberMethods::positive, "+"); }
Value unary_invert(Value v) { return unary(v, &NumberMethods::invert, "~"); }

// --- rich comparison ----------------------------------------------------------------

namespace {

constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                  CompareOp::Ne, CompareOp::Lt, CompareOp::Le};
constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace

Value rich_compare(Value v, Value w, CompareOp op) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  bool checked_reverse = false;
  if (tv != tw && is_subtype(tw, tv) && tw->richcompare) {
    checked_reverse = true;
    Value r = tw->richcompare(w, v, kSwapped[static_cast<int>(op)]);
    if (!is_not_implemented(r)) return r;
  }
  if (tv->richcompare) {
    Value r = tv->richcompare(v, w, op);
    if (!is_not_implemented(r)) return r;
  }
  if (!checked_reverse && tw->richcompare) {
    Value r = tw->richcompare(w, v, kSwapped[static_cast<int>(op)]);
    if (!is_not_implemented(r)) return r;
  }
  switch (op) {
    case CompareOp::Eq:
      return molt_from_bool(v == w);
    case CompareOp::Ne:
      return molt_from_bool(v != w);
    case CompareOp::Lt:
    case CompareOp::Le:
    case CompareOp::Gt:
    case CompareOp::Ge:
      break;
  }
  return raise(ErrorId::UnorderableTypes, kCompareSymbols[static_cast<int>(op)], tv->name, tw->name);
}

int rich_compare_bool(Value v, Value w, CompareOp op) {
  // Identity implies equality (CPython's PyObject_RichCompareBool shortcut).
  if (v == w && molt_is_ptr(v)) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  Value r = rich_compare(v, w, op);
  if (molt_is_error(r)) return -1;
  if (molt_is_bool(r)) return molt_as_bool(r);
  int t = object_truth(r);
  decref(r);
  return t;
}

}  // namespace molt

// --- containers: index, sequence and mapping protocol ------------------------------
// Appended with the container types (objects/list.cc, dict.cc, ...): their
// includes are kept here so the addition stays one block.
#include "core/iter.h"
#include "objects/container_util.h"

namespace molt {

bool has_index(Value v) {
  if (molt_is_small_int(v) || molt_is_bool(v)) return true;
  if (molt_is_double(v) || !molt_is_ptr(v)) return false;
  if (is_int_like(v)) return true;
  Type* t = type_of(v);
  return t->as_number != nullptr && t->as_number->index != nullptr;
}

Value number_index(Value v) {
  if (molt_is_small_int(v)) return v;
  if (molt_is_bool(v)) return molt_from_small_int(molt_as_bool(v));
  if (is_int_like(v)) return int_exact(v);
  Type* t = type_of(v);
  if (t->as_number == nullptr || t->as_number->index == nullptr) return raise(ErrorId::NotAnInteger, t->name);
  Value r = t->as_number->index(v);
  if (molt_is_error(r)) return r;
  if (is_int_exact(r)) return r;
  if (!is_int_like(r)) {
    const char* name = type_name(r);
    decref(r);
    return raise(ErrorId::IndexReturnedNonInt, name);
  }
  Value exact = int_exact(int_from_bool_or_int(r));
  decref(r);
  return exact;
}

bool number_as_ssize(Value v, Type* overflow, int64_t* out) {
  if (molt_is_small_int(v)) {
    *out = molt_as_small_int(v);
    return true;
  }
  Value i = number_index(v);
  if (molt_is_error(i)) return false;
  if (molt_is_small_int(i)) {
    *out = molt_as_small_int(i);
    return true;
  }
  bool fits = int_to_i64(i, out);
  int sign = int_sign(i);
  decref(i);
  if (fits) return true;
  if (overflow == nullptr) {
    *out = sign < 0 ? INT64_MIN : INT64_MAX;
    return true;
  }
  raise(overflow == &exc::IndexError ? ErrorId::IndexSizeIndexError : ErrorId::IndexSizeOverflow, type_name(v));
  return false;
}

int64_t object_length(Value v) {
  Type* t = type_of(v);
  if (t->as_sequence != nullptr && t->as_sequence->length != nullptr) return t->as_sequence->length(v);
  if (t->as_mapping != nullptr && t->as_mapping->length != nullptr) return t->as_mapping->length(v);
  raise(ErrorId::HasNoLen, t->name);
  return -1;
}

namespace {

/// The sequence fallback of PyObject_GetItem/SetItem/DelItem: converts an
/// index key and adjusts a negative index by len(o). Returns false with a
/// TypeError when the key is not an index.
bool sequence_index(Value o, Value key, int64_t* out) {
  if (!has_index(key)) {
    raise(ErrorId::SequenceIndexType, type_name(key));
    return false;
  }
  if (!number_as_ssize(key, &exc::IndexError, out)) return false;
  if (*out < 0) {
    const SequenceMethods* sq = type_of(o)->as_sequence;
    if (sq->length != nullptr) {
      int64_t n = sq->length(o);
      if (n < 0) return false;
      *out += n;
    }
  }
  return true;
}

}  // namespace

Value object_getitem(Value o, Value key) {
  Type* t = type_of(o);
  if (t->as_mapping != nullptr && t->as_mapping->subscript != nullptr) return t->as_mapping->subscript(o, key);
  if (t->as_sequence != nullptr && t->as_sequence->item != nullptr) {
    int64_t i = 0;
    if (!sequence_index(o, key, &i)) return MOLT_ERROR;
    return t->as_sequence->item(o, i);
  }
  return raise(ErrorId::NotSubscriptable, t->name);
}

int object_setitem(Value o, Value key, Value value) {
  Type* t = type_of(o);
  if (t->as_mapping != nullptr && t->as_mapping->ass_subscript != nullptr) {
    return t->as_mapping->ass_subscript(o, key, value);
  }
  raise(ErrorId::NoItemAssignment, t->name);
  return -1;
}

int object_delitem(Value o, Value key) {
  Type* t = type_of(o);
  if (t->as_mapping != nullptr && t->as_mapping->ass_subscript != nullptr) {
    return t->as_mapping->ass_subscript(o, key, MOLT_UNBOUND);
  }
  raise(ErrorId::NoItemDeletion, t->name);
  return -1;
}

int object_contains(Value container, Value item) {
  Type* t = type_of(container);
  if (t->as_sequence != nullptr && t->as_sequence->contains != nullptr) return t->as_sequence->contains(container, item);
  Value it = object_iter(container);
  if (molt_is_error(it)) {
    if (error_matches(&exc::TypeError)) {
      clear_error();
      raise(ErrorId::ArgumentNotIterable, t->name);
    }
    return -1;
  }
  int found = 0;
  for (;;) {
    Value x = iter_next(it);
    if (x == MOLT_UNBOUND) break;
    if (molt_is_error(x)) {
      found = -1;
      break;
    }
    int eq = items_equal(x, item);
    decref(x);
    if (eq != 0) {
      found = eq;
      break;
    }
  }
  decref(it);
  return found;
}

Value inplace_binary_op(BinOp op, Value a, Value b) {
  if (op == BinOp::Pow || op == BinOp::DivMod) return inplace_op(op, a, b);
  NumberSlot slot = slot_for(op);
  Type* ta = type_of(a);
  if (ta->as_number != nullptr) {
    BinaryFunc islot = nullptr;
    switch (op) {
#define MOLT_BINOP(Name, slot_name, symbol, dunder, rdunder, idunder) \
  case BinOp::Name:                                                   \
    islot = ta->as_number->inplace_##slot_name;                       \
    break;
#include "core/binops.def"
#undef MOLT_BINOP
      case BinOp::Pow:
        break;
    }
    if (islot != nullptr) {
      Value r = islot(a, b);
      if (!is_not_implemented(r)) return r;
    }
  }
  Value r = binary_op1(a, b, slot);
  if (!is_not_implemented(r)) return r;
  const SequenceMethods* sa = ta->as_sequence;
  if (op == BinOp::Add && sa != nullptr) {
    if (sa->inplace_concat != nullptr) return sa->inplace_concat(a, b);
    if (sa->concat != nullptr) return sa->concat(a, b);
  } else if (op == BinOp::Mult) {
    const SequenceMethods* sb = type_of(b)->as_sequence;
    if (sa != nullptr && sa->inplace_repeat != nullptr) return sequence_repeat(sa->inplace_repeat, a, b);
    if (sa != nullptr && sa->repeat != nullptr) return sequence_repeat(sa->repeat, a, b);
    if (sb != nullptr && sb->repeat != nullptr) return sequence_repeat(sb->repeat, b, a);
  }
  char symbol[8];
  snprintf(symbol, sizeof symbol, "%s=", symbol_for(op));
  return binop_type_error(a, b, symbol);
}

}  // namespace molt
