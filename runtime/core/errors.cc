// errors.cc — the pending-exception machinery and errors.def messages.
#include "core/errors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/thread_state.h"
#include "exc/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"

namespace molt {

namespace {

struct ErrorInfo {
  Type* type;
  const char* format;
};

const ErrorInfo& error_info(ErrorId id) {
  static const ErrorInfo kInfo[] = {
#define MOLT_ERRMSG(id, exc_name, msg) {&exc::exc_name, msg},
#include "core/errors.def"
#undef MOLT_ERRMSG
  };
  return kInfo[static_cast<size_t>(id)];
}

// A statically allocated MemoryError instance, raised when allocation fails
// so that reporting the failure needs no memory.
ExceptionObject g_memory_error = {
    {kImmortalRefcount, &exc::MemoryError}, MOLT_NONE, MOLT_NONE, MOLT_NONE, MOLT_NONE, MOLT_NONE, false, MOLT_NONE,
};

void set_pending(Value exc) {
  Value old = ts().current_exc;
  ts().current_exc = exc;
  decref(old);
}

}  // namespace

Value raise_instance(Value stolen_exc) {
  // Implicit chaining: an exception raised while another is being handled
  // gets it as __context__ (CPython's _PyErr_SetObject), without creating a
  // cycle through the new exception's own context chain.
  Value handled = ts().handled_exc;
  if (handled != MOLT_NONE && handled != stolen_exc && is_exception(stolen_exc) &&
      stolen_exc != from_object(&g_memory_error.ob)) {
    Value o = handled;
    while (is_exception(o)) {
      ExceptionObject* e = as_exception(o);
      if (e->context == stolen_exc) {
        Value c = e->context;
        e->context = MOLT_NONE;
        decref(c);
        break;
      }
      o = e->context;
    }
    ExceptionObject* e = as_exception(stolen_exc);
    Value old = e->context;
    e->context = new_ref(handled);
    decref(old);
  }
  set_pending(stolen_exc);
  return MOLT_ERROR;
}

Value raise_no_memory() {
  incref(from_object(&g_memory_error.ob));
  return raise_instance(from_object(&g_memory_error.ob));
}

Value raise_message_n(Type* type, const char* message, size_t len) {
  Value msg = str_from_utf8(message, len);
  if (molt_is_error(msg)) return MOLT_ERROR;
  Value args = tuple_pack1_steal(msg);
  if (molt_is_error(args)) return MOLT_ERROR;
  Value exc = exception_new(type, args);
  if (molt_is_error(exc)) return MOLT_ERROR;
  return raise_instance(exc);
}

Value raise_message(Type* type, const char* message) { return raise_message_n(type, message, strlen(message)); }

Value raise_empty(Type* type) {
  Value args = tuple_new(0);
  if (molt_is_error(args)) return MOLT_ERROR;
  Value exc = exception_new(type, args);
  if (molt_is_error(exc)) return MOLT_ERROR;
  return raise_instance(exc);
}

Value raise(ErrorId id, ...) {
  const ErrorInfo& info = error_info(id);
  if (info.format[0] == '\0') return raise_empty(info.type);
  char stack_buf[512];
  va_list ap;
  va_start(ap, id);
  int n = vsnprintf(stack_buf, sizeof stack_buf, info.format, ap);
  va_end(ap);
  if (n < 0) return raise_message(info.type, info.format);
  if (static_cast<size_t>(n) < sizeof stack_buf) return raise_message_n(info.type, stack_buf, static_cast<size_t>(n));
  char* heap_buf = static_cast<char*>(malloc(static_cast<size_t>(n) + 1));
  if (heap_buf == nullptr) return raise_no_memory();
  va_start(ap, id);
  vsnprintf(heap_buf, static_cast<size_t>(n) + 1, info.format, ap);
  va_end(ap);
  Value r = raise_message_n(info.type, heap_buf, static_cast<size_t>(n));
  free(heap_buf);
  return r;
}

bool error_occurred() { return ts().current_exc != MOLT_NONE; }

Value current_error_borrowed() { return ts().current_exc; }

Value fetch_error() {
  Value exc = ts().current_exc;
  ts().current_exc = MOLT_NONE;
  return exc;
}

void clear_error() { set_pending(MOLT_NONE); }

bool error_matches(Type* type) {
  Value exc = ts().current_exc;
  return exc != MOLT_NONE && is_subtype(type_of(exc), type);
}

void fatal(const char* fmt, ...) {
  fflush(stdout);
  fputs("molt: fatal runtime error: ", stderr);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  abort();
}

}  // namespace molt
