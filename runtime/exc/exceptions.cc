// exceptions.cc — the exception type objects and BaseException behaviour.
#include "exc/exceptions.h"

#include "core/abstract.h"

#include <stdio.h>
#include <string.h>

#include "core/attr.h"
#include "objects/class.h"
#include "objects/list.h"
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
  decref(e->name);
  free_object(o);
}

void exception_traverse(Object* o, VisitFn visit, void* arg) {
  ExceptionObject* e = reinterpret_cast<ExceptionObject*>(o);
  visit(e->args, arg);
  visit(e->traceback, arg);
  visit(e->cause, arg);
  visit(e->context, arg);
  visit(e->notes, arg);
  visit(e->name, arg);
}

void exception_clear(Object* o) {
  ExceptionObject* e = reinterpret_cast<ExceptionObject*>(o);
  Value vs[] = {e->args, e->traceback, e->cause, e->context, e->notes, e->name};
  e->args = e->traceback = e->cause = e->context = e->name = MOLT_NONE;
  e->notes = MOLT_UNBOUND;
  for (Value v : vs) decref(v);
}

bool attr_is(Value name, const char* want) {
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  return text != nullptr && n == strlen(want) && memcmp(text, want, n) == 0;
}

/// BaseException's attributes (args, __traceback__, __cause__, ...), then
/// the instance dict of Python-defined subclasses.
Value exception_getattr(Value self, Value name) {
  ExceptionObject* e = as_exception(self);
  if (attr_is(name, "args")) return new_ref(is_tuple(e->args) ? e->args : MOLT_NONE);
  if (attr_is(name, "__traceback__")) return new_ref(e->traceback);
  if (attr_is(name, "__cause__")) return new_ref(e->cause);
  if (attr_is(name, "__context__")) return new_ref(e->context);
  if (attr_is(name, "__suppress_context__")) return molt_from_bool(e->suppress_context);
  if (attr_is(name, "__notes__") && e->notes != MOLT_UNBOUND) return new_ref(e->notes);
  if (attr_is(name, "name") && is_subtype(type_of(self), &exc::NameError)) return new_ref(e->name);
  if (attr_is(name, "value") && is_subtype(type_of(self), &exc::StopIteration)) {
    return new_ref(is_tuple(e->args) && tuple_size(e->args) > 0 ? tuple_item_borrowed(e->args, 0) : MOLT_NONE);
  }
  if (is_heap_type(type_of(self))) return generic_getattr_with_dict(self, name);
  return generic_getattr(self, name);
}

int exception_setattr(Value self, Value name, Value value) {
  ExceptionObject* e = as_exception(self);
  Value* field = nullptr;
  if (attr_is(name, "args")) {
    if (value == MOLT_UNBOUND) return raise_message(&exc::TypeError, "args may not be deleted"), -1;
    Value t = tuple_from_iterable(value);
    if (molt_is_error(t)) return -1;
    decref(e->args);
    e->args = t;
    return 0;
  }
  if (attr_is(name, "__cause__")) {
    if (value != MOLT_NONE && value != MOLT_UNBOUND && !is_exception(value)) {
      raise_message(&exc::TypeError, "exception cause must be None or derive from BaseException");
      return -1;
    }
    e->suppress_context = true;
    field = &e->cause;
  } else if (attr_is(name, "__context__")) {
    if (value != MOLT_NONE && value != MOLT_UNBOUND && !is_exception(value)) {
      raise_message(&exc::TypeError, "exception context must be None or derive from BaseException");
      return -1;
    }
    field = &e->context;
  } else if (attr_is(name, "__traceback__")) {
    field = &e->traceback;
  } else if (attr_is(name, "__suppress_context__")) {
    int t = object_truth(value);
    if (t < 0) return -1;
    e->suppress_context = t != 0;
    return 0;
  }
  if (field != nullptr) {
    Value old = *field;
    *field = value == MOLT_UNBOUND ? MOLT_NONE : new_ref(value);
    decref(old);
    return 0;
  }
  if (is_heap_type(type_of(self))) return generic_setattr_with_dict(self, name, value);
  size_t n = 0;
  const char* text = str_utf8(name, &n);
  raise(ErrorId::NoAttribute, type_of(self)->name, text ? text : "?");
  return -1;
}

Value exception_with_traceback(Value self, const Value* args, size_t nargs, Value) {
  if (nargs != 1) return raise_message(&exc::TypeError, "with_traceback() takes exactly one argument");
  ExceptionObject* e = as_exception(self);
  Value old = e->traceback;
  e->traceback = new_ref(args[0]);
  decref(old);
  return new_ref(self);
}

Value exception_add_note(Value self, const Value* args, size_t nargs, Value) {
  if (nargs != 1) return raise_message(&exc::TypeError, "BaseException.add_note() takes exactly one argument");
  if (!is_str(args[0])) {
    char msg[120];
    snprintf(msg, sizeof msg, "note must be a str, not '%s'", type_of(args[0])->name);
    return raise_message(&exc::TypeError, msg);
  }
  ExceptionObject* e = as_exception(self);
  if (e->notes == MOLT_UNBOUND) {
    e->notes = list_new(0);
    if (molt_is_error(e->notes)) {
      e->notes = MOLT_UNBOUND;
      return MOLT_ERROR;
    }
  }
  if (list_append(e->notes, args[0]) < 0) return MOLT_ERROR;
  return MOLT_NONE;
}

/// BaseException.__init__(self, *args): args becomes the new args tuple.
Value exception_init_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames != MOLT_NONE && tuple_size(kwnames) > 0) {
    return raise(ErrorId::ExceptionNoKeywords, type_of(self)->name);
  }
  Value t = tuple_new(static_cast<int64_t>(nargs));
  if (molt_is_error(t)) return t;
  for (size_t i = 0; i < nargs; ++i) tuple_set_steal(t, static_cast<int64_t>(i), new_ref(args[i]));
  ExceptionObject* e = as_exception(self);
  decref(e->args);
  e->args = t;
  return MOLT_NONE;
}

const MethodDef kExceptionMethods[] = {
    {"__init__", exception_init_method, kMethodPlain},
    {"with_traceback", exception_with_traceback, kMethodPlain},
    {"add_note", exception_add_note, kMethodPlain},
    {nullptr, nullptr, 0},
};

int64_t exception_hash(Value v) {
  uint64_t p = static_cast<uint64_t>(reinterpret_cast<uintptr_t>(molt_as_ptr(v)));
  int64_t h = static_cast<int64_t>((p >> 4) | (p << 60));
  return h == -1 ? -2 : h;
}

}  // namespace

Value exception_str(Value self) {
  ExceptionObject* e = as_exception(self);
  // The static MemoryError has no args tuple (it must exist without allocating).
  int64_t n = is_tuple(e->args) ? tuple_size(e->args) : 0;
  if (n == 0) return str_from_ascii("", 0);
  // KeyError shows the repr of a lone key, so KeyError('') reads as ''.
  if (n == 1 && is_subtype(type_of(self), &exc::KeyError)) return object_repr(tuple_item_borrowed(e->args, 0));
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

namespace {

/// BaseException(*args): CPython accepts any positional arguments and no
/// keywords.
Value exception_construct(Type* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames != MOLT_NONE && tuple_size(kwnames) > 0) return raise(ErrorId::ExceptionNoKeywords, type->name);
  Value t = tuple_new(static_cast<int64_t>(nargs));
  if (molt_is_error(t)) return t;
  for (size_t i = 0; i < nargs; ++i) tuple_set_steal(t, static_cast<int64_t>(i), new_ref(args[i]));
  return exception_new(type, t);
}

}  // namespace

namespace exc {
// Each exception type: same slots, its own name and base.
#define MOLT_EXC_TYPE(exc_name, base_ptr)                                                              \
  Type exc_name = {                                                                                \
      .ob = {kImmortalRefcount, &type_type},                                                       \
      .name = #exc_name,                                                                           \
      .base = base_ptr,                                                                            \
      .flags = kTypeIsExceptionSubclass | kTypeAcceptsSubclasses | kTypeIsGc,                      \
      .basic_size = sizeof(ExceptionObject),                                                       \
      .dealloc = exception_dealloc,                                                                \
      .repr = exception_repr,                                                                      \
      .str = exception_str,                                                                        \
      .hash = exception_hash,                                                                      \
      .richcompare = nullptr,                                                                      \
      .as_number = nullptr,                                                                        \
      .as_sequence = nullptr,                                                                      \
      .as_mapping = nullptr,                                                                       \
      .call = nullptr,                                                                             \
      .iter = nullptr,                                                                             \
      .iternext = nullptr,                                                                         \
      .construct = exception_construct,                                                            \
      .methods = kExceptionMethods,                                                                \
      .getattr = exception_getattr,                                                                \
      .setattr = exception_setattr,                                                                \
      .traverse = exception_traverse,                                                              \
      .clear = exception_clear,                                                                    \
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
  Object* o = alloc_object(type, type->basic_size);
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
  e->name = MOLT_NONE;
  return from_object(o);
}

bool is_exception_class(Value v) {
  return molt_is_ptr(v) && type_of(v) == &type_type &&
         (reinterpret_cast<Type*>(as_object(v))->flags & kTypeIsExceptionSubclass) != 0;
}

Value exception_from_operand(Value v, bool for_cause) {
  if (is_exception(v)) return new_ref(v);
  if (is_exception_class(v)) {
    Type* t = reinterpret_cast<Type*>(as_object(v));
    return t->construct(t, nullptr, 0, MOLT_NONE);
  }
  return raise(for_cause ? ErrorId::CauseNonException : ErrorId::RaiseNonException);
}

int exception_matches(Value exc, Value type) {
  if (is_tuple(type)) {
    // CPython checks every element is an exception class before matching.
    int64_t n = tuple_size(type);
    for (int64_t i = 0; i < n; ++i) {
      Value t = tuple_item_borrowed(type, i);
      if (!is_exception_class(t) && !is_tuple(t)) {
        raise(ErrorId::CatchNonException);
        return -1;
      }
    }
    for (int64_t i = 0; i < n; ++i) {
      int r = exception_matches(exc, tuple_item_borrowed(type, i));
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_exception_class(type)) {
    raise(ErrorId::CatchNonException);
    return -1;
  }
  return is_subtype(type_of(exc), reinterpret_cast<Type*>(as_object(type))) ? 1 : 0;
}

bool is_exception(Value v) { return molt_is_ptr(v) && (type_of(v)->flags & kTypeIsExceptionSubclass) != 0; }

}  // namespace molt
