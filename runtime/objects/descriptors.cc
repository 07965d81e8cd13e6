// descriptors.cc — bound methods, staticmethod, classmethod, property and
// super.
#include "objects/descriptors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <initializer_list>

#include "core/abstract.h"
#include "core/args.h"
#include "core/attr.h"
#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/class.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/none.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

int64_t identity_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

bool name_is(Value name, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

// --- method -----------------------------------------------------------------------

void method_dealloc(Object* o) {
  MethodObject* m = reinterpret_cast<MethodObject*>(o);
  decref(m->func);
  decref(m->self);
  free_object(o);
}

void method_traverse(Object* o, VisitFn visit, void* arg) {
  MethodObject* m = reinterpret_cast<MethodObject*>(o);
  visit(m->func, arg);
  visit(m->self, arg);
}

void method_clear(Object* o) {
  MethodObject* m = reinterpret_cast<MethodObject*>(o);
  Value f = m->func, s = m->self;
  m->func = m->self = MOLT_NONE;
  decref(f);
  decref(s);
}

Value method_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  MethodObject* m = reinterpret_cast<MethodObject*>(as_object(callable));
  size_t nkw = kwnames == MOLT_NONE ? 0 : static_cast<size_t>(tuple_size(kwnames));
  size_t total = 1 + nargs + nkw;
  Value stack_buf[16];
  Value* buf = total <= 16 ? stack_buf : static_cast<Value*>(malloc(total * sizeof(Value)));
  if (buf == nullptr) return raise_no_memory();
  buf[0] = m->self;
  if (nargs + nkw) memcpy(buf + 1, args, (nargs + nkw) * sizeof(Value));
  Value r = call_object(m->func, buf, nargs + 1, kwnames);
  if (buf != stack_buf) free(buf);
  return r;
}

Value method_repr(Value v) {
  MethodObject* m = reinterpret_cast<MethodObject*>(as_object(v));
  Ref qualname(object_getattr(m->func, Ref(str_from_cstr("__qualname__")).get()));
  if (qualname.is_error()) {
    clear_error();
    qualname = Ref(str_from_cstr("?"));
  }
  Ref self_repr(object_repr(m->self));
  if (self_repr.is_error()) return MOLT_ERROR;
  size_t a = 0, b = 0;
  const char* q = str_utf8(qualname.get(), &a);
  const char* s = str_utf8(self_repr.get(), &b);
  if (q == nullptr || s == nullptr) return MOLT_ERROR;
  return str_from_format("<bound method %.*s of %.*s>", static_cast<int>(a), q, static_cast<int>(b), s);
}

Value method_getattr(Value v, Value name) {
  MethodObject* m = reinterpret_cast<MethodObject*>(as_object(v));
  if (name_is(name, "__func__")) return new_ref(m->func);
  if (name_is(name, "__self__")) return new_ref(m->self);
  if (name_is(name, "__class__")) return new_ref(type_value(&method_type));
  return object_getattr(m->func, name);  // __name__, __doc__, ... come from the function
}

Value method_richcompare(Value a, Value b, CompareOp op) {
  if (type_of(b) != &method_type || (op != CompareOp::Eq && op != CompareOp::Ne)) return not_implemented();
  MethodObject* x = reinterpret_cast<MethodObject*>(as_object(a));
  MethodObject* y = reinterpret_cast<MethodObject*>(as_object(b));
  bool eq = x->func == y->func && x->self == y->self;
  return molt_from_bool(op == CompareOp::Eq ? eq : !eq);
}

// --- staticmethod / classmethod -------------------------------------------------------

void wrapper_dealloc(Object* o) {
  decref(reinterpret_cast<WrapperObject*>(o)->func);
  free_object(o);
}

void wrapper_traverse(Object* o, VisitFn visit, void* arg) { visit(reinterpret_cast<WrapperObject*>(o)->func, arg); }

void wrapper_clear(Object* o) {
  WrapperObject* w = reinterpret_cast<WrapperObject*>(o);
  Value f = w->func;
  w->func = MOLT_NONE;
  decref(f);
}

Value wrapper_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, type->name);
  if (nargs != 1) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s expected 1 argument, got %zu", type->name, nargs);
    return raise_message(&exc::TypeError, msg);
  }
  Object* o = alloc_object(type, sizeof(WrapperObject));
  if (o == nullptr) return MOLT_ERROR;
  reinterpret_cast<WrapperObject*>(o)->func = new_ref(args[0]);
  return from_object(o);
}

Value staticmethod_get(Value descr, Value obj, Value type) {
  return new_ref(reinterpret_cast<WrapperObject*>(as_object(descr))->func);
}

Value staticmethod_call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  return call_object(reinterpret_cast<WrapperObject*>(as_object(callable))->func, args, nargs, kwnames);
}

Value classmethod_get(Value descr, Value obj, Value type) {
  Value cls = type != MOLT_UNBOUND ? type : type_value(type_of(obj));
  return method_new(reinterpret_cast<WrapperObject*>(as_object(descr))->func, cls);
}

Value wrapper_getattr(Value v, Value name) {
  if (name_is(name, "__func__")) return new_ref(reinterpret_cast<WrapperObject*>(as_object(v))->func);
  return object_getattr(reinterpret_cast<WrapperObject*>(as_object(v))->func, name);
}

// --- property ------------------------------------------------------------------------

void property_dealloc(Object* o) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(o);
  decref(p->fget);
  decref(p->fset);
  decref(p->fdel);
  decref(p->doc);
  free_object(o);
}

void property_traverse(Object* o, VisitFn visit, void* arg) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(o);
  visit(p->fget, arg);
  visit(p->fset, arg);
  visit(p->fdel, arg);
  visit(p->doc, arg);
}

void property_clear(Object* o) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(o);
  Value vs[] = {p->fget, p->fset, p->fdel, p->doc};
  p->fget = p->fset = p->fdel = p->doc = MOLT_NONE;
  for (Value v : vs) decref(v);
}

Value property_make(Value fget, Value fset, Value fdel, Value doc) {
  Object* o = alloc_object(&property_type, sizeof(PropertyObject));
  if (o == nullptr) return MOLT_ERROR;
  PropertyObject* p = reinterpret_cast<PropertyObject*>(o);
  p->fget = new_ref(fget);
  p->fset = new_ref(fset);
  p->fdel = new_ref(fdel);
  p->doc = new_ref(doc);
  return from_object(o);
}

Value property_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  Value slots[4] = {MOLT_NONE, MOLT_NONE, MOLT_NONE, MOLT_NONE};
  static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
  if (nargs > 4) {
    char msg[80];
    snprintf(msg, sizeof msg, "property() takes at most 4 arguments (%zu given)", nargs);
    return raise_message(&exc::TypeError, msg);
  }
  for (size_t i = 0; i < nargs; ++i) slots[i] = args[i];
  size_t nkw = keyword_count(kwnames);
  for (size_t k = 0; k < nkw; ++k) {
    bool found = false;
    for (int j = 0; j < 4; ++j) {
      if (keyword_is(kwnames, k, kNames[j])) {
        slots[j] = args[nargs + k];
        found = true;
      }
    }
    if (!found) {
      const char* kw = keyword_name(kwnames, k);
      return raise(ErrorId::InvalidKeywordFor, kw ? kw : "?", "property");
    }
  }
  return property_make(slots[0], slots[1], slots[2], slots[3]);
}

/// The attribute name for property error messages: the getter's __name__.
const char* property_name(PropertyObject* p, Ref& holder) {
  for (Value f : {p->fget, p->fset, p->fdel}) {
    if (f == MOLT_NONE) continue;
    holder = Ref(object_getattr(f, Ref(str_from_cstr("__name__")).get()));
    if (holder.is_error()) {
      clear_error();
      continue;
    }
    size_t n;
    const char* t = str_utf8(holder.get(), &n);
    if (t) return t;
    clear_error();
  }
  return "?";
}

Value property_get(Value descr, Value obj, Value type) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(as_object(descr));
  if (obj == MOLT_UNBOUND) return new_ref(descr);
  if (p->fget == MOLT_NONE) {
    Ref holder;
    const char* name = property_name(p, holder);
    char msg[256];
    snprintf(msg, sizeof msg, "property '%s' of '%s' object has no getter", name, type_of(obj)->name);
    return raise_message(&exc::AttributeError, msg);
  }
  return call_object(p->fget, &obj, 1, MOLT_NONE);
}

int property_set(Value descr, Value obj, Value value) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(as_object(descr));
  Value f = value == MOLT_UNBOUND ? p->fdel : p->fset;
  if (f == MOLT_NONE) {
    Ref holder;
    const char* name = property_name(p, holder);
    char msg[256];
    snprintf(msg, sizeof msg, "property '%s' of '%s' object has no %s", name, type_of(obj)->name,
             value == MOLT_UNBOUND ? "deleter" : "setter");
    raise_message(&exc::AttributeError, msg);
    return -1;
  }
  Value args[2] = {obj, value};
  Ref r(call_object(f, args, value == MOLT_UNBOUND ? 1 : 2, MOLT_NONE));
  return r.is_error() ? -1 : 0;
}

Value property_with(Value self, const Value* args, size_t nargs, int which) {
  if (nargs != 1) return raise_message(&exc::TypeError, "property method expects exactly one argument");
  PropertyObject* p = reinterpret_cast<PropertyObject*>(as_object(self));
  Value f[3] = {p->fget, p->fset, p->fdel};
  f[which] = args[0];
  return property_make(f[0], f[1], f[2], p->doc);
}
Value property_getter(Value self, const Value* args, size_t nargs, Value) { return property_with(self, args, nargs, 0); }
Value property_setter(Value self, const Value* args, size_t nargs, Value) { return property_with(self, args, nargs, 1); }
Value property_deleter(Value self, const Value* args, size_t nargs, Value) { return property_with(self, args, nargs, 2); }

const MethodDef kPropertyMethods[] = {
    {"getter", property_getter, kMethodPlain},
    {"setter", property_setter, kMethodPlain},
    {"deleter", property_deleter, kMethodPlain},
    {nullptr, nullptr, 0},
};

Value property_getattr(Value v, Value name) {
  PropertyObject* p = reinterpret_cast<PropertyObject*>(as_object(v));
  if (name_is(name, "fget")) return new_ref(p->fget);
  if (name_is(name, "fset")) return new_ref(p->fset);
  if (name_is(name, "fdel")) return new_ref(p->fdel);
  if (name_is(name, "__doc__")) return new_ref(p->doc);
  return generic_getattr(v, name);
}

// --- super ---------------------------------------------------------------------------

void super_dealloc(Object* o) {
  SuperObject* s = reinterpret_cast<SuperObject*>(o);
  decref(s->type);
  decref(s->obj);
  decref(s->obj_type);
  free_object(o);
}

void super_traverse(Object* o, VisitFn visit, void* arg) {
  SuperObject* s = reinterpret_cast<SuperObject*>(o);
  visit(s->type, arg);
  visit(s->obj, arg);
  visit(s->obj_type, arg);
}

void super_clear(Object* o) {
  SuperObject* s = reinterpret_cast<SuperObject*>(o);
  Value vs[] = {s->type, s->obj, s->obj_type};
  s->type = s->obj = s->obj_type = MOLT_NONE;
  for (Value v : vs) decref(v);
}

Value super_construct(Type*, const Value* args, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames) > 0) return raise(ErrorId::TakesNoKeywords, "super");
  if (nargs == 0) return raise_message(&exc::RuntimeError, "super(): no arguments");
  if (!is_type(args[0])) {
    char msg[120];
    snprintf(msg, sizeof msg, "super() argument 1 must be a type, not %s", type_of(args[0])->name);
    return raise_message(&exc::TypeError, msg);
  }
  Value obj = nargs >= 2 ? args[1] : MOLT_NONE;
  Type* start = as_type(args[0]);
  Value obj_type;
  if (is_type(obj) && is_subtype(as_type(obj), start)) {
    obj_type = obj;  // super(C, cls) in a classmethod
  } else if (is_subtype(type_of(obj), start)) {
    obj_type = type_value(type_of(obj));
  } else {
    return raise_message(&exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  }
  Object* o = alloc_object(&super_type, sizeof(SuperObject));
  if (o == nullptr) return MOLT_ERROR;
  SuperObject* s = reinterpret_cast<SuperObject*>(o);
  s->type = new_ref(args[0]);
  s->obj = new_ref(obj);
  s->obj_type = new_ref(obj_type);
  return from_object(o);
}

Value super_getattr(Value v, Value name) {
  SuperObject* s = reinterpret_cast<SuperObject*>(as_object(v));
  Type* ot = as_type(s->obj_type);
  if (!name_is(name, "__class__") && is_heap_type(ot)) {
    // Search the MRO of the object's type after the given class.
    TupleObject* mro = as_tuple(as_heap_type(ot)->mro);
    int64_t i = 0;
    while (i < mro->size && mro->items[i] != s->type) ++i;
    for (++i; i < mro->size; ++i) {
      Type* t = as_type(mro->items[i]);
      Value found;
      if (is_heap_type(t)) {
        found = dict_get_borrowed(as_heap_type(t)->dict, name);
        if (molt_is_error(found)) return found;
      } else {
        size_t n = 0;
        const char* text = str_utf8(name, &n);
        const MethodDef* def = text ? find_method_own(t, text, n) : nullptr;
        if (def != nullptr) {
          Value self = (def->flags & kMethodClass) ? s->obj_type : s->obj;
          return bound_builtin_method(self, def);
        }
        found = MOLT_UNBOUND;
      }
      if (found == MOLT_UNBOUND) continue;
      Type* dt = type_of(found);
      if (dt->descr_get == nullptr) return new_ref(found);
      // Bound to the object (or unbound when super was given a class).
      Value obj = s->obj == s->obj_type ? MOLT_UNBOUND : s->obj;
      return dt->descr_get(found, obj, s->obj_type);
    }
  }
  return generic_getattr(v, name);
}

}  // namespace

Value method_new(Value func, Value self) {
  Object* o = alloc_object(&method_type, sizeof(MethodObject));
  if (o == nullptr) return MOLT_ERROR;
  MethodObject* m = reinterpret_cast<MethodObject*>(o);
  m->func = new_ref(func);
  m->self = new_ref(self);
  return from_object(o);
}

Type method_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "method",
    .base = &object_type,
    .flags = kTypeIsGc,
    .basic_size = sizeof(MethodObject),
    .dealloc = method_dealloc,
    .repr = method_repr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = method_richcompare,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = method_call,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = nullptr,
    .methods = nullptr,
    .getattr = method_getattr,
    .setattr = nullptr,
    .traverse = method_traverse,
    .clear = method_clear,
};

#define MOLT_WRAPPER_TYPE(var, pyname, get, call_fn)  \
  Type var = {                                         \
      .ob = {kImmortalRefcount, &type_type},           \
      .name = pyname,                                  \
      .base = &object_type,                            \
      .flags = kTypeIsGc,                              \
      .basic_size = sizeof(WrapperObject),             \
      .dealloc = wrapper_dealloc,                      \
      .repr = nullptr,                                 \
      .str = nullptr,                                  \
      .hash = identity_hash,                           \
      .richcompare = nullptr,                          \
      .as_number = nullptr,                            \
      .as_sequence = nullptr,                          \
      .as_mapping = nullptr,                           \
      .call = call_fn,                                 \
      .iter = nullptr,                                 \
      .iternext = nullptr,                             \
      .construct = wrapper_construct,                  \
      .methods = nullptr,                              \
      .getattr = wrapper_getattr,                      \
      .setattr = nullptr,                              \
      .traverse = wrapper_traverse,                    \
      .clear = wrapper_clear,                          \
      .descr_get = get,                                \
  };
MOLT_WRAPPER_TYPE(staticmethod_type, "staticmethod", staticmethod_get, staticmethod_call)
MOLT_WRAPPER_TYPE(classmethod_type, "classmethod", classmethod_get, nullptr)
#undef MOLT_WRAPPER_TYPE

Type property_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "property",
    .base = &object_type,
    .flags = kTypeIsGc,
    .basic_size = sizeof(PropertyObject),
    .dealloc = property_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = property_construct,
    .methods = kPropertyMethods,
    .getattr = property_getattr,
    .setattr = nullptr,
    .traverse = property_traverse,
    .clear = property_clear,
    .descr_get = property_get,
    .descr_set = property_set,
};

Type super_type = {
    .ob = {kImmortalRefcount, &type_type},
    .name = "super",
    .base = &object_type,
    .flags = kTypeIsGc,
    .basic_size = sizeof(SuperObject),
    .dealloc = super_dealloc,
    .repr = nullptr,
    .str = nullptr,
    .hash = identity_hash,
    .richcompare = nullptr,
    .as_number = nullptr,
    .as_sequence = nullptr,
    .as_mapping = nullptr,
    .call = nullptr,
    .iter = nullptr,
    .iternext = nullptr,
    .construct = super_construct,
    .methods = nullptr,
    .getattr = super_getattr,
    .setattr = nullptr,
    .traverse = super_traverse,
    .clear = super_clear,
};

}  // namespace molt
