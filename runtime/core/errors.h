// errors.h — raising, inspecting and clearing the current exception.
//
// Molt uses CPython's convention: a runtime function that fails sets the
// thread state's current exception and returns MOLT_ERROR (or -1 / null for
// non-Value results). Callers test and propagate. There are no C++
// exceptions anywhere.
#pragma once

#include <stdarg.h>

#include "core/object.h"

namespace molt {

/// Identifiers of the messages in errors.def.
enum class ErrorId : uint16_t {
#define MOLT_ERRMSG(id, exc, msg) id,
#include "core/errors.def"
#undef MOLT_ERRMSG
};

/// Raises the exception `id` names with its message formatted from the
/// printf-style arguments. Always returns MOLT_ERROR.
Value raise(ErrorId id, ...);
/// Raises `type(message)`. Always returns MOLT_ERROR.
Value raise_message(Type* type, const char* message);
/// Raises `type(message)` with a message of `len` UTF-8 bytes.
Value raise_message_n(Type* type, const char* message, size_t len);
/// Raises `type()` with no arguments.
Value raise_empty(Type* type);
/// Raises the exception instance `exc`, taking ownership of it.
Value raise_instance(Value stolen_exc);
/// Raises MemoryError (without allocating). Returns MOLT_ERROR.
Value raise_no_memory();

/// True if an exception is pending.
bool error_occurred();
/// The pending exception (borrowed), or MOLT_NONE.
Value current_error_borrowed();
/// Removes and returns the pending exception (owned), or MOLT_NONE.
Value fetch_error();
/// Discards the pending exception.
void clear_error();
/// True if the pending exception is an instance of `type`.
bool error_matches(Type* type);

/// Internal invariant check; prints a message and aborts on failure. Used
/// for bugs only, never for Python-level errors.
[[noreturn]] void fatal(const char* fmt, ...);
#define MOLT_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) ::molt::fatal("%s:%d: check failed: %s", __FILE__, __LINE__, #cond); \
  } while (0)
#ifdef NDEBUG
#define MOLT_DCHECK(cond) ((void)0)
#else
#define MOLT_DCHECK(cond) MOLT_CHECK(cond)
#endif

}  // namespace molt
