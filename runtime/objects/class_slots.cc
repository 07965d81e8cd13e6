// class_slots.cc — the type slots of classes defined in Python: each slot a
// class's dunder method fills is a wrapper that looks the method up on the
// type and calls it (CPython's slot_tp_* / slot_nb_* functions); the other
// slots are inherited from the base.
#include <stdio.h>
#include <string.h>

#include "core/abstract.h"
#include "core/attr.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/class.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

/// call_special with "missing method" mapped to NotImplemented.
Value call_or_not_implemented(Value self, const char* name, const Value* args, size_t nargs) {
  Value r = call_special(self, name, args, nargs);
  return r == MOLT_UNBOUND ? not_implemented() : r;
}

Value missing_method(Value self, const char* name) {
  char msg[200];
  snprintf(msg, sizeof msg, "'%s' object has no attribute '%s'", type_of(self)->name, name);
  return raise_message(&exc::AttributeError, msg);
}

Value call_required(Value self, const char* name, const Value* args, size_t nargs) {
  Value r = call_special(self, name, args, nargs);
  return r == MOLT_UNBOUND ? missing_method(self, name) : r;
}

Value slot_repr(Value self) {
  Value r = call_special(self, "__repr__", nullptr, 0);
  if (r != MOLT_UNBOUND) return r;
  return object_type.repr(self);
}

Value slot_str(Value self) {
  Value r = call_special(self, "__str__", nullptr, 0);
  if (r != MOLT_UNBOUND) return r;
  return object_repr(self);
}

int64_t slot_hash(Value self) {
  Ref r(call_required(self, "__hash__", nullptr, 0));
  if (r.is_error()) return -1;
  if (!is_int_like(r.get())) {
    raise_message(&exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // Like CPython: a big int result is reduced with int's own hash.
  int64_t h = int_hash(int_from_bool_or_int(r.get()));
  return h == -1 ? -2 : h;
}

const char* const kCompareDunders[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

Value slot_richcompare(Value self, Value other, CompareOp op) {
  const char* name = kCompareDunders[static_cast<int>(op)];
  Value r = call_special(self, name, &other, 1);
  if (r != MOLT_UNBOUND) return r;
  if (op == CompareOp::Ne) {
    // object.__ne__ inverts __eq__ unless that is NotImplemented.
    Value eq = call_special(self, "__eq__", &other, 1);
    if (eq == MOLT_UNBOUND) return object_type.richcompare(self, other, op);
    if (molt_is_error(eq) || is_not_implemented(eq)) return eq;
    int t = object_truth(eq);
    decref(eq);
    return t < 0 ? MOLT_ERROR : molt_from_bool(!t);
  }
  return object_type.richcompare(self, other, op);
}

Value slot_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value m = type_lookup_cstr(type_of(self), "__call__");
  if (molt_is_error(m)) return m;
  if (m == MOLT_UNBOUND) return raise(ErrorId::NotCallable, type_of(self)->name);
  Ref bound(type_of(m)->descr_get ? type_of(m)->descr_get(m, self, type_value(type_of(self))) : new_ref(m));
  if (bound.is_error()) return MOLT_ERROR;
  return call_object(bound.get(), args, nargs, kwnames);
}

Value slot_iter(Value self) { return call_required(self, "__iter__", nullptr, 0); }

Value slot_iternext(Value self) {
  // A StopIteration propagates as raised: next() and `yield from` need its
  // value; iter_next() treats it as exhaustion.
  return call_required(self, "__next__", nullptr, 0);
}

int64_t slot_len(Value self) {
  Ref r(call_required(self, "__len__", nullptr, 0));
  if (r.is_error()) return -1;
  if (!is_int_like(r.get())) {
    char msg[120];
    snprintf(msg, sizeof msg, "'%s' object cannot be interpreted as an integer", type_of(r.get())->name);
    raise_message(&exc::TypeError, msg);
    return -1;
  }
  int64_t n = 0;
  if (!int_to_i64(int_from_bool_or_int(r.get()), &n)) {
    raise_message(&exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise_message(&exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

int slot_bool(Value self) {
  Ref r(call_required(self, "__bool__", nullptr, 0));
  if (r.is_error()) return -1;
  if (!molt_is_bool(r.get())) {
    char msg[120];
    snprintf(msg, sizeof msg, "__bool__ should return bool, returned %s", type_of(r.get())->name);
    raise_message(&exc::TypeError, msg);
    return -1;
  }
  return molt_as_bool(r.get());
}

Value slot_getitem(Value self, Value key) { return call_required(self, "__getitem__", &key, 1); }

/// The old sequence protocol (iteration over __getitem__ with 0, 1, ...).
Value slot_sq_item(Value self, int64_t i) {
  Ref key(int_from_i64(i));
  if (key.is_error()) return MOLT_ERROR;
  Value k = key.get();
  return call_required(self, "__getitem__", &k, 1);
}

int slot_setitem(Value self, Value key, Value value) {
  Value args[2] = {key, value};
  Ref r(value == MOLT_UNBOUND ? call_required(self, "__delitem__", &key, 1) : call_required(self, "__setitem__", args, 2));
  return r.is_error() ? -1 : 0;
}

int slot_contains(Value self, Value item) {
  Ref r(call_required(self, "__contains__", &item, 1));
  if (r.is_error()) return -1;
  return object_truth(r.get());
}

/// The getattr a class gets when it defines neither __getattribute__ nor
/// __getattr__ (set up in install_slots).
Value default_getattr_for(Value self, Value name) {
  Type* t = type_of(self);
  // Walk to the first non-wrapper getattr among the bases.
  for (Type* b = t; b != nullptr; b = b->base) {
    if (!is_heap_type(b)) return b->getattr ? b->getattr(self, name) : generic_getattr_with_dict(self, name);
  }
  return generic_getattr_with_dict(self, name);
}

Value slot_getattr_hook(Value self, Value name) {
  Value getattribute = type_lookup_cstr(type_of(self), "__getattribute__");
  Value r = getattribute != MOLT_UNBOUND && !molt_is_error(getattribute)
                ? call_special(self, "__getattribute__", &name, 1)
                : default_getattr_for(self, name);
  if (!molt_is_error(r) || !error_matches(&exc::AttributeError)) return r;
  Value hook = type_lookup_cstr(type_of(self), "__getattr__");
  if (hook == MOLT_UNBOUND) return r;
  clear_error();
  return call_special(self, "__getattr__", &name, 1);
}

int slot_setattr_hook(Value self, Value name, Value value) {
  const char* dunder = value == MOLT_UNBOUND ? "__delattr__" : "__setattr__";
  Value m = type_lookup_cstr(type_of(self), dunder);
  if (m == MOLT_UNBOUND) {
    for (Type* b = type_of(self); b != nullptr; b = b->base) {
      if (!is_heap_type(b)) {
        return b->setattr ? b->setattr(self, name, value) : generic_setattr_with_dict(self, name, value);
      }
    }
  }
  Value args[2] = {name, value};
  Ref r(call_special(self, dunder, args, value == MOLT_UNBOUND ? 1 : 2));
  return r.is_error() ? -1 : 0;
}

Value slot_descr_get(Value descr, Value obj, Value type) {
  Value args[2] = {obj == MOLT_UNBOUND ? MOLT_NONE : obj, type};
  return call_required(descr, "__get__", args, 2);
}

int slot_descr_set(Value descr, Value obj, Value value) {
  Value args[2] = {obj, value};
  Ref r(value == MOLT_UNBOUND ? call_required(descr, "__delete__", &obj, 1) : call_required(descr, "__set__", args, 2));
  return r.is_error() ? -1 : 0;
}

// Binary operators: CPython's SLOT1BINFULL. `a op b` reaches this wrapper as
// the slot of a (left) and/or of b (right); the reflected method of the
// right operand goes first when its type is a subclass of the left's.
template <BinaryFunc NumberMethods::*Slot>
Value binop_wrapper(Value v, Value w, const char* dunder, const char* rdunder, BinaryFunc self_fn) {
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  bool v_is_ours = tv->as_number != nullptr && tv->as_number->*Slot == self_fn;
  bool do_other = tv != tw && tw->as_number != nullptr && tw->as_number->*Slot == self_fn;
  if (v_is_ours) {
    if (do_other && is_subtype(tw, tv)) {
      Value r = call_or_not_implemented(w, rdunder, &v, 1);
      if (!is_not_implemented(r)) return r;
      do_other = false;
    }
    Value r = call_or_not_implemented(v, dunder, &w, 1);
    if (!is_not_implemented(r) || tv == tw) return r;
  }
  if (do_other) return call_or_not_implemented(w, rdunder, &v, 1);
  return not_implemented();
}

#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder)                                   \
  Value slot_binop_##Name(Value v, Value w);                                                       \
  Value slot_binop_##Name(Value v, Value w) {                                                      \
    return binop_wrapper<&NumberMethods::slot>(v, w, dunder, rdunder, slot_binop_##Name);          \
  }                                                                                                \
  Value slot_inplace_##Name(Value v, Value w) { return call_or_not_implemented(v, idunder, &w, 1); }
#include "core/binops.def"
#undef MOLT_BINOP

Value slot_power(Value v, Value w, Value z) {
  if (z != MOLT_NONE) {
    // Three-argument pow only consults the left operand (as CPython).
    if (type_of(v)->as_number == nullptr || type_of(v)->as_number->power != slot_power) return not_implemented();
    Value args[2] = {w, z};
    return call_or_not_implemented(v, "__pow__", args, 2);
  }
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  bool v_is_ours = tv->as_number != nullptr && tv->as_number->power == slot_power;
  bool do_other = tv != tw && tw->as_number != nullptr && tw->as_number->power == slot_power;
  if (v_is_ours) {
    if (do_other && is_subtype(tw, tv)) {
      Value r = call_or_not_implemented(w, "__rpow__", &v, 1);
      if (!is_not_implemented(r)) return r;
      do_other = false;
    }
    Value r = call_or_not_implemented(v, "__pow__", &w, 1);
    if (!is_not_implemented(r) || tv == tw) return r;
  }
  if (do_other) return call_or_not_implemented(w, "__rpow__", &v, 1);
  return not_implemented();
}

Value slot_inplace_power(Value v, Value w) { return call_or_not_implemented(v, "__ipow__", &w, 1); }

Value slot_neg(Value v) { return call_required(v, "__neg__", nullptr, 0); }
Value slot_pos(Value v) { return call_required(v, "__pos__", nullptr, 0); }
Value slot_abs(Value v) { return call_required(v, "__abs__", nullptr, 0); }
Value slot_invert(Value v) { return call_required(v, "__invert__", nullptr, 0); }

Value checked_number(Value v, const char* dunder, bool (*ok)(Value), const char* what) {
  Value r = call_required(v, dunder, nullptr, 0);
  if (molt_is_error(r) || ok(r)) return r;
  char msg[160];
  snprintf(msg, sizeof msg, "%s returned non-%s (type %s)", dunder, what, type_of(r)->name);
  decref(r);
  return raise_message(&exc::TypeError, msg);
}

bool is_int_value(Value v) { return is_int_like(v); }
bool is_float_value(Value v) { return molt_is_double(v); }

Value slot_int(Value v) { return checked_number(v, "__int__", is_int_value, "int"); }
Value slot_float(Value v) { return checked_number(v, "__float__", is_float_value, "float"); }
Value slot_index(Value v) { return checked_number(v, "__index__", is_int_value, "int"); }

}  // namespace

void install_slots(HeapType* ht) {
  Type* t = &ht->type;
  Type* base = t->base;
  auto defined = [&](const char* name) {
    Value v = type_lookup_cstr(t, name);
    if (molt_is_error(v)) {
      clear_error();
      return false;
    }
    return v != MOLT_UNBOUND;
  };
  auto own = [&](const char* name) -> Value {
    Ref key(str_from_cstr(name));
    Value v = dict_get_borrowed(ht->dict, key.get());
    if (molt_is_error(v)) clear_error();
    return molt_is_error(v) ? MOLT_UNBOUND : v;
  };
  // Inherit everything, then override what the class's dunders define.
  t->repr = base->repr;
  t->str = base->str;
  t->hash = base->hash;
  t->richcompare = base->richcompare;
  t->call = base->call;
  t->iter = base->iter;
  t->iternext = base->iternext;
  t->descr_get = base->descr_get;
  t->descr_set = base->descr_set;
  ht->number = base->as_number ? *base->as_number : NumberMethods{};
  ht->sequence = base->as_sequence ? *base->as_sequence : SequenceMethods{};
  ht->mapping = base->as_mapping ? *base->as_mapping : MappingMethods{};
  t->as_number = &ht->number;
  t->as_sequence = &ht->sequence;
  t->as_mapping = &ht->mapping;

  if (defined("__repr__")) t->repr = slot_repr;
  if (defined("__str__")) t->str = slot_str;
  // __eq__ without __hash__ makes instances unhashable (CPython sets
  // __hash__ = None in the class dict).
  Value own_hash = own("__hash__");
  if (own_hash == MOLT_NONE) {
    t->hash = nullptr;
  } else if (own_hash == MOLT_UNBOUND && own("__eq__") != MOLT_UNBOUND) {
    t->hash = nullptr;
    Ref key(str_from_cstr("__hash__"));
    if (dict_setitem(ht->dict, key.get(), MOLT_NONE) < 0) clear_error();
  } else if (defined("__hash__")) {
    Value h = type_lookup_cstr(t, "__hash__");
    t->hash = h == MOLT_NONE ? nullptr : slot_hash;
  }
  for (const char* d : kCompareDunders) {
    if (defined(d)) t->richcompare = slot_richcompare;
  }
  if (defined("__call__")) t->call = slot_call;
  if (defined("__iter__")) t->iter = slot_iter;
  if (defined("__next__")) t->iternext = slot_iternext;
  if (defined("__get__")) t->descr_get = slot_descr_get;
  if (defined("__set__") || defined("__delete__")) t->descr_set = slot_descr_set;
  if (defined("__len__")) ht->sequence.length = ht->mapping.length = slot_len;
  if (defined("__getitem__")) {
    ht->mapping.subscript = slot_getitem;
    ht->sequence.item = slot_sq_item;
  }
  if (defined("__setitem__") || defined("__delitem__")) ht->mapping.ass_subscript = slot_setitem;
  if (defined("__contains__")) ht->sequence.contains = slot_contains;
  if (defined("__bool__")) ht->number.truth = slot_bool;
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder)                     \
  if (defined(dunder) || defined(rdunder)) ht->number.slot = slot_binop_##Name;      \
  if (idunder[0] != '\0' && defined(idunder)) ht->number.inplace_##slot = slot_inplace_##Name;
#include "core/binops.def"
#undef MOLT_BINOP
  if (defined("__pow__") || defined("__rpow__")) ht->number.power = slot_power;
  if (defined("__neg__")) ht->number.negative = slot_neg;
  if (defined("__pos__")) ht->number.positive = slot_pos;
  if (defined("__abs__")) ht->number.absolute = slot_abs;
  if (defined("__invert__")) ht->number.invert = slot_invert;
  if (defined("__int__")) ht->number.to_int = slot_int;
  if (defined("__float__")) ht->number.to_float = slot_float;
  if (defined("__index__")) ht->number.index = slot_index;
  // Attribute access: hooks when the class defines them, else the base's
  // lookup extended with the instance dict.
  if (defined("__getattribute__") || defined("__getattr__")) {
    t->getattr = slot_getattr_hook;
  } else {
    t->getattr = default_getattr_for;
  }
  t->setattr = slot_setattr_hook;
  (void)slot_inplace_power;
}

}  // namespace molt
