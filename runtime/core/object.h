// object.h — heap objects, type objects and reference counting.
//
// Every heap value starts with an Object header: a reference count and a
// pointer to its Type. A Type is itself a heap object (its header's type is
// `type_type`) holding slot function pointers in the style of CPython's
// tp_* slots, so the semantics of CPython's abstract operations (binary
// operator dispatch, rich comparison, truth testing) carry over directly.
//
// Ownership: a function returning a Value returns a *new* reference (owned
// by the caller) unless its name ends in `_borrowed`. Arguments are borrowed
// unless the parameter is named `stolen`/documented as stealing. In C++ code,
// `Ref` holds an owned reference and releases it on scope exit; plain
// `Value` parameters are borrowed.
//
// Immortal objects (type objects, interned constants) have a refcount so
// large that decrements never reach zero; increments and decrements still
// happen unconditionally, which keeps the fast paths branch-free.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "molt/value.h"

namespace molt {

using Value = MoltValue;

struct Type;

/// Header of every heap object.
struct Object {
  intptr_t refcount;
  Type* type;
};

/// Refcount given to statically allocated and interned objects.
constexpr intptr_t kImmortalRefcount = static_cast<intptr_t>(1) << (sizeof(intptr_t) * 8 - 3);

inline Object* as_object(Value v) { return static_cast<Object*>(molt_as_ptr(v)); }
inline Value from_object(const Object* o) { return molt_from_ptr(o); }

/// Frees an object whose refcount reached zero (runs its type's dealloc).
void dealloc_object(Object* o);

inline void incref(Value v) {
  if (molt_is_ptr(v)) ++as_object(v)->refcount;
}
inline void decref(Value v) {
  if (molt_is_ptr(v)) {
    Object* o = as_object(v);
    if (--o->refcount == 0) dealloc_object(o);
  }
}
inline void incref(Object* o) { ++o->refcount; }
inline void decref(Object* o) {
  if (--o->refcount == 0) dealloc_object(o);
}
/// Returns `v` after adding a reference (turns a borrowed value into an
/// owned one).
inline Value new_ref(Value v) {
  incref(v);
  return v;
}

/// An owned reference: releases its value when destroyed. Move-only.
class Ref {
 public:
  Ref() : v_(MOLT_NONE) {}
  /// Takes ownership of `owned` (which may be the error value).
  explicit Ref(Value owned) : v_(owned) {}
  /// Adds a reference to a borrowed value.
  static Ref borrow(Value v) { return Ref(new_ref(v)); }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  Ref(Ref&& other) : v_(other.v_) { other.v_ = MOLT_NONE; }
  Ref& operator=(Ref&& other) {
    if (this != &other) {
      decref(v_);
      v_ = other.v_;
      other.v_ = MOLT_NONE;
    }
    return *this;
  }
  ~Ref() { decref(v_); }

  Value get() const { return v_; }
  /// Gives up ownership to the caller.
  Value release() {
    Value v = v_;
    v_ = MOLT_NONE;
    return v;
  }
  bool is_error() const { return molt_is_error(v_); }

 private:
  Value v_;
};

// --- slots -------------------------------------------------------------------

/// Rich comparison operators, in CPython's Py_LT..Py_GE order.
enum class CompareOp : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };

using UnaryFunc = Value (*)(Value);
using BinaryFunc = Value (*)(Value, Value);
using TernaryFunc = Value (*)(Value, Value, Value);
using HashFunc = int64_t (*)(Value);        // -1 on error (a real -1 hash is mapped to -2)
using InquiryFunc = int (*)(Value);         // -1 on error
using LenFunc = int64_t (*)(Value);         // -1 on error
using RichCompareFunc = Value (*)(Value, Value, CompareOp);
/// Vectorcall-style entry: `args[0..nargs)` positional, followed by
/// len(kwnames) keyword values; kwnames is a tuple of str or None.
using CallFunc = Value (*)(Value callable, const Value* args, size_t nargs, Value kwnames);

/// Numeric protocol. Binary slots receive the operands in source order and
/// must check both types, returning NotImplemented when they do not apply
/// (CPython's nb_* convention).
struct NumberMethods {
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) BinaryFunc slot;
#include "core/binops.def"
#undef MOLT_BINOP
  TernaryFunc power;
  UnaryFunc negative;
  UnaryFunc positive;
  UnaryFunc absolute;
  UnaryFunc invert;
  InquiryFunc truth;
  UnaryFunc to_int;
  UnaryFunc to_float;
  UnaryFunc index;
  /// In-place forms (`a += b`: CPython's nb_inplace_*), one per binary
  /// slot, named inplace_<slot>; null falls back to the binary slot.
#define MOLT_BINOP(Name, slot, symbol, dunder, rdunder, idunder) BinaryFunc inplace_##slot;
#include "core/binops.def"
#undef MOLT_BINOP
};

/// Sequence protocol (used for str/list/tuple concatenation and repetition).
struct SequenceMethods {
  LenFunc length;
  BinaryFunc concat;
  Value (*repeat)(Value, int64_t);
  Value (*item)(Value, int64_t);
  int (*contains)(Value container, Value item);  // -1 on error
  /// `a += b` / `a *= n` for mutable sequences (sq_inplace_concat/repeat);
  /// null falls back to concat/repeat.
  BinaryFunc inplace_concat;
  Value (*inplace_repeat)(Value, int64_t);
};

/// Mapping protocol.
struct MappingMethods {
  LenFunc length;
  BinaryFunc subscript;
  int (*ass_subscript)(Value container, Value key, Value value);  // value = MOLT_UNBOUND deletes
};

/// A method of a builtin type (CPython's PyMethodDef). `impl` receives the
/// instance and vectorcall arguments. Method tables end with a null name.
struct MethodDef {
  const char* name;
  Value (*impl)(Value self, const Value* args, size_t nargs, Value kwnames);
  uint32_t flags;  ///< MethodFlags
};

enum MethodFlags : uint32_t {
  kMethodPlain = 0,
  /// impl ignores `self`; the method is a staticmethod of the type.
  kMethodStatic = 1u << 0,
  /// impl receives the type object (as a Value) as `self`.
  kMethodClass = 1u << 1,
};

/// Type flags.
enum TypeFlags : uint32_t {
  kTypeIsIntSubclass = 1u << 0,
  kTypeIsStrSubclass = 1u << 1,
  kTypeIsExceptionSubclass = 1u << 2,  // derives from BaseException
  kTypeIsTypeSubclass = 1u << 3,
  kTypeIsFloatSubclass = 1u << 4,
  kTypeIsTupleSubclass = 1u << 5,
  kTypeAcceptsSubclasses = 1u << 6,  // may be subclassed from Python code
  kTypeIsGc = 1u << 7,               // instances carry a GcHeader (core/gc.h); needs traverse and clear
  kTypeIsHeap = 1u << 8,             // a class defined in Python (objects/class.h: HeapType)
  kTypeHasFinalizer = 1u << 9,       // heap type defining __del__
};

/// Calls `visit(child, arg)` for each value an object references.
using VisitFn = void (*)(Value child, void* arg);

/// A type object. Builtin types are statically allocated and immortal.
struct Type {
  Object ob;
  const char* name;  ///< tp_name, e.g. "int", "ZeroDivisionError"
  Type* base;        ///< single base (tp_base); null for object
  uint32_t flags;
  size_t basic_size;
  void (*dealloc)(Object*);
  UnaryFunc repr;
  UnaryFunc str;
  HashFunc hash;
  RichCompareFunc richcompare;
  const NumberMethods* as_number;
  const SequenceMethods* as_sequence;
  const MappingMethods* as_mapping;
  CallFunc call;
  UnaryFunc iter;
  UnaryFunc iternext;  ///< returns MOLT_UNBOUND at exhaustion with no error set
  /// Calling the type object itself (`int(x)`): tp_new + tp_init in one,
  /// with vectorcall arguments.
  Value (*construct)(Type* type, const Value* args, size_t nargs, Value kwnames);
  /// Builtin methods, searched along the base chain by generic attribute
  /// lookup (null-terminated; may be null).
  const MethodDef* methods;
  /// Attribute lookup (tp_getattro) for `name` (a str); null means the
  /// generic lookup (core/attr.h). Raises AttributeError when missing.
  BinaryFunc getattr;
  /// Attribute assignment; `value` MOLT_UNBOUND deletes. 0 or -1.
  int (*setattr)(Value self, Value name, Value value);
  /// GC types: visit every referenced value (core/gc.h).
  void (*traverse)(Object* self, VisitFn visit, void* arg);
  /// GC types: drop references that may form cycles (leaving the object
  /// valid for its dealloc).
  void (*clear)(Object* self);
  /// Descriptor protocol (tp_descr_get/set): `obj` is MOLT_UNBOUND when the
  /// attribute is accessed on the class itself.
  Value (*descr_get)(Value descr, Value obj, Value type);
  /// `value` MOLT_UNBOUND deletes. 0 or -1.
  int (*descr_set)(Value descr, Value obj, Value value);
};

extern Type type_type;
extern Type object_type;

/// The type of any value (double -> float, inline int -> int, ...).
Type* type_of(Value v);
/// True if `t` is `base` or derives from it.
bool is_subtype(const Type* t, const Type* base);

// --- allocation ----------------------------------------------------------------

/// Allocates `size` bytes for an object of `type` with refcount 1. On
/// failure sets MemoryError and returns null.
Object* alloc_object(Type* type, size_t size);
/// Releases the memory of an object (called by dealloc slots).
void free_object(Object* o);

}  // namespace molt
