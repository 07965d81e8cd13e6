// object.cc — allocation, deallocation, `object` and `type`, type_of.
#include "core/object.h"

#include <stdlib.h>

#include "core/errors.h"
#include "core/gc.h"
#include "exc/exceptions.h"
#include "core/thread_state.h"
#include "objects/bool.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/none.h"
#include "objects/str.h"

namespace molt {

ThreadState g_thread_state;

Object* alloc_object(Type* type, size_t size) {
  if (is_gc_type(type)) return gc_alloc(type, size);
  Object* o = static_cast<Object*>(malloc(size));
  if (o == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  o->refcount = 1;
  o->type = type;
  return o;
}

void free_object(Object* o) {
  if (is_gc_type(o->type)) {
    gc_free(o);
  } else {
    free(o);
  }
}

void dealloc_object(Object* o) {
  Type* t = o->type;
  if (t->dealloc) {
    t->dealloc(o);
  } else {
    free_object(o);
  }
}

Type* type_of(Value v) {
  if (molt_is_ptr(v)) return as_object(v)->type;
  if (molt_is_double(v)) return &float_type;
  switch (molt_tag(v)) {
    case MOLT_TAG_INT:
      return &int_type;
    case MOLT_TAG_BOOL:
      return &bool_type;
    case MOLT_TAG_NONE:
      return &none_type;
    default:
      fatal("type_of: not a Python value: 0x%llx", static_cast<unsigned long long>(v));
  }
}

bool is_subtype(const Type* t, const Type* base) {
  for (; t != nullptr; t = t->base) {
    if (t == base) return true;
  }
  return false;
}

namespace {

Value object_repr(Value self) {
  Type* t = type_of(self);
  return str_from_format("<%s object at %p>", t->name, molt_as_ptr(self));
}

Value object_default_richcompare(Value a, Value b, CompareOp op) {
  // object.__eq__ is identity; everything else is NotImplemented.
  if (op == CompareOp::Eq) return a == b ? MOLT_TRUE : not_implemented();
  if (op == CompareOp::Ne) return a == b ? MOLT_FALSE : not_implemented();
  return not_implemented();
}

int64_t object_default_hash(Value self) {
  // CPython hashes the address rotated right by 4 bits.
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(self)));
  uint64_t h = (p >> 4) | (p << 60);
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

}  // namespace

Type object_type = {
    {kImmortalRefcount, &type_type},
    "object",
    nullptr,
    kTypeAcceptsSubclasses,
    sizeof(Object),
    nullptr,
    object_repr,
    nullptr,
    object_default_hash,
    object_default_richcompare,
};

namespace {

Value type_repr(Value self) {
  return str_from_format("<class '%s'>", reinterpret_cast<Type*>(as_object(self))->name);
}

/// type.__call__: constructs an instance of the called type.
Value type_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Type* t = reinterpret_cast<Type*>(as_object(self));
  if (t->construct == nullptr) return raise(ErrorId::CannotCreateInstances, t->name);
  return t->construct(t, args, nargs, kwnames);
}

/// type(x) gives x's type; type(name, bases, dict) creates a class (not yet).
Value type_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 1 && kwnames == MOLT_NONE) return new_ref(from_object(reinterpret_cast<Object*>(type_of(args[0]))));
  if (nargs == 3) return raise_message(&exc::NotImplementedError, "type(name, bases, dict) is not supported by Molt yet");
  return raise_message(&exc::TypeError, "type() takes 1 or 3 arguments");
}

}  // namespace

Type type_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "type",
    .base = &object_type,
    .flags = kTypeIsTypeSubclass,
    .basic_size = sizeof(Type),
    .dealloc = nullptr,
    .repr = type_repr,
    .str = nullptr,
    .hash = object_default_hash,
    .richcompare = object_default_richcompare,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = type_call,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = type_construct,
};

}  // namespace molt

