// traceback.h — traceback objects and the uncaught-exception report.
//
// As an exception propagates out of a compiled frame, codegen calls
// molt_traceback_add(code, line), which prepends a TracebackObject to the
// exception's __traceback__ — the same order CPython builds (outermost
// frame first), so printing walks the list from the head.
#pragma once

#include "core/object.h"
#include "molt/abi.h"

namespace molt {

extern Type traceback_type;

struct TracebackObject {
  Object ob;
  Value next;  ///< the next (inner) entry, or None
  const MoltCodeInfo* code;
  int32_t line;
};

/// Prepends a traceback entry for (code, line) to `exc`'s traceback.
/// Returns false on allocation failure.
bool traceback_add(Value exc, const MoltCodeInfo* code, int32_t line);

/// Prints `exc` to stderr as CPython's default excepthook does:
/// "Traceback (most recent call last):", one entry per frame with its
/// source line when the file is readable, then "Type: message".
void print_exception(Value exc);

}  // namespace molt
