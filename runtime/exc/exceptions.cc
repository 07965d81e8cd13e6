// exceptions.cc — the exception type objects and BaseException behaviour.
#include "exc/exceptions.h"

#include "core/abstract.h"
#include "core/errors.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

void exception_dealloc(Object* o) {
  ExceptionObject* e = reinterpret_cast<ExceptionObject*>(o);
  decref(e->args);
  decref(e->traceback);
  decref(e->cause);
  decref(e->context);
  decref(e->notes);
  free_object(o);
}

}  // namespace

Value exception_str(Value self) {
  ExceptionObject* e = as_exception(self);
  // The static MemoryError has no args tuple (it must exist without allocating).
  int64_t n = is_tuple(e->args) ? tuple_size(e->args) : 0;
  if (n == 0) return str_from_ascii("", 0);
  if (n == 1) return object_str(tuple_item_borrowed(e->args, 0));
  return object_str(e->args);
}

Value exception_repr(Value self) {
  ExceptionObject* e = as_exception(self);
  const char* name = type_of(self)->name;
  if (!is_tuple(e->args)) return str_from_format("%s()", name);
  int64_t n = tuple_size(e->args);
  if (n == 1) {
    // BaseException.__repr__: Name(repr(arg)) for one argument.
    Ref inner(object_repr(tuple_item_borrowed(e->args, 0)));
    if (inner.is_error()) return MOLT_ERROR;
    size_t len = 0;
    const char* text = str_utf8(inner.get(), &len);
    if (text == nullptr) return MOLT_ERROR;
    return str_from_format("%s(%.*s)", name, static_cast<int>(len), text);
  }
  // Name() or Name(a, b): the tuple repr supplies the parentheses.
  Ref inner(object_repr(e->args));
  if (inner.is_error()) return MOLT_ERROR;
  size_t len = 0;
  const char* text = str_utf8(inner.get(), &len);
  if (text == nullptr) return MOLT_ERROR;
  return str_from_format("%s%.*s", name, static_cast<int>(len), text);
}

namespace exc {
// Each exception type: same slots, its own name and base.
#define MOLT_EXC_TYPE(name, base_ptr)                                                              \
  Type name = {                                                                                    \
      {kImmortalRefcount, &type_type},                                                             \
      #name,                                                                                       \
      base_ptr,                                                                                    \
      kTypeIsExceptionSubclass | kTypeAcceptsSubclasses,                                           \
      sizeof(ExceptionObject),                                                                     \
      exception_dealloc,                                                                           \
      exception_repr,                                                                              \
      exception_str,                                                                               \
  };
#define MOLT_EXC(name, base) MOLT_EXC_TYPE(name, MOLT_EXC_BASE_##base)
#define MOLT_EXC_BASE_object (&object_type)
#define MOLT_EXC_BASE_BaseException (&BaseException)
#define MOLT_EXC_BASE_BaseExceptionGroup (&BaseExceptionGroup)
#define MOLT_EXC_BASE_Exception (&Exception)
#define MOLT_EXC_BASE_ArithmeticError (&ArithmeticError)
#define MOLT_EXC_BASE_ImportError (&ImportError)
#define MOLT_EXC_BASE_LookupError (&LookupError)
#define MOLT_EXC_BASE_NameError (&NameError)
#define MOLT_EXC_BASE_OSError (&OSError)
#define MOLT_EXC_BASE_ConnectionError (&ConnectionError)
#define MOLT_EXC_BASE_RuntimeError (&RuntimeError)
#define MOLT_EXC_BASE_SyntaxError (&SyntaxError)
#define MOLT_EXC_BASE_IndentationError (&IndentationError)
#define MOLT_EXC_BASE_ValueError (&ValueError)
#define MOLT_EXC_BASE_UnicodeError (&UnicodeError)
#define MOLT_EXC_BASE_Warning (&Warning)
#include "exc/exceptions.def"
#undef MOLT_EXC
#undef MOLT_EXC_TYPE
}  // namespace exc

Value exception_new(Type* type, Value stolen_args) {
  Object* o = alloc_object(type, sizeof(ExceptionObject));
  if (o == nullptr) {
    decref(stolen_args);
    return MOLT_ERROR;
  }
  ExceptionObject* e = reinterpret_cast<ExceptionObject*>(o);
  e->args = stolen_args;
  e->traceback = MOLT_NONE;
  e->cause = MOLT_NONE;
  e->context = MOLT_NONE;
  e->notes = MOLT_UNBOUND;
  e->suppress_context = false;
  return from_object(o);
}

bool is_exception(Value v) { return molt_is_ptr(v) && (type_of(v)->flags & kTypeIsExceptionSubclass) != 0; }

}  // namespace molt
