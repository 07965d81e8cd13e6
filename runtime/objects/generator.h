// generator.h — generator objects.
//
// A generator's body is compiled as an LLVM coroutine (switched-resume
// lowering): the frame holds every value live across a `yield`, and
// resuming it runs the body to the next yield, return or exception. The
// GeneratorObject is what Python sees; the compiled body talks to it through
// the molt_gen_* entry points (molt/abi.h):
//   yield v      ->  molt_gen_yield(gen, v); suspend; value = molt_gen_resumed(gen)
//                    (which raises the exception thrown in by throw()/close())
//   return v     ->  molt_gen_return(gen, v); final suspend
//   an exception ->  molt_gen_fail(gen); final suspend (the exception pending)
#pragma once

#include "core/object.h"
#include "molt/abi.h"

namespace molt {

extern Type generator_type;

enum class GenState : uint8_t { Created, Suspended, Running, Finished };

struct GeneratorObject {
  Object ob;
  void* handle;  ///< the coroutine frame
  const MoltFunctionInfo* info;
  GenState state;
  bool throwing;  ///< resumed by throw(): the yield raises the pending exception
  bool failed;    ///< finished by an exception
  Value value;    ///< the yielded value, then the return value (owned; MOLT_UNBOUND when none)
  Value sent;     ///< the value send() passes in (owned)
  Value name;     ///< __name__ override, 0 for info->name
  Value handled;  ///< the exception its suspended `except` block handles (owned), or None
};

/// Resumes `gen` with `sent` (borrowed): the next yielded value (new
/// reference), MOLT_UNBOUND when it returned (its return value is kept in
/// gen->value for `yield from` and StopIteration.value), or MOLT_ERROR.
Value generator_resume(Value gen, Value sent);
/// throw(exc) into the generator: resumes it with `exc` raised at its yield.
Value generator_throw(Value gen, Value exc);
/// close(): throws GeneratorExit in; 0, or -1 with an exception set.
int generator_close(Value gen);
/// The return value of a finished generator (borrowed; None if none).
Value generator_return_value(Value gen);

}  // namespace molt
