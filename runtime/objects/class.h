// class.h — classes defined in Python (heap types) and their instances.
//
// A `class` statement produces a HeapType: a Type whose slots are filled
// from the dunder methods its namespace (and its bases) define, plus the
// Python-visible parts of a class: __name__, __qualname__, __bases__,
// __mro__ (C3 linearisation) and the namespace dict. Instances carry an
// attribute dict at `dict_offset`, after the layout of the nearest builtin
// ("solid") base, so subclasses of object, Exception and other fixed-layout
// builtins share one mechanism.
//
// Attribute lookup follows CPython's PyObject_GenericGetAttr: data
// descriptors on the type, then the instance dict, then non-data
// descriptors (functions become bound methods) and plain class attributes,
// then __getattr__.
#pragma once

#include <stddef.h>

#include "core/object.h"

namespace molt {

/// A class created at run time. `type` must stay the first member.
struct HeapType {
  Type type;
  Value name;      ///< __name__ (str)
  Value qualname;  ///< __qualname__ (str)
  Value module;    ///< __module__ (str)
  Value bases;     ///< __bases__ (tuple of types)
  Value mro;       ///< __mro__ (tuple of types, starting with this one)
  Value dict;      ///< the class namespace (dict)
  size_t dict_offset;  ///< where instances keep their __dict__ (0 if none)
  NumberMethods number;
  SequenceMethods sequence;
  MappingMethods mapping;
  char* name_utf8;  ///< owned copy backing type.name
};

inline bool is_heap_type(const Type* t) { return (t->flags & kTypeIsHeap) != 0; }
inline HeapType* as_heap_type(Type* t) { return reinterpret_cast<HeapType*>(t); }
inline Type* as_type(Value v) { return reinterpret_cast<Type*>(as_object(v)); }
inline Value type_value(const Type* t) { return from_object(reinterpret_cast<const Object*>(t)); }
/// True if v is a type object (builtin or heap).
bool is_type(Value v);

/// Creates a class: `name` and `qualname` are strs, `bases` a tuple (empty
/// means (object,)), `ns` the namespace dict filled by the class body, `cell`
/// the body's __class__ cell or None. Runs __set_name__ and
/// __init_subclass__. Returns the new class or MOLT_ERROR.
Value build_class(Value name, Value qualname, Value bases, Value ns, Value cell);

/// Looks `name` up along the MRO of `t` without invoking descriptors: the
/// class dicts of heap types, and the builtin method tables. Borrowed
/// result, MOLT_UNBOUND when absent, MOLT_ERROR on error (only from a
/// failing name hash).
Value type_lookup(Type* t, Value name);
/// The same for a C string name (dunder lookups).
Value type_lookup_cstr(Type* t, const char* name);

/// The instance __dict__ of `obj` (borrowed), creating it if needed; null if
/// the object has none.
Value* instance_dict_slot(Value obj);

/// PyObject_GenericGetAttr / SetAttr for instances of heap types (and the
/// base for type objects' own lookup).
Value generic_getattr_with_dict(Value obj, Value name);
int generic_setattr_with_dict(Value obj, Value name, Value value);
/// Attribute lookup on a type object (class attributes, __name__, ...).
Value type_getattr(Value type, Value name);
int type_setattr(Value type, Value name, Value value);

/// Calls the special method `name` looked up on type(self) (as CPython's
/// lookup_maybe_method + call): MOLT_UNBOUND (no error) if the type has no
/// such method.
Value call_special(Value self, const char* name, const Value* args, size_t nargs);

/// object.__new__(t): an instance of class `t` (BaseException subclasses get
/// `args` as their args tuple).
Value allocate_instance(Type* t, const Value* args, size_t nargs);

/// Installs the slot functions of a heap type from its namespace and bases
/// (class_slots.cc).
void install_slots(HeapType* ht);

/// type_type's slots for heap types: deallocation and the collector hooks.
void heap_type_dealloc_entry(Object* o);
void heap_type_traverse(Object* o, VisitFn visit, void* arg);
void heap_type_clear(Object* o);

}  // namespace molt
