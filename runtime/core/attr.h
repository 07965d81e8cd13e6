// attr.h — attribute lookup and method calls (CPython's
// PyObject_GetAttr, PyObject_SetAttr, and the LOAD_METHOD/CALL fast path).
#pragma once

#include "core/object.h"

namespace molt {

/// getattr(v, name); `name` is a str. Raises AttributeError with CPython's
/// message ("'int' object has no attribute 'x'") when missing.
Value object_getattr(Value v, Value name);
/// setattr(v, name, value); value MOLT_UNBOUND deletes. 0 or -1.
int object_setattr(Value v, Value name, Value value);
/// The generic lookup for builtin types: the MethodDef tables along the
/// base chain, producing a bound builtin method.
Value generic_getattr(Value v, Value name);
/// Finds `name` in the method tables of `t` and its bases; null if absent.
const MethodDef* find_method(const Type* t, const char* name, size_t len);
/// The same in `t`'s own table only.
const MethodDef* find_method_own(const Type* t, const char* name, size_t len);
/// A builtin method bound to `self` (which is the class for classmethods).
Value bound_builtin_method(Value self, const MethodDef* def);
/// An unbound builtin method (`str.upper`): calling it passes the first
/// argument as self.
Value method_descriptor_new(Type* owner, const MethodDef* def);

extern Type method_descriptor_type;

/// v.name(*args) without creating a bound method when the attribute is a
/// builtin method: args are vectorcall-style, as in call_object.
Value call_method(Value v, Value name, const Value* args, size_t nargs, Value kwnames);

extern Type builtin_method_type;

/// A builtin method bound to an instance (`"a".upper`).
struct BuiltinMethodObject {
  Object ob;
  Value self;
  const MethodDef* def;
};

}  // namespace molt
