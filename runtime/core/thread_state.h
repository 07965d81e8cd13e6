// thread_state.h — the per-thread interpreter state.
//
// Molt programs are single-threaded (the wasm target has no threads, and the
// async runtime is a single-threaded event loop), so there is exactly one
// ThreadState, reached through `ts()`. It holds the pending exception and
// the recursion depth used to raise RecursionError instead of overflowing
// the native stack.
#pragma once

#include "core/object.h"

namespace molt {

struct ThreadState {
  /// The exception being raised or propagated (owned), or MOLT_NONE.
  Value current_exc = MOLT_NONE;
  /// The exception being handled by an `except`/`finally` block (owned), or
  /// MOLT_NONE: sys.exc_info(), the implicit __context__ of new exceptions,
  /// and what a bare `raise` re-raises.
  Value handled_exc = MOLT_NONE;
  /// The StopIteration value of the last non-generator delegate a
  /// `yield from` finished (owned).
  Value yield_from_value = MOLT_NONE;
  /// Number of active compiled-function frames.
  int32_t depth = 0;
  /// sys.getrecursionlimit(); CPython's default is 1000.
  int32_t recursion_limit = 1000;
};

extern ThreadState g_thread_state;
inline ThreadState& ts() { return g_thread_state; }

}  // namespace molt
