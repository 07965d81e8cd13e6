// attr.cc — attribute lookup through type slots and builtin method tables,
// bound builtin methods, and the method-call fast path.
#include "core/attr.h"

#include <stdio.h>
#include <string.h>

#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/function.h"
#include "objects/str.h"

namespace molt {

namespace {

void builtin_method_dealloc(Object* o) {
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(o);
  decref(m->self);
  free_object(o);
}

Value builtin_method_repr(Value v) {
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(as_object(v));
  return str_from_format("<built-in method %s of %s object at %p>", m->def->name, type_of(m->self)->name,
                         molt_as_ptr(m->self));
}

void builtin_method_traverse(Object* o, VisitFn visit, void* arg) {
  visit(reinterpret_cast<BuiltinMethodObject*>(o)->self, arg);
}

void builtin_method_clear(Object* o) {
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(o);
  Value s = m->self;
  m->self = MOLT_NONE;
  decref(s);
}

Value builtin_method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(as_object(callable));
  return m->def->impl(m->self, args, nargs, kwnames);
}

/// What a builtin method receives as `self`: the instance, or for a
/// classmethod the class (the value itself when it is a type object).
Value method_self(Value v, const MethodDef* def) {
  if ((def->flags & kMethodClass) == 0 || type_of(v) == &type_type) return v;
  return from_object(reinterpret_cast<Object*>(type_of(v)));
}

Value raise_no_attribute(Value v, Value name) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return MOLT_ERROR;
  if (type_of(v) == &type_type) {
    return raise(ErrorId::TypeHasNoAttribute, reinterpret_cast<Type*>(as_object(v))->name, text);
  }
  return raise(ErrorId::NoAttribute, type_of(v)->name, text);
}

}  // namespace

Type builtin_method_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "builtin_function_or_method",
    .base = &object_type,
    .flags = kTypeIsGc,
    .basic_size = sizeof(BuiltinMethodObject),
    .dealloc = builtin_method_dealloc,
    .repr = builtin_method_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = builtin_method_call,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = nullptr,
    .setattr = nullptr,
    .traverse = builtin_method_traverse,
    .clear = builtin_method_clear,
};

const MethodDef* find_method_own(const Type* t, const char* name, size_t len) {
  if (t->methods == nullptr) return nullptr;
  for (const MethodDef* m = t->methods; m->name != nullptr; ++m) {
    if (strlen(m->name) == len && memcmp(m->name, name, len) == 0) return m;
  }
  return nullptr;
}

Value bound_builtin_method(Value self, const MethodDef* def) {
  Object* o = alloc_object(&builtin_method_type, sizeof(BuiltinMethodObject));
  if (o == nullptr) return MOLT_ERROR;
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(o);
  m->self = new_ref(self);
  m->def = def;
  return from_object(o);
}

namespace {

struct MethodDescriptorObject {
  Object ob;
  Type* owner;
  const MethodDef* def;
};

Value method_descriptor_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodDescriptorObject* d = reinterpret_cast<MethodDescriptorObject*>(as_object(callable));
  if (d->def->flags & (kMethodStatic | kMethodClass)) {
    return d->def->impl(from_object(reinterpret_cast<Object*>(d->owner)), args, nargs, kwnames);
  }
  if (nargs == 0) {
    return raise_message(&exc::TypeError, "unbound method needs an argument");
  }
  if (!is_subtype(type_of(args[0]), d->owner)) {
    char msg[200];
    snprintf(msg, sizeof msg, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", d->def->name,
             d->owner->name, type_of(args[0])->name);
    return raise_message(&exc::TypeError, msg);
  }
  return d->def->impl(args[0], args + 1, nargs - 1, kwnames);
}

Value method_descriptor_repr(Value v) {
  MethodDescriptorObject* d = reinterpret_cast<MethodDescriptorObject*>(as_object(v));
  return str_from_format("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

Value method_descriptor_get(Value descr, Value obj, Value type) {
  MethodDescriptorObject* d = reinterpret_cast<MethodDescriptorObject*>(as_object(descr));
  if (obj == MOLT_UNBOUND) return new_ref(descr);
  return bound_builtin_method(obj, d->def);
}

}  // namespace

Type method_descriptor_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "method_descriptor",
    .base = &object_type,
    .flags = 0,
    .basic_size = sizeof(MethodDescriptorObject),
    .dealloc = nullptr,
    .repr = method_descriptor_repr,
    .str = nullptr,
    .hash = nullptr,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = method_descriptor_call,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = nullptr,
    .setattr = nullptr,
    .traverse = nullptr,
    .clear = nullptr,
    .descr_get = method_descriptor_get,
};

Value method_descriptor_new(Type* owner, const MethodDef* def) {
  Object* o = alloc_object(&method_descriptor_type, sizeof(MethodDescriptorObject));
  if (o == nullptr) return MOLT_ERROR;
  MethodDescriptorObject* d = reinterpret_cast<MethodDescriptorObject*>(o);
  d->owner = owner;
  d->def = def;
  return from_object(o);
}

const MethodDef* find_method(const Type* t, const char* name, size_t len) {
  for (; t != nullptr; t = t->base) {
    if (t->methods == nullptr) continue;
    for (const MethodDef* m = t->methods; m->name != nullptr; ++m) {
      if (strlen(m->name) == len && memcmp(m->name, name, len) == 0) return m;
    }
  }
  return nullptr;
}

Value generic_getattr(Value v, Value name) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return MOLT_ERROR;
  // Methods of a type object itself are looked up on the type it names
  // (static and class methods such as str.maketrans, int.from_bytes).
  const Type* t = type_of(v);
  const MethodDef* def = find_method(t, text, n);
  if (def == nullptr && t == &type_type) {
    def = find_method(reinterpret_cast<Type*>(as_object(v)), text, n);
    if (def != nullptr && (def->flags & (kMethodStatic | kMethodClass)) == 0) def = nullptr;
  }
  if (def == nullptr) return raise_no_attribute(v, name);
  Object* o = alloc_object(&builtin_method_type, sizeof(BuiltinMethodObject));
  if (o == nullptr) return MOLT_ERROR;
  BuiltinMethodObject* m = reinterpret_cast<BuiltinMethodObject*>(o);
  m->self = new_ref(method_self(v, def));
  m->def = def;
  return from_object(o);
}

Value object_getattr(Value v, Value name) {
  Type* t = type_of(v);
  if (t->getattr != nullptr) return t->getattr(v, name);
  return generic_getattr(v, name);
}

int object_setattr(Value v, Value name, Value value) {
  Type* t = type_of(v);
  if (t->setattr != nullptr) return t->setattr(v, name, value);
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  if (text == nullptr) return -1;
  if (find_method(t, text, n) != nullptr) {
    raise(ErrorId::AttributeReadOnly, t->name, text);
  } else {
    raise(ErrorId::NoAttribute, t->name, text);
  }
  return -1;
}

Value call_method(Value v, Value name, const Value* args, size_t nargs, Value kwnames) {
  Type* t = type_of(v);
  if (t->getattr == nullptr) {
    size_t n = 0;
    const char* text = str_utf8(name, &n);
    if (text == nullptr) return MOLT_ERROR;
    if (const MethodDef* def = find_method(t, text, n)) return def->impl(method_self(v, def), args, nargs, kwnames);
  }
  Ref bound(object_getattr(v, name));
  if (bound.is_error()) return MOLT_ERROR;
  return call_object(bound.get(), args, nargs, kwnames);
}

}  // namespace molt
