// object.cc — allocation, deallocation, `object` and `type`, type_of.
#include "core/object.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/errors.h"
#include "core/gc.h"
#include "objects/class.h"
#include "objects/tuple.h"
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
  // Classes defined in Python may have several bases: search their MRO.
  if ((t->flags & kTypeIsHeap) != 0) {
    Value mro = reinterpret_cast<const HeapType*>(t)->mro;
    if (molt_is_ptr(mro)) {
      TupleObject* m = as_tuple(mro);
      for (int64_t i = 0; i < m->size; ++i) {
        if (as_object(m->items[i]) == reinterpret_cast<const Object*>(base)) return true;
      }
      return false;
    }
  }
  for (; t != nullptr; t = t->base) {
    if (t == base) return true;
  }
  return false;
}

namespace {

Value qualified_name(Type* t);

Value object_repr(Value self) {
  Ref name(qualified_name(type_of(self)));
  if (name.is_error()) return MOLT_ERROR;
  size_t n = 0;
  const char* text = str_utf8(name.get(), &n);
  if (text == nullptr) return MOLT_ERROR;
  return str_from_format("<%.*s object at %p>", static_cast<int>(n), text, molt_as_ptr(self));
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

/// object.__init__: no arguments beyond the instance, unless the class
/// overrides __new__ but not __init__ (CPython's excess-args rule).
Value object_init_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames == MOLT_NONE ? 0 : static_cast<size_t>(tuple_size(kwnames));
  if (nargs + nkw > 0) {
    return raise_message(&exc::TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
  }
  return MOLT_NONE;
}

/// object.__new__(cls): a fresh instance of cls.
Value object_new_method(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 0) return raise_message(&exc::TypeError, "object.__new__(): not enough arguments");
  Value cls = args[0];
  if (!molt_is_ptr(cls) || type_of(cls) != &type_type) {
    char msg[160];
    snprintf(msg, sizeof msg, "object.__new__(X): X is not a type object (%s)", type_of(cls)->name);
    return raise_message(&exc::TypeError, msg);
  }
  Type* t = reinterpret_cast<Type*>(as_object(cls));
  if ((t->flags & kTypeIsHeap) == 0) {
    char msg[160];
    snprintf(msg, sizeof msg, "object.__new__(%s) is not safe, use %s.__new__()", t->name, t->name);
    return raise_message(&exc::TypeError, msg);
  }
  return allocate_instance(t, args + 1, nargs - 1);
}

/// object(): a plain featureless instance.
Value object_construct(Type*, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0 || (kwnames != MOLT_NONE && tuple_size(kwnames) > 0)) {
    return raise_message(&exc::TypeError, "object() takes no arguments");
  }
  Object* o = alloc_object(&object_type, sizeof(Object));
  return o == nullptr ? MOLT_ERROR : from_object(o);
}

/// object.__init_subclass__: does nothing.
Value object_init_subclass(Value, const Value*, size_t, Value) { return MOLT_NONE; }

const MethodDef kObjectMethods[] = {
    {"__init__", object_init_method, kMethodPlain},
    {"__new__", object_new_method, kMethodStatic},
    {"__init_subclass__", object_init_subclass, kMethodClass},
    {nullptr, nullptr, 0},
};

Type object_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "object",
    .base = nullptr,
    .flags = kTypeAcceptsSubclasses,
    .basic_size = sizeof(Object),
    .dealloc = nullptr,
    .repr = object_repr,
    .str = nullptr,
    .hash = object_default_hash,
    .richcompare = object_default_richcompare,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = object_construct,
    .methods = kObjectMethods,
};

namespace {

/// "module.qualname" for classes (without "builtins."), the plain name for
/// builtin types.
Value qualified_name(Type* t) {
  if ((t->flags & kTypeIsHeap) == 0) return str_from_cstr(t->name);
  HeapType* ht = reinterpret_cast<HeapType*>(t);
  size_t mn = 0, qn = 0;
  const char* module = str_utf8(ht->module, &mn);
  const char* qualname = str_utf8(ht->qualname, &qn);
  if (module == nullptr || qualname == nullptr) return MOLT_ERROR;
  if (strcmp(module, "builtins") == 0) return new_ref(ht->qualname);
  return str_from_format("%.*s.%.*s", static_cast<int>(mn), module, static_cast<int>(qn), qualname);
}

Value type_repr(Value self) {
  Ref name(qualified_name(reinterpret_cast<Type*>(as_object(self))));
  if (name.is_error()) return MOLT_ERROR;
  size_t n = 0;
  const char* text = str_utf8(name.get(), &n);
  if (text == nullptr) return MOLT_ERROR;
  return str_from_format("<class '%.*s'>", static_cast<int>(n), text);
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
    .flags = kTypeIsTypeSubclass | kTypeIsGc,  // heap types are collected; builtin ones are immortal
    .basic_size = sizeof(Type),
    .dealloc = heap_type_dealloc_entry,
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
    .methods = nullptr,
    .getattr = type_getattr,
    .setattr = type_setattr,
    .traverse = heap_type_traverse,
    .clear = heap_type_clear,
};

}  // namespace molt

