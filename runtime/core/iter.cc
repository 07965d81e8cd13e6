// iter.cc — object_iter/iter_next and the builtins iter() and next().
#include "core/iter.h"

#include "core/errors.h"
#include "exc/exceptions.h"
#include "objects/container_util.h"
#include "objects/function.h"
#include "objects/iterators.h"

namespace molt {

bool is_iterator(Value v) {
  return molt_is_ptr(v) && as_object(v)->type->iternext != nullptr;
}

Value iter_self(Value it) {
  return new_ref(it);
}

Value object_iter(Value v) {
  Type* t = type_of(v);
  if (t->iter != nullptr) {
    Value it = t->iter(v);
    if (molt_is_error(it) || is_iterator(it)) return it;
    const char* name = type_name(it);
    decref(it);
    return raise(ErrorId::IterReturnedNonIterator, name);
  }
  if (t->as_sequence != nullptr && t->as_sequence->item != nullptr) return seq_iter_new(v);
  return raise(ErrorId::NotIterable, t->name);
}

Value iter_next_slow(Value it, Value result) {
  if (molt_is_error(result)) {
    if (!error_matches(&exc::StopIteration)) return MOLT_ERROR;
    clear_error();
    return MOLT_UNBOUND;
  }
  return raise(ErrorId::NotAnIterator, type_name(it));
}

Value builtin_iter(const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("iter", kwnames) || !check_positional("iter", nargs, 1, 2)) return MOLT_ERROR;
  if (nargs == 1) return object_iter(args[0]);
  if (type_of(args[0])->call == nullptr) return raise(ErrorId::IterSentinelNotCallable);
  return callable_iter_new(args[0], args[1]);
}

Value builtin_next(const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("next", kwnames) || !check_positional("next", nargs, 1, 2)) return MOLT_ERROR;
  Value it = args[0];
  if (!is_iterator(it)) return raise(ErrorId::NotAnIterator, type_name(it));
  Value r = as_object(it)->type->iternext(it);
  if (r != MOLT_UNBOUND && !molt_is_error(r)) return r;
  if (nargs > 1) {
    if (molt_is_error(r)) {
      if (!error_matches(&exc::StopIteration)) return MOLT_ERROR;
      clear_error();
    }
    return new_ref(args[1]);
  }
  if (molt_is_error(r)) return MOLT_ERROR;
  return raise_empty(&exc::StopIteration);
}

BuiltinFunctionObject g_builtin_iter = {{kImmortalRefcount, &builtin_function_type}, "iter", builtin_iter};
BuiltinFunctionObject g_builtin_next = {{kImmortalRefcount, &builtin_function_type}, "next", builtin_next};

}  // namespace molt
